using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Midjourney.Hostile;

/// <summary>
/// Hostile bytes: images that claim 400 megapixels in a few KB, PNG text chunks that inflate without end, HTML that
/// calls itself a PNG, a deflate stream that never ends. Built by hand (no encoder's cost), cached where reused.
/// </summary>
public static class HostileFiles
{
    private static readonly Lazy<byte[]> Huge = new(() => GrayPng(20000, 20000));
    private static readonly Lazy<byte[]> Small = new(() => GrayPng(64, 64, 8));

    /// <summary>
    /// Writes the hostile files of the Pester probes into <paramref name="folder"/>: <c>huge.png</c> (20000×20000),
    /// <c>html.png</c>, <c>random.png</c>, <c>grid.png</c> (an honest 64×64), <c>ztxt-bomb.png</c> (a text chunk that
    /// inflates to 700 MB), <c>ztxt-corrupt.png</c>, <c>text-escapes.png</c> (metadata with escape sequences),
    /// <c>state-line.jsonl</c> (a batch state file with a 64 MB line) and <c>journal-line.jsonl</c> (a journal with one).
    /// </summary>
    public static void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "huge.png"), HugePng);
        File.WriteAllBytes(Path.Combine(folder, "html.png"), Html);
        File.WriteAllBytes(Path.Combine(folder, "random.png"), Random());
        File.WriteAllBytes(Path.Combine(folder, "grid.png"), SmallPng);
        File.WriteAllBytes(Path.Combine(folder, "ztxt-bomb.png"), ZtxtBombPng(700L * 1024 * 1024));
        File.WriteAllBytes(Path.Combine(folder, "ztxt-corrupt.png"), CorruptZtxtPng());
        File.WriteAllBytes(Path.Combine(folder, "text-escapes.png"), TextPng("Midjourney", "{\"prompt\":\"a cat " + Probes.Escape(Probes.Injection) + "\",\"taskId\":\"1\",\"action\":\"IMAGINE\"}"));
        WriteLongLine(Path.Combine(folder, "state-line.jsonl"), "{\"row\":\"r\",\"index\":1,\"stage\":\"intent\",\"state\":\"", "{\"row\":\"r\",\"index\":1,\"stage\":\"saved\",\"files\":[\"x.png\"]}");
        WriteLongLine(Path.Combine(folder, "journal-line.jsonl"), "{\"id\":\"2\",\"prompt\":\"", "{\"id\":\"3\",\"action\":\"IMAGINE\",\"prompt\":\"after the long line\",\"time\":\"2026-01-01T00:00:00+00:00\"}");
    }

    /// <summary>A file of one 64 MB JSON line, then <paramref name="after"/>.</summary>
    private static void WriteLongLine(string path, string start, string after)
    {
        using var file = File.Create(path);
        file.Write(Encoding.UTF8.GetBytes(start));
        var block = Encoding.ASCII.GetBytes(new string('x', 1024 * 1024));
        for (var i = 0; i < 64; i++)
        {
            file.Write(block);
        }

        file.Write(Encoding.UTF8.GetBytes("\"}\n" + after + "\n"));
    }

    /// <summary>A valid 64×64 grayscale PNG.</summary>
    public static byte[] SmallPng => Small.Value;

    /// <summary>A valid 20000×20000 PNG (400 megapixels: 1.6 GB as RGBA) of about 50 KB.</summary>
    public static byte[] HugePng => Huge.Value;

    /// <summary>An HTML page, as a CDN's error page served with <c>Content-Type: image/png</c>.</summary>
    public static byte[] Html => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n");

    /// <summary>Bytes that are no format at all (fixed seed).</summary>
    public static byte[] Random(int length = 4096)
    {
        var bytes = new byte[length];
        new Random(17).NextBytes(bytes);
        bytes[0] = 0x42; // never a real signature
        return bytes;
    }

    /// <summary>
    /// A 1×1 PNG whose <c>zTXt</c> chunk (keyword <c>Midjourney</c>) inflates to about <paramref name="inflatedBytes"/> bytes
    /// from a few KB per MB: the "zip bomb" of PNG metadata.
    /// </summary>
    public static byte[] ZtxtBombPng(long inflatedBytes)
    {
        var body = new MemoryStream();
        body.Write(Encoding.Latin1.GetBytes("Midjourney"));
        body.WriteByte(0); // end of keyword
        body.WriteByte(0); // compression method: zlib
        body.Write(new byte[] { 0x78, 0x01 }); // zlib header, then raw deflate
        body.Write(DeflateBomb.Finite(inflatedBytes));
        body.Write(new byte[4]); // an Adler-32 nobody checks
        return WithChunk(GrayPng(1, 1, 8), "zTXt", body.ToArray());
    }

    /// <summary>A 1×1 PNG whose <c>zTXt</c> chunk holds bytes that are not deflate data.</summary>
    public static byte[] CorruptZtxtPng()
    {
        var body = new MemoryStream();
        body.Write(Encoding.Latin1.GetBytes("Comment"));
        body.WriteByte(0);
        body.WriteByte(0);
        body.Write(new byte[] { 0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0x13, 0x37, 0xFF, 0xFE });
        return WithChunk(GrayPng(1, 1, 8), "zTXt", body.ToArray());
    }

    /// <summary>A 1×1 PNG with an <c>iTXt</c> chunk holding <paramref name="text"/> as given (escape sequences and all).</summary>
    public static byte[] TextPng(string keyword, string text)
    {
        var body = new MemoryStream();
        body.Write(Encoding.Latin1.GetBytes(keyword));
        body.Write(new byte[] { 0, 0, 0, 0, 0 }); // end of keyword, uncompressed, method, no language, no translated keyword
        body.Write(Encoding.UTF8.GetBytes(text));
        return WithChunk(GrayPng(1, 1, 8), "iTXt", body.ToArray());
    }

    /// <summary>A grayscale PNG of zeros (black); 1-bit by default so even 20000×20000 is cheap to make.</summary>
    public static byte[] GrayPng(int width, int height, int bitDepth = 1)
    {
        var rowBytes = 1 + ((width * bitDepth) + 7) / 8;
        var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[rowBytes]; // filter 0, then zeros
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        var png = new MemoryStream();
        png.Write(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 });
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = 0; // grayscale
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    /// <summary><paramref name="png"/> with one more chunk right after IHDR.</summary>
    public static byte[] WithChunk(byte[] png, string type, byte[] data)
    {
        var output = new MemoryStream();
        const int afterIhdr = 8 + 12 + 13;
        output.Write(png, 0, afterIhdr);
        WriteChunk(output, type, data);
        output.Write(png, afterIhdr, png.Length - afterIhdr);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, 0, 4, header, 4);
        output.Write(header);
        output.Write(data);
        var crc = Crc32(header.AsSpan(4, 4), data);
        var tail = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        output.Write(tail);
    }

    private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type)
        {
            crc = Step(crc, b);
        }

        foreach (var b in data)
        {
            crc = Step(crc, b);
        }

        return crc ^ 0xFFFFFFFFu;

        static uint Step(uint crc, byte b)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }

            return crc;
        }
    }
}

/// <summary>
/// Deflate data written bit by bit: one fixed-Huffman block of a literal 0 and then length-258 matches at distance 1.
/// Eight matches take exactly 13 bytes and make 2,064 bytes, so the stream can go on for ever (or end where asked)
/// at no cost to the server.
/// </summary>
public static class DeflateBomb
{
    /// <summary>The 3 bytes that start the block (final or not): header, literal 0, one match.</summary>
    public static byte[] Start(bool final)
    {
        var bits = new BitWriter();
        bits.Bits(final ? 1u : 0u, 1);
        bits.Bits(1, 2); // fixed Huffman
        bits.Code(0x30, 8); // literal 0
        Match(bits);
        return bits.ToArray();
    }

    /// <summary>13 bytes = 8 matches = 2,064 zeros; repeat at will.</summary>
    public static byte[] Unit { get; } = MakeUnit();

    /// <summary>The gzip header of a stream whose body is <see cref="Start"/>(false) and then <see cref="Unit"/> for ever.</summary>
    public static byte[] GzipHeader { get; } = { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF };

    /// <summary>Bytes per <see cref="Unit"/> once inflated.</summary>
    public const int UnitInflated = 8 * 258;

    /// <summary>A complete raw deflate stream that inflates to about <paramref name="inflatedBytes"/> zeros.</summary>
    public static byte[] Finite(long inflatedBytes)
    {
        var units = Math.Max(0, (inflatedBytes - 259) / UnitInflated);
        var output = new MemoryStream();
        output.Write(Start(final: true));
        for (long i = 0; i < units; i++)
        {
            output.Write(Unit);
        }

        output.Write(new byte[] { 0, 0 }); // end of block (seven 0 bits) and padding
        return output.ToArray();
    }

    private static byte[] MakeUnit()
    {
        var bits = new BitWriter();
        for (var i = 0; i < 8; i++)
        {
            Match(bits);
        }

        return bits.ToArray();
    }

    private static void Match(BitWriter bits)
    {
        bits.Code(0xC5, 8); // length symbol 285 = 258, no extra bits
        bits.Code(0, 5); // distance symbol 0 = 1, no extra bits
    }

    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = new();
        private int _bit;

        /// <summary>A value, least significant bit first (headers, extra bits).</summary>
        public void Bits(uint value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                Put((value >> i) & 1);
            }
        }

        /// <summary>A Huffman code, most significant bit first.</summary>
        public void Code(uint code, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                Put((code >> i) & 1);
            }
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Put(uint bit)
        {
            if (_bit == 0)
            {
                _bytes.Add(0);
            }

            _bytes[^1] |= (byte)(bit << _bit);
            _bit = (_bit + 1) % 8;
        }
    }
}
