using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Opens the journal file so that writers never interleave: one writer at a time per process (a semaphore)
/// and across processes (the writer opens with <see cref="FileShare.None"/>, others retry briefly).
/// </summary>
internal static class JournalFile
{
    // About 5 s in all: longer than any single append or scan should hold the file.
    private const int MaxOpenAttempts = 100;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The in-process lock for one journal path.</summary>
    public static SemaphoreSlim GateFor(string fullPath) => Gates.GetOrAdd(fullPath, _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Opens for appending, exclusively. FileShare.ReadWrite would not do: .NET appends by seeking to the end, not
    /// with O_APPEND, so two processes sharing the file could write at the same offset. On Unix only
    /// FileShare.None takes the exclusive advisory lock that other .NET processes honour.
    /// </summary>
    public static Task<FileStream> OpenForAppendAsync(string fullPath, CancellationToken cancellationToken) =>
        OpenWithRetryAsync(() => new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1), cancellationToken);

    /// <summary>Opens for reading, or returns null when there is no journal yet.</summary>
    public static async Task<FileStream?> OpenForReadAsync(string fullPath, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenWithRetryAsync(
                () => new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<FileStream> OpenWithRetryAsync(Func<FileStream> open, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return open();
            }
            catch (IOException ex) when (IsSharingViolation(ex) && attempt < MaxOpenAttempts)
            {
                // Another process holds the file for a moment.
                await Task.Delay(Math.Min(5 * attempt, 50), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // netstandard2.0 has no portable HResult for sharing violations (Windows 0x20/0x21, Unix EWOULDBLOCK),
    // so every IOException except "not there" / "name too long" counts.
    private static bool IsSharingViolation(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException);
}
