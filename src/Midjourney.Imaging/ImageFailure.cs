using System;

namespace Midjourney.Imaging;

/// <summary>An image the library cannot use (not an image, wrong size or shape); the message says what to do.</summary>
internal sealed class ImageFailure : Exception
{
    /// <summary>Creates the failure.</summary>
    public ImageFailure(string message)
        : base(message)
    {
    }
}
