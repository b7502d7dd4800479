using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using Midjourney.Client;

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
            if (IsTextChunk(chunk.Type) && ReadKeyword(png, chunk) is { } existing && keywords.Contains(existing))
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

    /// <summary>
    /// The text chunks of a PNG (keyword → text; a repeated keyword keeps the first); empty for other files. A compressed
    /// text that inflates past <see cref="MjLimits.MaxPngTextBytes"/>, or does not inflate at all, is an
    /// <see cref="ImageFailure"/> that names <paramref name="what"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(byte[] png, string what = "The PNG")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsPng(png))
        {
            return result;
        }

        foreach (var chunk in Chunks(png))
        {
            if (IsTextChunk(chunk.Type) && ReadChunkText(png, chunk, what) is { } pair && !result.ContainsKey(pair.Key))
            {
                result[pair.Key] = pair.Value;
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="bytes"/> without its text chunks, for the decoder: libpng inflates every zTXt and iTXt it meets
    /// before the first pixel, so a text bomb would cost seconds of CPU per look. Other files, and PNGs without text,
    /// come back as they are; bytes after the last whole chunk (a partial read) are kept.
    /// </summary>
    public static byte[] WithoutText(byte[] bytes)
    {
        if (!IsPng(bytes))
        {
            return bytes;
        }

        var any = false;
        var end = Signature.Length;
        foreach (var chunk in Chunks(bytes))
        {
            any |= IsTextChunk(chunk.Type);
            end = chunk.Start + chunk.TotalLength;
        }

        if (!any)
        {
            return bytes;
        }

        using var output = new MemoryStream(bytes.Length);
        output.Write(Signature, 0, Signature.Length);
        foreach (var chunk in Chunks(bytes))
        {
            if (!IsTextChunk(chunk.Type))
            {
                output.Write(bytes, chunk.Start, chunk.TotalLength);
            }
        }

        output.Write(bytes, end, bytes.Length - end);
        return output.ToArray();
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

    /// <summary>The keyword of a text chunk, without reading (or inflating) its text.</summary>
    private static string? ReadKeyword(byte[] png, Chunk chunk)
    {
        var zero = Array.IndexOf(png, (byte)0, chunk.DataStart, chunk.Length);
        return zero < 0 ? null : Encoding.GetEncoding("ISO-8859-1").GetString(png, chunk.DataStart, zero - chunk.DataStart);
    }

    private static KeyValuePair<string, string>? ReadChunkText(byte[] png, Chunk chunk, string what)
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
                return at < end ? new(keyword, latin1.GetString(Inflate(png, at + 1, end - at - 1, keyword, what))) : null;
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
                var text = compressed ? Inflate(png, at, end - at, keyword, what) : Slice(png, at, end - at);
                return new(keyword, Encoding.UTF8.GetString(text));
        }
    }

    private static byte[] Slice(byte[] bytes, int offset, int count)
    {
        var copy = new byte[count];
        Buffer.BlockCopy(bytes, offset, copy, 0, count);
        return copy;
    }

    // zlib stream = 2-byte header + deflate data + Adler-32: DeflateStream reads the deflate data, up to the cap.
    private static byte[] Inflate(byte[] bytes, int offset, int count, string keyword, string what)
    {
        if (count <= 2)
        {
            return Array.Empty<byte>();
        }

        using var input = new MemoryStream(bytes, offset + 2, count - 2);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > MjLimits.MaxPngTextBytes)
                {
                    throw new ImageFailure(
                        $"{what} has a text chunk '{Printable(keyword)}' that inflates to more than {MjLimits.MaxPngTextBytes / (1024 * 1024)} MB, over the limit (MjLimits.MaxPngTextBytes); its text was not read.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImageFailure($"{what} has a damaged text chunk '{Printable(keyword)}': its compressed text does not inflate ({e.Message.TrimEnd('.')}).");
        }

        return output.ToArray();
    }

    // A keyword for a message: a hostile file's keyword is data too.
    private static string Printable(string keyword) => MjText.CleanLine(keyword.Length > 79 ? keyword.Substring(0, 79) : keyword)!;

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
