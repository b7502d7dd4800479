using System;
using Midjourney.Client;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>
/// The one place that decodes and encodes (SkiaSharp): PNG, JPEG, WebP and GIF in, PNG or WebP out. Every image is
/// opened through its header first: bytes that are no image, and images over <see cref="MjLimits.MaxImagePixels"/>, are
/// refused before a pixel is allocated, and every allocation that fails is an <see cref="ImageFailure"/> that names the
/// image, never SkiaSharp's own exception. A PNG's text chunks are left out of what the decoder sees (it would inflate
/// them all first); <see cref="PngText"/> reads them, under its own limit.
/// </summary>
internal static class ImageCodec
{
    /// <summary>The width and height from the start of an image file (a header is enough), or null. Not limited: nothing is decoded.</summary>
    public static (int Width, int Height)? ReadSize(byte[] head)
    {
        if (head is null || head.Length == 0)
        {
            return null;
        }

        using var data = SKData.CreateCopy(PngText.WithoutText(head));
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var info = codec.Info;
        return info.Width > 0 && info.Height > 0 ? (info.Width, info.Height) : null;
    }

    /// <summary>Decodes a whole image into RGBA pixels; <paramref name="what"/> names it in the error.</summary>
    public static SKBitmap Decode(byte[] bytes, string what)
    {
        using var image = Open(bytes, what);
        return image.Decode(0);
    }

    /// <summary>
    /// An image opened from its header and checked: a file that is no image, or one over
    /// <see cref="MjLimits.MaxImagePixels"/>, is an <see cref="ImageFailure"/>. Its size can be read and it can then be
    /// decoded without parsing the bytes again; dispose it (SkiaSharp's native objects).
    /// </summary>
    public static OpenedImage Open(byte[] bytes, string what)
    {
        var data = bytes is null || bytes.Length == 0 ? null : SKData.CreateCopy(PngText.WithoutText(bytes));
        SKCodec? codec = null;
        try
        {
            codec = data is null ? null : SKCodec.Create(data);
            var info = Check(codec, what);
            return new OpenedImage(data!, codec!, info, what);
        }
        catch
        {
            codec?.Dispose();
            data?.Dispose();
            throw;
        }
    }

    /// <summary>A new RGBA bitmap, refused over <see cref="MjLimits.MaxImagePixels"/>, and an error (not SkiaSharp's) when memory runs out.</summary>
    public static SKBitmap NewBitmap(int width, int height, string what)
    {
        CheckArea(width, height, what);
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul)))
        {
            bitmap.Dispose();
            throw new ImageFailure($"There is not enough memory to hold {what} ({width}x{height}, {(long)width * height * 4 / (1024 * 1024)} MB as RGBA).");
        }

        return bitmap;
    }

    /// <summary>Encodes lossless PNG.</summary>
    public static byte[] EncodePng(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image?.Encode(SKEncodedImageFormat.Png, 100);
        return data?.ToArray() ?? throw new ImageFailure("SkiaSharp could not encode the PNG (out of memory?).");
    }

    /// <summary>Encodes WebP at the given quality (100 = lossless).</summary>
    public static byte[] EncodeWebp(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image?.Encode(SKEncodedImageFormat.Webp, quality);
        return data?.ToArray() ?? throw new ImageFailure("SkiaSharp could not encode the WebP (out of memory?).");
    }

    /// <summary>A resized copy (high-quality sampling).</summary>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var target = NewBitmap(Math.Max(1, width), Math.Max(1, height), "the resized image");
        if (!source.ScalePixels(target, new SKSamplingOptions(SKCubicResampler.Mitchell)))
        {
            target.Dispose();
            throw new ImageFailure("SkiaSharp could not resize the image.");
        }

        return target;
    }

    /// <summary>The rectangle <paramref name="area"/>, sharing the source's pixels (encode it before the source is disposed).</summary>
    public static SKBitmap Crop(SKBitmap source, SKRectI area)
    {
        var target = new SKBitmap();
        if (!source.ExtractSubset(target, area))
        {
            target.Dispose();
            throw new ImageFailure("SkiaSharp could not cut the image.");
        }

        return target;
    }

    private static SKImageInfo Check(SKCodec? codec, string what)
    {
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            throw new ImageFailure($"{what} is not an image this module can read (PNG, JPEG, WebP or GIF).");
        }

        CheckArea(codec.Info.Width, codec.Info.Height, what);
        return codec.Info;
    }

    private static void CheckArea(int width, int height, string what)
    {
        if (width <= 0 || height <= 0 || (long)width * height > MjLimits.MaxImagePixels)
        {
            throw new ImageFailure(
                $"{what} is {width}x{height} ({(long)width * height / 1_000_000.0:0.#} megapixels), over the limit of {MjLimits.MaxImagePixels / 1_000_000.0:0.#} megapixels (MjLimits.MaxImagePixels) for an image this module decodes or draws; it was not decoded.");
        }
    }
}

/// <summary>An image whose header <see cref="ImageCodec.Open"/> has read and checked, ready to decode.</summary>
internal sealed class OpenedImage : IDisposable
{
    private readonly SKData data;
    private readonly SKCodec codec;
    private readonly SKImageInfo info;
    private readonly string what;

    /// <summary>Keeps the checked codec and the data it reads.</summary>
    internal OpenedImage(SKData data, SKCodec codec, SKImageInfo info, string what)
    {
        this.data = data;
        this.codec = codec;
        this.info = info;
        this.what = what;
    }

    /// <summary>The width in pixels (checked).</summary>
    public int Width => info.Width;

    /// <summary>The height in pixels (checked).</summary>
    public int Height => info.Height;

    /// <summary>
    /// Decodes the image at about <paramref name="width"/> pixels wide where the format can decode smaller directly (JPEG
    /// and WebP can; PNG and GIF decode whole), never below that width; 0 decodes the whole image.
    /// </summary>
    public SKBitmap Decode(int width)
    {
        var info = this.info;
        if (width > 0 && width < info.Width)
        {
            var scaled = codec.GetScaledDimensions((float)width / info.Width);
            if (scaled.Width >= width && scaled.Width < info.Width && scaled.Height > 0)
            {
                info = new SKImageInfo(scaled.Width, scaled.Height);
            }
        }

        var bitmap = ImageCodec.NewBitmap(info.Width, info.Height, what);
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ImageFailure($"{what} could not be decoded: the image data is cut short or damaged ({result}).");
        }

        return bitmap;
    }

    /// <summary>Frees the codec, then the data it read.</summary>
    public void Dispose()
    {
        codec.Dispose();
        data.Dispose();
    }
}
