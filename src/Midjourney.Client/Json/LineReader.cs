using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Midjourney.Client;

/// <summary>
/// Reads a file of lines (JSON lines) forwards with a line limit: a line longer than the limit is skipped as it streams
/// past, never held in memory whole, and reported as null. Splitting on the byte <c>\n</c> is safe in UTF-8.
/// </summary>
internal static class LineReader
{
    /// <summary>Each line of <paramref name="stream"/> from where it stands (without its line end), or null for one over <paramref name="maxLineBytes"/>.</summary>
    public static IEnumerable<string?> Lines(Stream stream, int maxLineBytes)
    {
        var chunk = new byte[64 * 1024];
        var line = new MemoryStream();
        var skipping = false;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (chunk[i] != (byte)'\n')
                {
                    continue;
                }

                if (Append(line, chunk, start, i - start, maxLineBytes, ref skipping))
                {
                    yield return Text(line);
                }
                else
                {
                    yield return null;
                }

                line.SetLength(0);
                skipping = false;
                start = i + 1;
            }

            if (start < read)
            {
                Append(line, chunk, start, read - start, maxLineBytes, ref skipping);
            }
        }

        if (skipping)
        {
            yield return null;
        }
        else if (line.Length > 0)
        {
            yield return Text(line);
        }
    }

    /// <summary>Adds a piece of the current line; false once the line is over the limit (its bytes are dropped).</summary>
    private static bool Append(MemoryStream line, byte[] bytes, int offset, int count, int maxLineBytes, ref bool skipping)
    {
        if (!skipping && line.Length + count > maxLineBytes)
        {
            skipping = true;
            line.SetLength(0);
            line.Capacity = 0;
        }

        if (!skipping)
        {
            line.Write(bytes, offset, count);
        }

        return !skipping;
    }

    private static string Text(MemoryStream line)
    {
        var length = (int)line.Length;
        if (length > 0 && line.GetBuffer()[length - 1] == (byte)'\r')
        {
            length--;
        }

        return Encoding.UTF8.GetString(line.GetBuffer(), 0, length);
    }
}
