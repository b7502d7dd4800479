using System.Collections.Generic;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>Cuts a 2×2 grid into its four tiles (1 top left, 2 top right, 3 bottom left, 4 bottom right) as lossless PNGs.</summary>
internal static class GridSplitter
{
    /// <summary>The four tiles of <paramref name="grid"/>; odd sizes give the right and bottom tiles the extra pixel.</summary>
    public static IReadOnlyList<byte[]> Split(byte[] grid, string what)
    {
        using var bitmap = ImageCodec.Decode(grid, what);
        if (bitmap.Width < 2 || bitmap.Height < 2)
        {
            throw new ImageFailure($"{what} is {bitmap.Width}x{bitmap.Height}, too small to be a 2x2 grid.");
        }

        int halfW = bitmap.Width / 2, halfH = bitmap.Height / 2;
        var areas = new[]
        {
            new SKRectI(0, 0, halfW, halfH),
            new SKRectI(halfW, 0, bitmap.Width, halfH),
            new SKRectI(0, halfH, halfW, bitmap.Height),
            new SKRectI(halfW, halfH, bitmap.Width, bitmap.Height),
        };
        var tiles = new List<byte[]>(4);
        foreach (var area in areas)
        {
            using var tile = ImageCodec.Crop(bitmap, area);
            tiles.Add(ImageCodec.EncodePng(tile));
        }

        return tiles;
    }
}
