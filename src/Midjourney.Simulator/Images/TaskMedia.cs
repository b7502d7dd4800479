using System;
using System.Text.Json;

namespace Midjourney.Simulator.Images;

/// <summary>
/// The signed file URLs of one task for one answer: base + <c>sim/images/{id}/</c> + file + query, written straight
/// into the JSON without building the URL strings (fetch must stay allocation-light and tasks must not keep URLs).
/// </summary>
internal readonly struct TaskMedia
{
    private readonly string _baseUrl;
    private readonly string _taskId;
    private readonly string _query;

    public TaskMedia(string baseUrl, string taskId, string query)
    {
        _baseUrl = baseUrl;
        _taskId = taskId;
        _query = query;
    }

    public void WriteProperty(Utf8JsonWriter writer, JsonEncodedText name, string file)
    {
        Span<char> buffer = stackalloc char[Length(file)];
        writer.WriteString(name, Fill(buffer, file));
    }

    public void WriteValue(Utf8JsonWriter writer, string file)
    {
        Span<char> buffer = stackalloc char[Length(file)];
        writer.WriteStringValue(Fill(buffer, file));
    }

    public string Url(string file)
    {
        Span<char> buffer = stackalloc char[Length(file)];
        return new string(Fill(buffer, file));
    }

    private int Length(string file) => _baseUrl.Length + MediaLinks.ImagesPrefix.Length + _taskId.Length + 1 + file.Length + _query.Length;

    private ReadOnlySpan<char> Fill(Span<char> buffer, string file)
    {
        int at = 0;
        Append(buffer, ref at, _baseUrl);
        Append(buffer, ref at, MediaLinks.ImagesPrefix);
        Append(buffer, ref at, _taskId);
        Append(buffer, ref at, "/");
        Append(buffer, ref at, file);
        Append(buffer, ref at, _query);
        return buffer[..at];
    }

    private static void Append(Span<char> buffer, ref int at, string part)
    {
        part.CopyTo(buffer[at..]);
        at += part.Length;
    }
}
