using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IOPath = System.IO.Path;

namespace Midjourney.Client;

/// <summary>
/// A local record of submitted tasks, one JSON object per line (JSON Lines), so task ids survive a closed console.
/// Safe for many threads and processes appending at once; reads start from the end, so a long journal stays cheap.
/// </summary>
public sealed class MjTaskJournal
{
    /// <summary>Opens (lazily) the journal at <paramref name="path"/>; nothing is created until the first append.</summary>
    public MjTaskJournal(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A journal path is required.", nameof(path));
        }

        Path = IOPath.GetFullPath(path);
    }

    /// <summary>
    /// <c>Midjourney/journal.jsonl</c> in the user's local application data folder, or in the temp folder when
    /// there is none (service accounts, minimal containers).
    /// </summary>
    public static string DefaultPath
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                root = IOPath.GetTempPath();
            }

            return IOPath.Combine(root, "Midjourney", "journal.jsonl");
        }
    }

    /// <summary>The full path of the journal file.</summary>
    public string Path { get; }

    /// <summary>Appends one entry as one line, creating the folder and file when needed.</summary>
    public async Task AppendAsync(MjJournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry is null)
        {
            throw new ArgumentNullException(nameof(entry));
        }

        var line = JournalJson.ToLine(entry);
        var gate = JournalFile.GateFor(Path);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(IOPath.GetDirectoryName(Path)!);
            using var stream = await JournalFile.OpenForAppendAsync(Path, cancellationToken).ConfigureAwait(false);

            // A crash may have left a torn last line; start on a fresh line so this entry is not glued to it.
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                if (stream.ReadByte() != '\n')
                {
                    line = Prefix((byte)'\n', line);
                }
            }

            // One write per line: the file is held exclusively, so lines never interleave.
            stream.Seek(0, SeekOrigin.End);
            await stream.WriteAsync(line, 0, line.Length, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The last <paramref name="count"/> entries, newest first. Lines that do not parse are skipped.</summary>
    public async Task<IReadOnlyList<MjJournalEntry>> ReadRecentAsync(int count, CancellationToken cancellationToken)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count cannot be negative.");
        }

        var entries = new List<MjJournalEntry>();
        if (count == 0)
        {
            return entries;
        }

        await ScanAsync(
            entry =>
            {
                entries.Add(entry);
                return entries.Count < count;
            },
            cancellationToken).ConfigureAwait(false);
        return entries;
    }

    /// <summary>The latest entry for task <paramref name="id"/>, or null when the journal has none.</summary>
    public async Task<MjJournalEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        MjJournalEntry? found = null;
        await ScanAsync(
            entry =>
            {
                if (!string.Equals(entry.Id, id, StringComparison.Ordinal))
                {
                    return true;
                }

                found = entry;
                return false;
            },
            cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// The latest entry of each of <paramref name="ids"/> the journal has, by id, in one pass from the end (it stops
    /// when all are found). Tells, for instance, which server made each task.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, MjJournalEntry>> FindAllAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(ids ?? throw new ArgumentNullException(nameof(ids)), StringComparer.Ordinal);
        var found = new Dictionary<string, MjJournalEntry>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        await ScanAsync(
            entry =>
            {
                if (wanted.Remove(entry.Id))
                {
                    found[entry.Id] = entry;
                }

                return wanted.Count > 0;
            },
            cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <inheritdoc />
    public override string ToString() => Path;

    /// <summary>Visits parseable entries newest first until <paramref name="visit"/> returns false.</summary>
    private async Task ScanAsync(Func<MjJournalEntry, bool> visit, CancellationToken cancellationToken)
    {
        using var stream = await JournalFile.OpenForReadAsync(Path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return;
        }

        await JournalReverseReader.ScanAsync(
            stream,
            (bytes, offset, length) =>
            {
                var entry = JournalJson.TryParse(bytes, offset, length);
                return entry is null || visit(entry);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Prefix(byte first, byte[] rest)
    {
        var result = new byte[rest.Length + 1];
        result[0] = first;
        Buffer.BlockCopy(rest, 0, result, 1, rest.Length);
        return result;
    }
}
