using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// The submit answer <c>{code, description, result, properties}</c> (reference §1.1), read tolerantly:
/// <c>result</c> may be a string, a bare number, an array of URLs or a comma-joined list of ids.
/// </summary>
internal sealed class SubmitEnvelope
{
    private SubmitEnvelope(int code, string? description, IReadOnlyList<string> results, IReadOnlyDictionary<string, object?> properties)
    {
        Code = code;
        Description = description;
        Results = results;
        Properties = properties;
    }

    public int Code { get; }

    public string? Description { get; }

    /// <summary>The result values: one task id usually; several URLs or ids for some endpoints.</summary>
    public IReadOnlyList<string> Results { get; }

    public IReadOnlyDictionary<string, object?> Properties { get; }

    public string? FirstResult => Results.Count > 0 ? Results[0] : null;

    /// <summary>Reads an envelope; false when the body is not one (no numeric <c>code</c>).</summary>
    public static bool TryRead(byte[] body, out SubmitEnvelope envelope)
    {
        envelope = null!;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            // TrueAI's {success:false, code:-1} is the other envelope (TryReadFailure), not a submit answer.
            if (root.ValueKind != JsonValueKind.Object || JsonValues.GetInt64(root, "code") is not long code
                || (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False))
            {
                return false;
            }

            var description = JsonValues.GetString(root, "description") ?? JsonValues.GetString(root, "message");
            var results = new List<string>();
            if (root.TryGetProperty("result", out var result))
            {
                if (result.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in result.EnumerateArray())
                    {
                        if (results.Count > MjLimits.MaxTasksPerList)
                        {
                            break; // enough to trip the limit where the ids are used
                        }

                        if (JsonValues.AsString(item) is { Length: > 0 } text)
                        {
                            results.Add(text);
                        }
                    }
                }
                else if (JsonValues.AsString(result) is { Length: > 0 } text)
                {
                    results.Add(text);
                }
            }

            var properties = root.TryGetProperty("properties", out var props)
                ? JsonValues.ToDictionary(props)
                : new Dictionary<string, object?>();
            envelope = new SubmitEnvelope((int)code, description, results, properties);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>TrueAI's other envelope <c>{success:false, code:-1, message}</c>, for model-binding errors and crashes.</summary>
    public static bool TryReadFailure(byte[] body, out string? message)
    {
        message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False)
            {
                message = JsonValues.GetString(root, "message") ?? JsonValues.GetString(root, "description");
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    public string? GetProperty(string name) =>
        Properties.TryGetValue(name, out var value) && value is not null ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
