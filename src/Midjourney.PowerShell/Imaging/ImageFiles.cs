using System;
using System.IO;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Imaging;

/// <summary>
/// Reads image files (and their sidecars) into memory for Show-MjImage, Split-MjImage and Get-MjImageInfo: refused
/// over <see cref="MjLimits.MaxImageBytes"/> before a byte is read, and every failure is an error that names the file.
/// </summary>
internal static class ImageFiles
{
    /// <summary>The bytes of an image file.</summary>
    public static byte[] Read(string path) => ReadCapped(path, MjLimits.MaxImageBytes, nameof(MjLimits.MaxImageBytes));

    /// <summary>
    /// The first <paramref name="count"/> bytes of an image file (all of a smaller one): its header and the text chunks
    /// this module writes right after it, without reading a whole picture.
    /// </summary>
    public static byte[] ReadHead(string path, int count) => Guarded(path, stream =>
    {
        var bytes = new byte[Math.Min(count, stream.Length)];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read < bytes.Length)
        {
            Array.Resize(ref bytes, read);
        }

        return bytes;
    });

    /// <summary>The text of a sidecar JSON file (at most <see cref="MjLimits.MaxPngTextBytes"/>, like the chunk it stands for).</summary>
    public static string ReadSidecar(string path) =>
        System.Text.Encoding.UTF8.GetString(ReadCapped(path, MjLimits.MaxPngTextBytes, nameof(MjLimits.MaxPngTextBytes)));

    private static InvalidInputException TooLarge(string path, string size, long maximum, string limit) => new(
        $"'{path}' is {size}, over the limit of {MjLimits.Megabytes(maximum)} (MjLimits.{limit}) for a file read into memory; it was not read.",
        path, MjErrorCategory.InvalidData);

    private static byte[] ReadCapped(string path, long maximum, string limit) => Guarded(path, stream =>
    {
        var length = stream.CanSeek ? stream.Length : 0;
        if (length > maximum)
        {
            throw TooLarge(path, MjLimits.Megabytes(length), maximum, limit);
        }

        // Read as it streams, stopped at the limit: a file that says nothing of its length (a device, a pipe, one
        // still growing) is held to the limit too.
        using var buffer = new MemoryStream(length > 0 ? (int)length : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maximum)
            {
                throw TooLarge(path, "more", maximum, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    });

    /// <summary>
    /// <paramref name="read"/> over the file opened for reading (others may still write it); a failure to open or read
    /// it is an error that names the file.
    /// </summary>
    private static T Guarded<T>(string path, Func<FileStream, T> read)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InvalidInputException($"'{path}' cannot be read: {e.Message}", path, MjErrorCategory.ReadError, e);
        }
    }
}
