using System;
using System.Collections.Generic;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Images;

/// <summary>
/// Draws the deterministic pictures: every tile is a coloured gradient with one shape (circle, square, triangle,
/// diamond). The four tiles of a grid differ in hue (90° apart) and shape, so tests and eyes can tell them apart.
/// </summary>
internal static class TileArt
{
    /// <summary>The 2×2 grid; <paramref name="dim"/> darkens it (progress previews).</summary>
    public static RgbImage Grid(ulong seed, int width, int height, bool dim = false)
    {
        var image = new RgbImage(width, height);
        int halfW = width / 2, halfH = height / 2;
        for (int tile = 0; tile < 4; tile++)
        {
            int x0 = tile % 2 * halfW, y0 = tile / 2 * halfH;
            Draw(image, seed, tile, x0, y0, tile % 2 == 0 ? halfW : width - halfW, tile / 2 == 0 ? halfH : height - halfH, 0, dim);
        }

        return image;
    }

    /// <summary>One tile at any size (tile images, thumbnails, upscales).</summary>
    public static RgbImage Tile(ulong seed, int tile, int width, int height)
    {
        var image = new RgbImage(width, height);
        Draw(image, seed, tile, 0, 0, width, height, 0, false);
        return image;
    }

    /// <summary>Frames of the "video": the tile's shape sliding from left to right.</summary>
    public static List<RgbImage> Frames(ulong seed, int tile, int size, int count)
    {
        var frames = new List<RgbImage>(count);
        for (int f = 0; f < count; f++)
        {
            var image = new RgbImage(size, size);
            Draw(image, seed, tile, 0, 0, size, size, -0.5 + (double)f / Math.Max(1, count - 1), false);
            frames.Add(image);
        }

        return frames;
    }

    private static void Draw(RgbImage image, ulong seed, int tile, int x0, int y0, int w, int h, double shift, bool dim)
    {
        var random = new DeterministicRandom((long)seed, 11);
        double baseHue = random.NextDouble() * 360;
        int baseShape = random.Next(4);
        double hue = (baseHue + tile * 90) % 360;
        int shape = (baseShape + tile) % 4;
        double factor = dim ? 0.45 : 1.0;
        for (int y = 0; y < h; y++)
        {
            double v = 2.0 * y / Math.Max(1, h - 1) - 1;
            (byte R, byte G, byte B) background = Hsv(hue, 0.55, (0.95 - 0.25 * (v + 1) / 2) * factor);
            for (int x = 0; x < w; x++)
            {
                double u = 2.0 * x / Math.Max(1, w - 1) - 1 - shift;
                bool inside = shape switch
                {
                    0 => u * u + v * v < 0.36,
                    1 => Math.Abs(u) < 0.55 && Math.Abs(v) < 0.55,
                    2 => v > -0.55 && v < 0.55 && Math.Abs(u) < (v + 0.55) * 0.6,
                    _ => Math.Abs(u) + Math.Abs(v) < 0.7,
                };
                image.Set(x0 + x, y0 + y, inside ? Hsv(hue + 180, 0.85, 0.45 * factor) : background);
            }
        }
    }

    private static (byte, byte, byte) Hsv(double hue, double saturation, double value)
    {
        hue = (hue % 360 + 360) % 360;
        double c = value * saturation;
        double x = c * (1 - Math.Abs(hue / 60 % 2 - 1));
        double m = value - c;
        (double r, double g, double b) = (int)(hue / 60) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return ((byte)Math.Round((r + m) * 255), (byte)Math.Round((g + m) * 255), (byte)Math.Round((b + m) * 255));
    }
}
