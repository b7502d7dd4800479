using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Midjourney.Simulator.Recordings;

/// <summary>
/// A recording file: the capture kit's array of entries (capture.py, capture2.py), or an object with <c>requests</c> and
/// the <c>ids</c> of the tasks they name (role → id or job hash), as <c>tools/recordings/capture_tasks_more.py</c> writes.
/// </summary>
internal sealed class Recording
{
    private Recording(string name, IReadOnlyList<RecordedExchange> exchanges, IReadOnlyDictionary<string, string> ids)
    {
        Name = name;
        Exchanges = exchanges;
        Ids = ids;
    }

    /// <summary>The file name without extension, e.g. <c>guest-redis</c>.</summary>
    public string Name { get; }

    /// <summary>The requests in the order they were sent.</summary>
    public IReadOnlyList<RecordedExchange> Exchanges { get; }

    /// <summary>Roles of the tasks the requests name (e.g. <c>GRID</c>, <c>GRID_HASH</c>) and their values on the real server.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; }

    /// <summary>Reads a recording file.</summary>
    /// <exception cref="InvalidDataException">The file is not a recording of requests.</exception>
    public static Recording Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonElement list = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("requests", out list)) throw new InvalidDataException($"{path} holds no list of requests.");
            if (root.TryGetProperty("ids", out JsonElement idMap))
            {
                foreach (JsonProperty id in idMap.EnumerateObject()) ids[id.Name] = id.Value.GetString() ?? "";
            }
        }

        if (list.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path} holds no list of requests.");
        var exchanges = new List<RecordedExchange>();
        foreach (JsonElement entry in list.EnumerateArray()) exchanges.Add(Read(entry));
        return new Recording(System.IO.Path.GetFileNameWithoutExtension(path), exchanges, ids);
    }

    private static RecordedExchange Read(JsonElement entry)
    {
        Dictionary<string, string>? headers = null;
        if (entry.TryGetProperty("sent_headers", out JsonElement sent) && sent.ValueKind == JsonValueKind.Object)
        {
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty header in sent.EnumerateObject()) headers[header.Name] = header.Value.GetString() ?? "";
        }

        return new RecordedExchange(
            Text(entry, "name") ?? "",
            Text(entry, "method") ?? "GET",
            Text(entry, "path") ?? "/",
            headers,
            RequestOf(entry),
            entry.TryGetProperty("status", out JsonElement status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null,
            Text(entry, "content_type"),
            Text(entry, "body") ?? "",
            entry.TryGetProperty("json", out JsonElement json) && json.ValueKind != JsonValueKind.Null ? json.Clone() : null,
            Text(entry, "error"));
    }

    /// <summary>The body sent: a string (capture2.py), or the JSON itself (tools/recordings/capture_admin.py).</summary>
    private static string? RequestOf(JsonElement entry) =>
        entry.TryGetProperty("request", out JsonElement request) && request.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? request.GetRawText()
            : Text(entry, "request");

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
