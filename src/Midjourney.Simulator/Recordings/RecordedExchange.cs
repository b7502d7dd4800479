using System.Collections.Generic;
using System.Text.Json;

namespace Midjourney.Simulator.Recordings;

/// <summary>One recorded request and the real server's answer (an entry of a <c>tests/Recordings</c> file).</summary>
/// <param name="Name">The capture script's name of the request (e.g. <c>imagine-nobody</c>).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query as sent.</param>
/// <param name="SentHeaders">The headers sent, or null when the file does not say (capture2.py).</param>
/// <param name="RequestBody">The body sent, or null when the file does not carry it (capture.py: see <see cref="CaptureKit"/>).</param>
/// <param name="Status">The answer's HTTP status (null when the request failed to send).</param>
/// <param name="ContentType">The answer's Content-Type header, or null.</param>
/// <param name="Body">The answer's body (as text, cut at a few thousand characters).</param>
/// <param name="Json">The parsed body when it was JSON.</param>
/// <param name="Error">The send error, when the request failed.</param>
internal sealed record RecordedExchange(
    string Name,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string>? SentHeaders,
    string? RequestBody,
    int? Status,
    string? ContentType,
    string Body,
    JsonElement? Json,
    string? Error);
