using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>
/// The batch's state file: JSON lines, one event per line, appended and flushed to the operating system one at a
/// time, so a killed process loses at most the line it was writing. Reading tolerates that torn line (and any other
/// line that is not an event). The file is held open for writing by one run at a time.
/// </summary>
internal sealed class BatchStateFile : IDisposable
{
    /// <summary>The default file name, inside -OutputPath.</summary>
    public const string DefaultName = ".mjbatch.jsonl";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly object _lock = new();
    private readonly FileStream _stream;
    private readonly FileStream _gate;

    private BatchStateFile(string path, FileStream stream, FileStream gate, Dictionary<string, BatchRowState> rows, int skippedLines)
    {
        Path = path;
        _stream = stream;
        _gate = gate;
        Rows = rows;
        SkippedLines = skippedLines;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>What the file said when it was opened, per row identity.</summary>
    public IReadOnlyDictionary<string, BatchRowState> Rows { get; }

    /// <summary>Lines that were not events (a torn last line after a kill).</summary>
    public int SkippedLines { get; }

    /// <summary>Lines written by this run.</summary>
    public int Written { get; private set; }

    /// <summary>Reads the events of a state text; torn or foreign lines are counted and skipped.</summary>
    public static (Dictionary<string, BatchRowState> Rows, int Skipped) Read(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return Read(stream);
    }

    /// <summary>
    /// Reads the events of a state file from where <paramref name="stream"/> stands, one line at a time: a line longer
    /// than <see cref="MjLimits.MaxLineBytes"/> is skipped without being held in memory, and any line that is not a whole
    /// event (torn, foreign, with missing or null fields) is counted and skipped.
    /// </summary>
    public static (Dictionary<string, BatchRowState> Rows, int Skipped) Read(Stream stream)
    {
        var rows = new Dictionary<string, BatchRowState>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var line in LineReader.Lines(stream, MjLimits.MaxLineBytes))
        {
            if (line is null)
            {
                skipped++; // over the line limit
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            BatchEvent? e;
            try
            {
                e = BatchEvent.Checked(JsonSerializer.Deserialize<BatchEvent>(trimmed, Json));
            }
            catch (Exception error) when (error is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                e = null;
            }

            if (e is null)
            {
                skipped++;
                continue;
            }

            if (!rows.TryGetValue(e.Row, out var row))
            {
                rows[e.Row] = row = new BatchRowState(e.Row, e.Index);
            }

            row.Apply(e);
        }

        return (rows, skipped);
    }

    /// <summary>Reads a state file another run may be writing.</summary>
    public static (Dictionary<string, BatchRowState> Rows, int Skipped) ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Read(stream);
    }

    /// <summary>
    /// Opens the file, giving a run that was just stopped in this process (Ctrl+C returns before its flow has
    /// unwound) a few seconds to close it.
    /// </summary>
    public static async Task<BatchStateFile> OpenAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Open(path);
            }
            catch (InvalidInputException) when (attempt < 20)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opens (or creates) the file for this run and reads what it holds.</summary>
    public static BatchStateFile Open(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        FileStream gate;
        FileStream stream;
        try
        {
            // The lock file holds the batch for this run on every system (Unix shares the state file itself for reading
            // only by advice); the operating system lets go of it when the process ends, even by kill -9.
            gate = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new InvalidInputException(
                $"The batch state file '{path}' is in use (is the same batch still running in another window?). Wait for it, or give another -StatePath. ({e.Message})",
                path, MjErrorCategory.ResourceUnavailable, e);
        }

        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        }
        catch
        {
            gate.Dispose();
            throw;
        }

        try
        {
            var (rows, skipped) = Read(stream);
            var torn = false;
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                torn = stream.ReadByte() != '\n';
            }

            stream.Seek(0, SeekOrigin.End);
            if (torn)
            {
                // A torn last line: end it, so the next event starts on a line of its own.
                stream.WriteByte((byte)'\n');
                stream.Flush();
            }

            return new BatchStateFile(path, stream, gate, rows, skipped);
        }
        catch
        {
            stream.Dispose();
            gate.Dispose();
            throw;
        }
    }

    /// <summary>Appends one event and flushes it to the operating system before returning.</summary>
    public void Append(BatchEvent e)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(e, Json);
        lock (_lock)
        {
            _stream.Write(line, 0, line.Length);
            _stream.WriteByte((byte)'\n');
            _stream.Flush();
            Written++;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _stream.Dispose();
            _gate.Dispose();
        }
    }
}
