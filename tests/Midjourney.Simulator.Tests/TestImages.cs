using System;
using Midjourney.Simulator.Images;

namespace Midjourney.Simulator.Tests;

/// <summary>PNG inputs made with the simulator's own writer.</summary>
internal static class TestImages
{
    public static byte[] Png(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++) image.Set(x, y, x < width / 2 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255));
        }

        return PngWriter.Encode(image);
    }

    public static string DataUrl(int width, int height) => "data:image/png;base64," + Convert.ToBase64String(Png(width, height));
}
