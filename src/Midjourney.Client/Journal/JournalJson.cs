using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Midjourney.Client;

/// <summary>How journal lines are written and read: camelCase JSON, one object per line, UTF-8 without BOM.</summary>
internal static class JournalJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>The entry as one line, newline included. JSON escapes newlines inside strings, so it is always one line.</summary>
    public static byte[] ToLine(MjJournalEntry entry)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(entry, Options);
        var line = new byte[json.Length + 1];
        Buffer.BlockCopy(json, 0, line, 0, json.Length);
        line[json.Length] = (byte)'\n';
        return line;
    }

    /// <summary>
    /// A journal is a file anyone can edit: its texts are made safe to show like a server's (<see cref="MjText"/>); an id
    /// with a control character is no entry of ours, and a customId with one is dropped.
    /// </summary>
    private static MjJournalEntry Clean(MjJournalEntry entry) =>
        MjText.IsClean(entry.Prompt) && MjText.IsCleanLine(entry.Action) && MjText.IsCleanLine(entry.ParentId) && MjText.IsCleanLine(entry.State) && MjText.IsCleanLine(entry.CustomId) && MjText.IsCleanLine(entry.Mode)
            ? entry
            : new MjJournalEntry(entry.Id)
            {
                Action = MjText.CleanLine(entry.Action),
                ParentId = MjText.CleanLine(entry.ParentId),
                Prompt = MjText.Clean(entry.Prompt),
                Server = entry.Server,
                Time = entry.Time,
                State = MjText.CleanLine(entry.State),
                CustomId = MjText.IsCleanLine(entry.CustomId) ? entry.CustomId : null,
                Mode = MjText.CleanLine(entry.Mode),
            };

    /// <summary>The entry in <c>bytes[offset..offset+count)</c>, or null for a blank, torn or foreign line.</summary>
    public static MjJournalEntry? TryParse(byte[] bytes, int offset, int count)
    {
        // Trailing CR/space: a journal edited by hand on Windows.
        while (count > 0 && (bytes[offset + count - 1] == (byte)'\r' || bytes[offset + count - 1] == (byte)' '))
        {
            count--;
        }

        if (count == 0)
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<MjJournalEntry>(new ReadOnlySpan<byte>(bytes, offset, count), Options);
            return entry is { Id.Length: > 0 } && MjText.IsCleanLine(entry.Id) ? Clean(entry) : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            // ArgumentException: a line without "id" reaches the constructor with null.
            return null;
        }
    }
}
