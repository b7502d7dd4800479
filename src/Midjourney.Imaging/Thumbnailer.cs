using System;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>A small JPEG preview of an image (Export-MjGallery's thumbnails).</summary>
internal static class Thumbnailer
{
    // Beyond this many pixels an image is refused before it is decoded (a 2048x2048 grid is 4.2 MP; 16384² is 268 MP).
    private const long MaxPixels = 100_000_000;

    private static readonly int[] Qualities = { 82, 72, 62, 52, 42 };

    /// <summary>
    /// The image fitted into <paramref name="maxSide"/>×<paramref name="maxSide"/> (never enlarged) as a JPEG of at
    /// most <paramref name="maxBytes"/> bytes: the quality steps down first, then the size. Transparent parts are laid
    /// on grey. <paramref name="what"/> names the image in errors.
    /// </summary>
    public static Thumbnail Make(byte[] image, string what, int maxSide, int maxBytes)
    {
        if (image is null || image.Length == 0)
        {
            throw new ImageFailure($"{what} is empty.");
        }

        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data) ?? throw new ImageFailure($"{what} is not an image this module can read (PNG, JPEG, WebP or GIF).");
        var size = codec.Info;
        if (size.Width <= 0 || size.Height <= 0 || (long)size.Width * size.Height > MaxPixels)
        {
            throw new ImageFailure($"{what} is {size.Width}x{size.Height} pixels, more than this module previews ({MaxPixels / 1_000_000} megapixels).");
        }

        using var decoded = Decode(codec, what, Fit(size.Width, size.Height, maxSide));
        var side = maxSide;
        while (true)
        {
            var (width, height) = Fit(decoded.Width, decoded.Height, side);
            using var small = Shrink(decoded, width, height);
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

    /// <summary>Decodes, at a reduced size where the format allows it (JPEG, WebP), never below the target.</summary>
    private static SKBitmap Decode(SKCodec codec, string what, (int Width, int Height) target)
    {
        var full = codec.Info;
        var scaled = codec.GetScaledDimensions((float)target.Width / full.Width);
        var dimensions = scaled.Width >= target.Width && scaled.Height >= target.Height ? scaled : new SKSizeI(full.Width, full.Height);
        var info = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new ImageFailure($"{what} could not be decoded ({result}).");
        }

        return bitmap;
    }

    /// <summary>
    /// A copy at <paramref name="width"/>×<paramref name="height"/> on an opaque grey ground: halved with linear filtering
    /// while more than twice too big (a single big step aliases), then one cubic step.
    /// </summary>
    private static SKBitmap Shrink(SKBitmap source, int width, int height)
    {
        var current = source;
        try
        {
            while (current.Width >= width * 2 && current.Height >= height * 2)
            {
                var half = new SKBitmap(new SKImageInfo(current.Width / 2, current.Height / 2, SKColorType.Rgba8888, SKAlphaType.Premul));
                current.ScalePixels(half, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                if (!ReferenceEquals(current, source))
                {
                    current.Dispose();
                }

                current = half;
            }

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
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data?.ToArray() ?? throw new ImageFailure("SkiaSharp could not encode the JPEG preview.");
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
