using System;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>
/// Draws the tile numbers 1–4 into the top-left corner of each quarter of a grid, as white pixel digits on a dark
/// badge. Pixel digits need no font, so they look the same on every system (the Linux native assets carry none).
/// </summary>
internal static class TileNumbers
{
    // 3×5 digits, rows top to bottom, bit 2 = left column.
    private static readonly int[][] Digits =
    {
        new[] { 0b010, 0b110, 0b010, 0b010, 0b111 }, // 1
        new[] { 0b110, 0b001, 0b010, 0b100, 0b111 }, // 2
        new[] { 0b110, 0b001, 0b010, 0b001, 0b110 }, // 3
        new[] { 0b101, 0b101, 0b111, 0b001, 0b001 }, // 4
    };

    /// <summary>Draws 1–4 onto <paramref name="bitmap"/>.</summary>
    public static void Draw(SKBitmap bitmap)
    {
        int halfW = bitmap.Width / 2, halfH = bitmap.Height / 2;
        var scale = Math.Max(1, Math.Min(halfW, halfH) / 16);
        using var canvas = new SKCanvas(bitmap);
        using var badge = new SKPaint { Color = new SKColor(0, 0, 0, 200), IsAntialias = false };
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = false };
        for (var tile = 0; tile < 4; tile++)
        {
            int x0 = tile % 2 * halfW + scale, y0 = tile / 2 * halfH + scale;
            canvas.DrawRect(SKRect.Create(x0, y0, 5 * scale, 7 * scale), badge);
            var rows = Digits[tile];
            for (var r = 0; r < 5; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    if ((rows[r] & (4 >> c)) != 0)
                    {
                        canvas.DrawRect(SKRect.Create(x0 + (1 + c) * scale, y0 + (1 + r) * scale, scale, scale), ink);
                    }
                }
            }
        }
    }
}
