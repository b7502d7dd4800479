using System;
using System.Collections.Generic;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>
/// Builds and fits Vary (Region) masks: PNGs of the image's exact size, pure black (keep) and white (repaint),
/// as the servers want them (reference §2.6).
/// </summary>
internal static class MaskBuilder
{
    // Aspect ratios closer than this count as the same (rounding of sizes like 1456x816 against 728x408).
    private const double RatioTolerance = 0.01;

    /// <summary>A mask for a <paramref name="width"/>×<paramref name="height"/> image; the regions are white, or black with <paramref name="invert"/>.</summary>
    public static byte[] Build(int width, int height, IReadOnlyList<MaskRegion> regions, bool invert)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageFailure($"The image size {width}x{height} is not usable for a mask.");
        }

        if (regions is null || regions.Count == 0)
        {
            throw new ImageFailure("Give at least one region to repaint (-Region '25%,25%,50%,50%').");
        }

        using var bitmap = ImageCodec.NewBitmap(width, height, $"a {width}x{height} mask");
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = invert ? SKColors.Black : SKColors.White, IsAntialias = false, Style = SKPaintStyle.Fill })
        {
            canvas.Clear(invert ? SKColors.White : SKColors.Black);
            foreach (var region in regions)
            {
                region.CheckInside(width, height);
                var (x, y, w, h) = region.ToPixels(width, height);
                var rect = SKRect.Create((float)x, (float)y, (float)w, (float)h);

                if (region.Shape == MaskShape.Ellipse)
                {
                    canvas.DrawOval(rect, paint);
                }
                else
                {
                    canvas.DrawRect(rect, paint);
                }
            }
        }

        return ImageCodec.EncodePng(bitmap);
    }

    /// <summary>
    /// A mask file made to fit a <paramref name="width"/>×<paramref name="height"/> image: the same size is kept as
    /// it is (pixels untouched); the same aspect ratio at another size is scaled and made pure black and white again;
    /// another aspect ratio is an error that names both sizes.
    /// </summary>
    public static byte[] Fit(byte[] mask, int width, int height, string what)
    {
        var size = ImageCodec.ReadSize(mask) ?? throw new ImageFailure($"{what} is not a PNG image. A mask is a PNG of the image's size: black keeps, white repaints.");
        if (size.Width == width && size.Height == height)
        {
            return mask;
        }

        var maskRatio = (double)size.Width / size.Height;
        var imageRatio = (double)width / height;
        if (Math.Abs(maskRatio - imageRatio) / imageRatio > RatioTolerance)
        {
            throw new ImageFailure(
                $"The mask is {size.Width}x{size.Height} but the image is {width}x{height}, another aspect ratio. " +
                $"Draw the mask at {width}x{height} (or the same shape), or let the module build it with -Region.");
        }

        using var source = ImageCodec.Decode(mask, what);
        using var scaled = ImageCodec.Resize(source, width, height);
        Threshold(scaled);
        return ImageCodec.EncodePng(scaled);
    }

    /// <summary>Every pixel becomes black or white (by luminance, over a black background), fully opaque.</summary>
    private static void Threshold(SKBitmap bitmap)
    {
        var pixels = bitmap.Bytes; // a copy in RGBA order
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var alpha = pixels[i + 3] / 255.0;
            var luminance = (0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2]) * alpha;
            var value = luminance >= 128 ? (byte)255 : (byte)0;
            pixels[i] = pixels[i + 1] = pixels[i + 2] = value;
            pixels[i + 3] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
    }
}
