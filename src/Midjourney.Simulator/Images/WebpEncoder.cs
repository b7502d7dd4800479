using System;
using SkiaSharp;

namespace Midjourney.Simulator.Images;

/// <summary>Lossless WebP through SkiaSharp (quality 100 selects lossless), so a client's WebP decoding is tested for real and pixels stay exact.</summary>
internal static class WebpEncoder
{
    public static byte[] FromPng(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("The simulator's own PNG did not decode.");
        using SKImage image = SKImage.FromBitmap(bitmap);
        using SKData data = image.Encode(SKEncodedImageFormat.Webp, 100) ?? throw new InvalidOperationException("SkiaSharp could not encode WebP.");
        return data.ToArray();
    }
}
