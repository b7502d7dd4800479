using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Midjourney.Imaging;

/// <summary>
/// Text chunks of a PNG file (PNG spec §11.3.4): written as uncompressed UTF-8 <c>iTXt</c> right after <c>IHDR</c>,
/// read back from <c>tEXt</c>, <c>zTXt</c> and <c>iTXt</c>. The image data is not touched. SkiaSharp's PNG encoder
/// writes no text chunks, so they are added to its output here.
/// </summary>
internal static class PngText
{
    private static readonly byte[] Signature = { 137, 80, 78, 71, 13, 10, 26, 10 };

    /// <summary>True when <paramref name="bytes"/> starts with the PNG signature.</summary>
    public static bool IsPng(byte[] bytes)
    {
        if (bytes is null || bytes.Length < Signature.Length)
        {
            return false;
        }

        for (var i = 0; i < Signature.Length; i++)
        {
            if (bytes[i] != Signature[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A copy of <paramref name="png"/> with the given keyword/text pairs; existing chunks with those keywords are dropped.</summary>
    public static byte[] Write(byte[] png, IReadOnlyList<KeyValuePair<string, string>> texts)
    {
        if (!IsPng(png))
        {
            throw new ImageFailure("Text chunks can be written only into a PNG file.");
        }

        var keywords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in texts)
        {
            keywords.Add(CheckKeyword(pair.Key));
        }

        using var output = new MemoryStream(png.Length + 1024);
        output.Write(Signature, 0, Signature.Length);
        foreach (var chunk in Chunks(png))
        {
            if (IsTextChunk(chunk.Type) && ReadChunkText(png, chunk) is { } existing && keywords.Contains(existing.Key))
            {
                continue;
            }

            output.Write(png, chunk.Start, chunk.TotalLength);
            if (chunk.Type == "IHDR")
            {
                foreach (var pair in texts)
                {
                    WriteChunk(output, "iTXt", ITxtBody(pair.Key, pair.Value));
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>The text chunks of a PNG (keyword → text; a repeated keyword keeps the first); empty for other files.</summary>
    public static IReadOnlyDictionary<string, string> Read(byte[] png)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsPng(png))
        {
            return result;
        }

        foreach (var chunk in Chunks(png))
        {
            if (IsTextChunk(chunk.Type) && ReadChunkText(png, chunk) is { } pair && !result.ContainsKey(pair.Key))
            {
                result[pair.Key] = pair.Value;
            }
        }

        return result;
    }

    private static bool IsTextChunk(string type) => type is "tEXt" or "iTXt" or "zTXt";

    private static string CheckKeyword(string keyword)
    {
        if (string.IsNullOrEmpty(keyword) || keyword.Length > 79 || keyword[0] == ' ' || keyword[keyword.Length - 1] == ' ')
        {
            throw new ArgumentException($"'{keyword}' is not a PNG text keyword (1–79 Latin-1 characters, no leading or trailing space).", nameof(keyword));
        }

        foreach (var c in keyword)
        {
            if (c < 32 || c > 255 || (c > 126 && c < 161))
            {
                throw new ArgumentException($"'{keyword}' is not a PNG text keyword.", nameof(keyword));
            }
        }

        return keyword;
    }

    private static byte[] ITxtBody(string keyword, string text)
    {
        using var body = new MemoryStream();
        var key = Encoding.GetEncoding("ISO-8859-1").GetBytes(keyword);
        body.Write(key, 0, key.Length);
        body.WriteByte(0); // end of keyword
        body.WriteByte(0); // not compressed
        body.WriteByte(0); // compression method
        body.WriteByte(0); // empty language tag
        body.WriteByte(0); // empty translated keyword
        var value = Encoding.UTF8.GetBytes(text ?? string.Empty);
        body.Write(value, 0, value.Length);
        return body.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        WriteUInt32(output, (uint)data.Length);
        output.Write(typeBytes, 0, 4);
        output.Write(data, 0, data.Length);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        WriteUInt32(output, crc.GetCurrentHashAsUInt32());
    }

    private static void WriteUInt32(Stream output, uint value)
    {
        output.WriteByte((byte)(value >> 24));
        output.WriteByte((byte)(value >> 16));
        output.WriteByte((byte)(value >> 8));
        output.WriteByte((byte)value);
    }

    private static KeyValuePair<string, string>? ReadChunkText(byte[] png, Chunk chunk)
    {
        var latin1 = Encoding.GetEncoding("ISO-8859-1");
        int start = chunk.DataStart, end = chunk.DataStart + chunk.Length;
        var zero = Array.IndexOf(png, (byte)0, start, chunk.Length);
        if (zero < 0)
        {
            return null;
        }

        var keyword = latin1.GetString(png, start, zero - start);
        var at = zero + 1;
        switch (chunk.Type)
        {
            case "tEXt":
                return new(keyword, latin1.GetString(png, at, end - at));
            case "zTXt":
                return at < end ? new(keyword, latin1.GetString(Inflate(png, at + 1, end - at - 1))) : null;
            default:
                if (at + 2 > end)
                {
                    return null;
                }

                var compressed = png[at] != 0;
                at += 2;
                var language = Array.IndexOf(png, (byte)0, at, end - at);
                var translated = language < 0 ? -1 : Array.IndexOf(png, (byte)0, language + 1, end - language - 1);
                if (translated < 0)
                {
                    return null;
                }

                at = translated + 1;
                var text = compressed ? Inflate(png, at, end - at) : Slice(png, at, end - at);
                return new(keyword, Encoding.UTF8.GetString(text));
        }
    }

    private static byte[] Slice(byte[] bytes, int offset, int count)
    {
        var copy = new byte[count];
        Buffer.BlockCopy(bytes, offset, copy, 0, count);
        return copy;
    }

    // zlib stream = 2-byte header + deflate data + Adler-32: DeflateStream reads the deflate data.
    private static byte[] Inflate(byte[] bytes, int offset, int count)
    {
        if (count <= 2)
        {
            return Array.Empty<byte>();
        }

        using var input = new MemoryStream(bytes, offset + 2, count - 2);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        deflate.CopyTo(output);
        return output.ToArray();
    }

    private static IEnumerable<Chunk> Chunks(byte[] png)
    {
        var at = Signature.Length;
        while (at + 12 <= png.Length)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            if (length < 0 || at + 12L + length > png.Length)
            {
                yield break;
            }

            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            yield return new Chunk(type, at, length);
            at += 12 + length;
            if (type == "IEND")
            {
                yield break;
            }
        }
    }

    private readonly struct Chunk
    {
        public Chunk(string type, int start, int length)
        {
            Type = type;
            Start = start;
            Length = length;
        }

        public string Type { get; }

        public int Start { get; }

        public int Length { get; }

        public int DataStart => Start + 8;

        public int TotalLength => Length + 12;
    }
}
