using System;
using System.Globalization;
using System.Text.Json;

namespace Midjourney.Simulator.Http;

/// <summary>The texts of ASP.NET Core's JSON model binding (TrueAI answers them in its -1 envelope).</summary>
internal static class ModelBindingText
{
    /// <summary>
    /// "The JSON value could not be converted to {type}. Path: $.{property} | LineNumber: n | BytePositionInLine: n." with
    /// the position just after the property's value, as System.Text.Json reports it.
    /// </summary>
    public static string NotConvertible(ReadOnlySpan<byte> json, string property, string typeName)
    {
        (long line, long column) = ValueEnd(json, property);
        return string.Create(CultureInfo.InvariantCulture,
            $"The JSON value could not be converted to {typeName}. Path: $.{property} | LineNumber: {line} | BytePositionInLine: {column}.");
    }

    private static (long Line, long Column) ValueEnd(ReadOnlySpan<byte> json, string property)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        long end = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && string.Equals(reader.GetString(), property, StringComparison.OrdinalIgnoreCase) && reader.Read())
                {
                    end = reader.BytesConsumed;
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // The body was parsed once already; a reader error here only means no position.
        }

        ReadOnlySpan<byte> before = json[..(int)end];
        return (before.Count((byte)'\n'), end - (before.LastIndexOf((byte)'\n') + 1));
    }
}
