using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Reads a journal's lines from the end backwards in 64 KiB chunks, so "the last 10" costs a chunk or two however
/// long the file is. Splitting on the byte <c>\n</c> is safe in UTF-8: it never occurs inside a multi-byte character.
/// </summary>
internal static class JournalReverseReader
{
    private const int ChunkSize = 64 * 1024;

    // A line longer than this is not one we wrote; it is skipped instead of being held in memory.
    private const int MaxLineBytes = MjLimits.MaxLineBytes;

    /// <summary>Calls <paramref name="onLine"/> with each line, newest first, until it returns false.</summary>
    public static async Task ScanAsync(Stream stream, Func<byte[], int, int, bool> onLine, CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkSize];
        var pending = Array.Empty<byte>(); // the start of a line whose beginning is in an earlier chunk
        var pendingLength = 0;
        var skipping = false; // the current line passed MaxLineBytes
        var position = stream.Length;

        while (position > 0)
        {
            var size = (int)Math.Min(ChunkSize, position);
            position -= size;
            stream.Seek(position, SeekOrigin.Begin);
            await ReadFullyAsync(stream, chunk, size, cancellationToken).ConfigureAwait(false);

            var combined = new byte[size + pendingLength];
            Buffer.BlockCopy(chunk, 0, combined, 0, size);
            Buffer.BlockCopy(pending, 0, combined, size, pendingLength);

            var end = combined.Length;
            for (var i = combined.Length - 1; i >= 0; i--)
            {
                if (combined[i] != (byte)'\n')
                {
                    continue;
                }

                if (!skipping && end - i - 1 <= MaxLineBytes && !onLine(combined, i + 1, end - i - 1))
                {
                    return;
                }

                skipping = false;
                end = i;
            }

            pending = combined;
            pendingLength = end;
            if (pendingLength > MaxLineBytes)
            {
                skipping = true;
                pendingLength = 0;
            }
        }

        if (!skipping && pendingLength > 0 && pendingLength <= MaxLineBytes)
        {
            onLine(pending, 0, pendingLength);
        }
    }

    private static async Task ReadFullyAsync(Stream stream, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var offset = 0;
        while (offset < count)
        {
            var read = await stream.ReadAsync(buffer, offset, count - offset, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // The file shrank under us; treat the rest as empty.
                Array.Clear(buffer, offset, count - offset);
                return;
            }

            offset += read;
        }
    }
}
