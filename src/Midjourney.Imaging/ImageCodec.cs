using System;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>The one place that decodes and encodes (SkiaSharp): PNG, JPEG, WebP and GIF in, PNG or WebP out.</summary>
internal static class ImageCodec
{
    /// <summary>The width and height from the start of an image file (a header is enough), or null.</summary>
    public static (int Width, int Height)? ReadSize(byte[] head)
    {
        if (head is null || head.Length == 0)
        {
            return null;
        }

        using var data = SKData.CreateCopy(head);
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
        var bitmap = bytes is null || bytes.Length == 0 ? null : SKBitmap.Decode(bytes);
        if (bitmap is null)
        {
            throw new ImageFailure($"{what} is not an image this module can read (PNG, JPEG, WebP or GIF).");
        }

        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            var converted = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            if (!bitmap.CopyTo(converted, SKColorType.Rgba8888))
            {
                using (var canvas = new SKCanvas(converted))
                {
                    canvas.DrawBitmap(bitmap, 0, 0);
                }
            }

            bitmap.Dispose();
            bitmap = converted;
        }

        return bitmap;
    }

    /// <summary>Encodes lossless PNG.</summary>
    public static byte[] EncodePng(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data?.ToArray() ?? throw new ImageFailure("SkiaSharp could not encode the PNG.");
    }

    /// <summary>Encodes WebP at the given quality (100 = lossless).</summary>
    public static byte[] EncodeWebp(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Webp, quality);
        return data?.ToArray() ?? throw new ImageFailure("SkiaSharp could not encode the WebP.");
    }

    /// <summary>A resized copy (high-quality sampling).</summary>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var target = new SKBitmap(new SKImageInfo(Math.Max(1, width), Math.Max(1, height), SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!source.ScalePixels(target, new SKSamplingOptions(SKCubicResampler.Mitchell)))
        {
            target.Dispose();
            throw new ImageFailure("SkiaSharp could not resize the image.");
        }

        return target;
    }

    /// <summary>A copy of the rectangle <paramref name="area"/>.</summary>
    public static SKBitmap Crop(SKBitmap source, SKRectI area)
    {
        var target = new SKBitmap(new SKImageInfo(area.Width, area.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!source.ExtractSubset(target, area))
        {
            target.Dispose();
            throw new ImageFailure("SkiaSharp could not cut the image.");
        }

        // ExtractSubset shares pixels; copy so the tile owns its memory.
        var copy = target.Copy();
        target.Dispose();
        return copy;
    }
}
