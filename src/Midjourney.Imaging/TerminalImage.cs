using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Midjourney.Imaging;

/// <summary>
/// Turns an image into text that draws it in a terminal: half blocks, Sixel, Kitty or iTerm2. A grid gets its tile
/// numbers 1–4 drawn in the corners, so U1–U4 can be read off the picture.
/// </summary>
internal static class TerminalImage
{
    private const string Esc = "\u001b";

    // Pixels per terminal column assumed for Sixel (most terminals use 8–10 px wide cells).
    private const int SixelPixelsPerColumn = 8;

    /// <summary>The text that draws <paramref name="image"/> <paramref name="columns"/> cells wide; it ends with a newline.</summary>
    public static string Render(byte[] image, string what, TerminalProtocol protocol, int columns, int maxRows, bool grid)
    {
        if (protocol == TerminalProtocol.Auto)
        {
            protocol = TerminalProtocol.HalfBlock;
        }

        columns = Math.Max(4, columns);

        // The size from the header (checked before anything is decoded), then a decode no larger than the format needs.
        using var opened = ImageCodec.Open(image, what);
        var (width, height) = (opened.Width, opened.Height);
        if (maxRows > 0)
        {
            // A cell is about twice as tall as wide: a row holds two image rows of one column's width.
            columns = Math.Max(4, Math.Min(columns, (int)((long)maxRows * 2 * width / height)));
        }

        var pixelWidth = protocol == TerminalProtocol.HalfBlock ? columns : Math.Min(width, columns * SixelPixelsPerColumn);
        var pixelHeight = Math.Max(2, (int)Math.Round((double)height * pixelWidth / width));
        using var source = opened.Decode(pixelWidth);
        if (protocol == TerminalProtocol.HalfBlock && pixelHeight % 2 == 1)
        {
            pixelHeight++;
        }

        using var sized = ImageCodec.Resize(source, pixelWidth, pixelHeight);
        if (grid)
        {
            TileNumbers.Draw(sized);
        }

        return protocol switch
        {
            TerminalProtocol.Sixel => Sixel(sized),
            TerminalProtocol.Kitty => Kitty(ImageCodec.EncodePng(sized), columns),
            TerminalProtocol.ITerm2 => ITerm2(ImageCodec.EncodePng(sized), columns),
            _ => HalfBlocks(sized),
        };
    }

    /// <summary>Each cell is ▀ with the upper pixel as foreground and the lower as background (24-bit SGR).</summary>
    private static string HalfBlocks(SKBitmap bitmap)
    {
        var text = new StringBuilder(bitmap.Width * bitmap.Height * 20);
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var top = bitmap.GetPixel(x, y);
                var bottom = y + 1 < bitmap.Height ? bitmap.GetPixel(x, y + 1) : SKColors.Black;
                text.Append(Esc).Append("[38;2;").Append(top.Red).Append(';').Append(top.Green).Append(';').Append(top.Blue).Append('m');
                text.Append(Esc).Append("[48;2;").Append(bottom.Red).Append(';').Append(bottom.Green).Append(';').Append(bottom.Blue).Append('m');
                text.Append('▀');
            }

            text.Append(Esc).Append("[0m\n");
        }

        return text.ToString();
    }

    /// <summary>DEC Sixel with a fixed 6×6×6 colour cube (216 registers), run-length encoded.</summary>
    private static string Sixel(SKBitmap bitmap)
    {
        int width = bitmap.Width, height = bitmap.Height;
        var index = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                index[y * width + x] = (byte)(Level(c.Red) * 36 + Level(c.Green) * 6 + Level(c.Blue));
            }
        }

        var text = new StringBuilder();
        text.Append(Esc).Append("Pq");
        text.Append("\"1;1;").Append(width).Append(';').Append(height);
        for (var i = 0; i < 216; i++)
        {
            text.Append('#').Append(i).Append(";2;")
                .Append(Percent(i / 36)).Append(';').Append(Percent(i / 6 % 6)).Append(';').Append(Percent(i % 6));
        }

        var used = new SortedSet<int>();
        var row = new char[width];
        for (var band = 0; band < height; band += 6)
        {
            used.Clear();
            for (var y = band; y < Math.Min(band + 6, height); y++)
            {
                for (var x = 0; x < width; x++)
                {
                    used.Add(index[y * width + x]);
                }
            }

            var first = true;
            foreach (var colour in used)
            {
                if (!first)
                {
                    text.Append('$'); // back to the start of the band
                }

                first = false;
                text.Append('#').Append(colour);
                for (var x = 0; x < width; x++)
                {
                    var bits = 0;
                    for (var dy = 0; dy < 6 && band + dy < height; dy++)
                    {
                        if (index[(band + dy) * width + x] == colour)
                        {
                            bits |= 1 << dy;
                        }
                    }

                    row[x] = (char)(63 + bits);
                }

                AppendRuns(text, row);
            }

            text.Append('-');
        }

        text.Append(Esc).Append('\\').Append('\n');
        return text.ToString();
    }

    private static void AppendRuns(StringBuilder text, char[] row)
    {
        for (var x = 0; x < row.Length;)
        {
            var run = 1;
            while (x + run < row.Length && row[x + run] == row[x])
            {
                run++;
            }

            if (run > 3)
            {
                text.Append('!').Append(run).Append(row[x]);
            }
            else
            {
                text.Append(row[x], run);
            }

            x += run;
        }
    }

    private static int Level(byte value) => (value * 5 + 127) / 255;

    private static int Percent(int level) => level * 20;

    /// <summary>Kitty graphics: a PNG in base64 chunks of 4096, placed <paramref name="columns"/> cells wide.</summary>
    private static string Kitty(byte[] png, int columns)
    {
        var data = Convert.ToBase64String(png);
        var text = new StringBuilder();
        for (var at = 0; at < data.Length; at += 4096)
        {
            var chunk = data.Substring(at, Math.Min(4096, data.Length - at));
            var more = at + 4096 < data.Length ? 1 : 0;
            text.Append(Esc).Append("_G");
            if (at == 0)
            {
                text.Append("a=T,f=100,c=").Append(columns.ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append("m=").Append(more).Append(';').Append(chunk).Append(Esc).Append('\\');
        }

        return text.Append('\n').ToString();
    }

    /// <summary>iTerm2 inline image (OSC 1337), <paramref name="columns"/> cells wide.</summary>
    private static string ITerm2(byte[] png, int columns) =>
        $"{Esc}]1337;File=inline=1;size={png.Length};width={columns};preserveAspectRatio=1:{Convert.ToBase64String(png)}\u0007\n";
}
