using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Midjourney.Client.Tests.Recordings;

/// <summary>
/// One answer a real server gave, as recorded under tests/Recordings/&lt;server-version&gt;/*.json (the capture kit's format:
/// name, method, path, sent_headers, status, content_type, headers, body). Every folder and file there is read, so a new
/// server version's folder is tested without a change here.
/// </summary>
public sealed record RecordedAnswer(string Folder, string File, string Name, string Method, string Path, IReadOnlyDictionary<string, string> SentHeaders,
    int Status, string? ContentType, string Body, string? RetryAfter)
{
    private static readonly Regex TaskIdSegment = new(@"/mj/task/\d+/", RegexOptions.CultureInvariant);
    private static readonly Lazy<IReadOnlyList<RecordedAnswer>> Loaded = new(Load);

    /// <summary>The folder of the recordings beside the tests.</summary>
    public static string Root => System.IO.Path.Combine(AppContext.BaseDirectory, "Recordings");

    /// <summary>Every recorded request of every file (a list of requests, or an object whose <c>requests</c> is one; files that hold something else are skipped).</summary>
    public static IReadOnlyList<RecordedAnswer> All => Loaded.Value;

    /// <summary>The key that names an answer in test output: folder/file#name.</summary>
    public string Key => $"{Folder}/{File}#{Name}";

    /// <summary>The path with task ids replaced by {id}, to find the answer of the same route in the same file.</summary>
    public string Route => TaskIdSegment.Replace(Path, "/mj/task/{id}/");

    /// <summary>The task id in the path, if any.</summary>
    public string? TaskId => Regex.Match(Path, @"/mj/task/(\d+)/") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The body as JSON, when it is JSON.</summary>
    public JsonElement? Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The answers of the same file (the same server, in the same mode).</summary>
    public IEnumerable<RecordedAnswer> Siblings => All.Where(a => a.Folder == Folder && a.File == File);

    public static RecordedAnswer Get(string key) => All.Single(a => a.Key == key);

    /// <summary>Every key, for [MemberData].</summary>
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var answer in All)
        {
            data.Add(answer.Key);
        }

        return data;
    }

    /// <summary>The answer as an HTTP response: status, content type (or none, as recorded), body, Retry-After.</summary>
    public HttpResponseMessage ToResponse()
    {
        var response = new HttpResponseMessage((HttpStatusCode)Status) { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Body)) };
        if (ContentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        if (RetryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
        }

        return response;
    }

    public override string ToString() => Key;

    /// <summary>
    /// The body as recorded; where the kit cut a long body (it keeps the first 3000 or 4000 characters), the whole
    /// parsed JSON it kept beside it.
    /// </summary>
    private static string BodyOf(JsonElement entry)
    {
        var body = entry.TryGetProperty("body", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : string.Empty;
        if (entry.TryGetProperty("json", out var json) && json.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                return json.GetRawText();
            }
        }

        return body;
    }

    private static IReadOnlyList<RecordedAnswer> Load()
    {
        var answers = new List<RecordedAnswer>();
        foreach (var folder in Directory.GetDirectories(Root).OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(System.IO.File.ReadAllText(file));
                var requests = document.RootElement;
                if (requests.ValueKind == JsonValueKind.Object && requests.TryGetProperty("requests", out var listed))
                {
                    requests = listed; // a recording that also names its tasks ({source, ids, requests}: tasks-checks.json)
                }

                if (requests.ValueKind != JsonValueKind.Array)
                {
                    continue; // a task (fetch-grid.json) or the route list (routes.json): tested on their own
                }

                foreach (var entry in requests.EnumerateArray())
                {
                    if (!entry.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number)
                    {
                        continue; // a request that got no answer
                    }

                    var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    if (entry.TryGetProperty("sent_headers", out var sent) && sent.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var header in sent.EnumerateObject())
                        {
                            headers[header.Name] = header.Value.GetString() ?? string.Empty;
                        }
                    }

                    string? retryAfter = null;
                    if (entry.TryGetProperty("headers", out var got) && got.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var header in got.EnumerateObject())
                        {
                            if (header.Name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase))
                            {
                                retryAfter = header.Value.GetString();
                            }
                        }
                    }

                    answers.Add(new RecordedAnswer(
                        System.IO.Path.GetFileName(folder), System.IO.Path.GetFileName(file),
                        entry.GetProperty("name").GetString()!, entry.GetProperty("method").GetString()!, entry.GetProperty("path").GetString()!, headers,
                        status.GetInt32(),
                        entry.TryGetProperty("content_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
                        BodyOf(entry),
                        retryAfter));
                }
            }
        }

        return answers;
    }
}
