using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Midjourney.Simulator.Recordings;

/// <summary>
/// What a client can tell apart in an answer, by the rules of the capture kit's <c>compare.py</c>: the status, the
/// content-type family, the JSON shape, the <c>code</c>, the <c>{"success":false}</c> envelope, and the text a client
/// shows, with white space collapsed and digit runs turned into '#'. Headers, task contents and list lengths are not compared.
/// </summary>
internal sealed record ClientView(int? Status, string Type, string? Shape, string? Code, bool Envelope, string? Text, string? Error)
{
    /// <summary>The view of a live answer: status, Content-Type header (or null) and the whole body text.</summary>
    public static ClientView Of(int? status, string? contentType, string body) => Of(status, contentType, body, Parse(body), null);

    /// <summary>The view of a recorded answer (its body may be cut short; the parse made at recording time counts).</summary>
    public static ClientView Of(RecordedExchange exchange) => Of(exchange.Status, exchange.ContentType, exchange.Body, exchange.Json, exchange.Error);

    private static ClientView Of(int? status, string? contentType, string body, JsonElement? parsed, string? error)
    {
        if (error is not null) return new ClientView(null, "", null, null, false, null, error);
        string type = Family(contentType, body);
        JsonElement? json = type == "json" ? parsed : null;

        string? shape = json is not { } j ? null : j.ValueKind switch { JsonValueKind.Object => "object", JsonValueKind.Array => "array", _ => "scalar" };
        string? code = null;
        bool envelope = false;
        string? text = null;
        if (json is { ValueKind: JsonValueKind.Object } root)
        {
            code = root.TryGetProperty("code", out JsonElement c) ? c.GetRawText() : null;
            envelope = root.TryGetProperty("success", out JsonElement success) && success.ValueKind == JsonValueKind.False;
            if (Has(root, "code") || Has(root, "success") || Has(root, "error") || Has(root, "title")) text = ErrorText(root);
        }
        else if (type is "text" or "html")
        {
            string trimmed = body.Trim();
            text = trimmed.Length > 300 ? trimmed[..300] : trimmed;
        }

        return new ClientView(status, type, shape, code, envelope, text, null);
    }

    /// <summary>What differs between two views, in compare.py's words (<c>status</c>, <c>type</c>, <c>shape</c>, <c>code</c>, <c>envelope</c>, <c>text</c>); empty when a client sees no difference.</summary>
    public static IReadOnlyList<string> Differences(ClientView expected, ClientView actual)
    {
        if (expected.Error is not null || actual.Error is not null)
        {
            return expected.Error != actual.Error || expected.Error is not null ? new[] { "not sent" } : Array.Empty<string>();
        }

        var list = new List<string>();
        if (expected.Status != actual.Status) list.Add("status");
        if (expected.Type != actual.Type) list.Add("type");
        if (expected.Type == "json" && actual.Type == "json" && expected.Shape != actual.Shape) list.Add("shape");
        if (expected.Code != actual.Code) list.Add("code");
        if (expected.Envelope != actual.Envelope) list.Add("envelope");
        if (Normalise(expected.Text) != Normalise(actual.Text)) list.Add("text");
        return list;
    }

    /// <summary>White space collapsed, trimmed, digit runs as '#' (queue positions, times and ids are not differences).</summary>
    public static string? Normalise(string? text) =>
        text is null ? null : Regex.Replace(Regex.Replace(text, @"\s+", " ").Trim(), @"\d+", "#");

    /// <summary>compare.py's one-line summary of an answer.</summary>
    public override string ToString()
    {
        if (Error is not null) return "ERROR " + Error;
        string summary = $"{Status} {Type}";
        if (Code is not null) summary += " code=" + Code;
        if (Envelope) summary += " success=false";
        if (Text is not null) summary += " '" + (Text.Length > 50 ? Text[..50] : Text) + "'";
        return summary;
    }

    /// <summary>The parsed body, or null when it is not JSON (capture.py stores no parse then: no shape, code or text).</summary>
    private static JsonElement? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Family(string? contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "empty";
        string media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (media.EndsWith("/json", StringComparison.Ordinal) || media.EndsWith("+json", StringComparison.Ordinal)) return "json";
        if (media.Contains("html", StringComparison.Ordinal)) return "html";
        if (media.StartsWith("image/", StringComparison.Ordinal)) return "image";
        return "text";
    }

    private static bool Has(JsonElement root, string name) => root.TryGetProperty(name, out _);

    /// <summary>"description", else "message", else "title", else "error" (or its "message"): the first non-blank string.</summary>
    private static string? ErrorText(JsonElement root)
    {
        foreach (string name in new[] { "description", "message", "title" })
        {
            if (root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())) return value.GetString();
        }

        if (!root.TryGetProperty("error", out JsonElement error)) return null;
        JsonElement candidate = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out JsonElement message) ? message : error;
        return candidate.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(candidate.GetString()) ? candidate.GetString() : null;
    }
}
