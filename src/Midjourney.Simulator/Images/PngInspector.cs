using System;
using System.Buffers.Binary;

namespace Midjourney.Simulator.Images;

/// <summary>Checks that bytes start like a real PNG (signature, then a CRC-valid IHDR) and reads its size.</summary>
internal static class PngInspector
{
    public static bool TryReadSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        if (data.Length < 8 + 25 || !data[..8].SequenceEqual(PngWriter.Signature)) return false;
        ReadOnlySpan<byte> chunk = data[8..];
        if (BinaryPrimitives.ReadUInt32BigEndian(chunk) != 13) return false;
        if (!chunk.Slice(4, 4).SequenceEqual("IHDR"u8)) return false;
        uint expected = BinaryPrimitives.ReadUInt32BigEndian(chunk.Slice(8 + 13, 4));
        if (Crc32.Compute(chunk.Slice(4, 4 + 13)) != expected) return false;
        width = (int)BinaryPrimitives.ReadUInt32BigEndian(chunk.Slice(8, 4));
        height = (int)BinaryPrimitives.ReadUInt32BigEndian(chunk.Slice(12, 4));
        return width > 0 && height > 0;
    }
}
