using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>Tolerant readers for loosely typed JSON: servers send numbers as strings and strings as numbers.</summary>
internal static class JsonValues
{
    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsString(value) : null;

    /// <summary>A string, a number rendered invariantly, a boolean as text; null for null, objects and arrays.</summary>
    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static long? GetInt64(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.Number when value.TryGetDouble(out var d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    /// <summary>The latest epoch milliseconds a time can have (9999-12-31).</summary>
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    /// <summary>Epoch milliseconds to a time; 0 and null mean "not set" (reference §1), and so does a value no date can have.</summary>
    public static DateTimeOffset? GetEpochMilliseconds(JsonElement element, string name)
    {
        var ms = GetInt64(element, name);
        return ms is long value && value > 0 && value <= MaxEpochMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }

    /// <summary>An object's members as plain values: strings, longs, doubles, booleans, null; nested values as JSON text.</summary>
    public static IReadOnlyDictionary<string, object?> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (result.Count >= MjLimits.MaxPropertiesPerTask)
            {
                break; // a task's are checked before (AnswerLimits); an envelope's are only bounded
            }

            result[property.Name] = ToPlain(property.Value);
        }

        return result;
    }

    public static object? ToPlain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
