using System;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>
/// A small JPEG preview of an image (Export-MjGallery's thumbnails). Decoding goes through <see cref="ImageCodec"/>, so
/// an image over the module's pixel limit is refused from its header before anything is allocated.
/// </summary>
internal static class Thumbnailer
{
    private static readonly int[] Qualities = { 82, 72, 62, 52, 42 };

    /// <summary>
    /// The image fitted into <paramref name="maxSide"/>×<paramref name="maxSide"/> (never enlarged) as a JPEG of at
    /// most <paramref name="maxBytes"/> bytes: the quality steps down first, then the size. Transparent parts are laid
    /// on grey. <paramref name="what"/> names the image in errors.
    /// </summary>
    public static Thumbnail Make(byte[] image, string what, int maxSide, int maxBytes)
    {
        using var decoded = DecodeFitted(image, what, maxSide);
        var side = maxSide;
        while (true)
        {
            var (width, height) = Fit(decoded.Width, decoded.Height, side);
            using var small = Shrink(decoded, width, height, what);
            foreach (var quality in Qualities)
            {
                var jpeg = EncodeJpeg(small, quality);
                if (jpeg.Length <= maxBytes)
                {
                    return new Thumbnail(jpeg, width, height);
                }
            }

            if (side <= 32)
            {
                throw new ImageFailure($"{what} does not fit a {maxBytes}-byte preview.");
            }

            side = side * 3 / 4;
        }
    }

    /// <summary>
    /// The image opened once (its header checked), decoded no larger than the format needs for <paramref name="maxSide"/>;
    /// the compressed copy is freed before the preview is made.
    /// </summary>
    private static SKBitmap DecodeFitted(byte[] image, string what, int maxSide)
    {
        using var opened = ImageCodec.Open(image, what);
        return opened.Decode(Fit(opened.Width, opened.Height, maxSide).Width);
    }

    /// <summary>The size that fits <paramref name="width"/>×<paramref name="height"/> into a square of <paramref name="side"/>.</summary>
    private static (int Width, int Height) Fit(int width, int height, int side)
    {
        if (width <= side && height <= side)
        {
            return (width, height);
        }

        var scale = (double)side / Math.Max(width, height);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>
    /// A copy at <paramref name="width"/>×<paramref name="height"/> on an opaque grey ground: halved with linear filtering
    /// while more than twice too big (a single big step aliases), then one cubic step.
    /// </summary>
    private static SKBitmap Shrink(SKBitmap source, int width, int height, string what)
    {
        var current = source;
        try
        {
            while (current.Width >= width * 2 && current.Height >= height * 2)
            {
                var half = ImageCodec.NewBitmap(current.Width / 2, current.Height / 2, what);
                current.ScalePixels(half, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                if (!ReferenceEquals(current, source))
                {
                    current.Dispose();
                }

                current = half;
            }

            // Premultiplied: a canvas draws only into those (the preview is small, so no limit applies).
            var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(target))
            using (var image = SKImage.FromBitmap(current))
            {
                canvas.Clear(new SKColor(0x80, 0x80, 0x80));
                canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
            }

            return target;
        }
        finally
        {
            if (!ReferenceEquals(current, source))
            {
                current.Dispose();
            }
        }
    }

    private static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image?.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data?.ToArray() ?? throw new ImageFailure("SkiaSharp could not encode the JPEG preview (out of memory?).");
    }
}

/// <summary>A JPEG preview and its size in pixels.</summary>
internal sealed class Thumbnail
{
    /// <summary>Creates the preview.</summary>
    public Thumbnail(byte[] jpeg, int width, int height)
    {
        Jpeg = jpeg;
        Width = width;
        Height = height;
    }

    /// <summary>The JPEG bytes.</summary>
    public byte[] Jpeg { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }
}
