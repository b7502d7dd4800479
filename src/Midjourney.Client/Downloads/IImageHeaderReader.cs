namespace Midjourney.Client;

/// <summary>
/// Reads an image's size from the first bytes of its file. The client fetches the bytes; an imaging library
/// (the module's Midjourney.Imaging) interprets them, so the client itself carries no image decoder.
/// </summary>
public interface IImageHeaderReader
{
    /// <summary>The width and height in pixels, or null when <paramref name="head"/> is not (enough of) an image.</summary>
    /// <param name="head">The start of the file; possibly the whole file.</param>
    (int Width, int Height)? ReadSize(byte[] head);
}
