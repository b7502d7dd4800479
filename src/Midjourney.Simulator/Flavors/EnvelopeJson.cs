using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Midjourney.Simulator.Flavors;

/// <summary>Writes JSON answers (the submit envelope and friends) with Utf8JsonWriter.</summary>
internal static class EnvelopeJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"code":..,"description":..,"result":..,"properties":{..}}</c>.</summary>
    public static Task WriteAsync(HttpContext context, int httpStatus, int code, string description, object? result,
        IEnumerable<KeyValuePair<string, object?>>? properties = null)
    {
        return WriteJsonAsync(context, httpStatus, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", code);
            writer.WriteString("description", description);
            WriteValue(writer, "result", result);
            writer.WriteStartObject("properties");
            if (properties is not null)
            {
                foreach (KeyValuePair<string, object?> pair in properties) WriteValue(writer, pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>Serialises with <paramref name="write"/> into a buffer, then sends it with a Content-Length.</summary>
    public static Task WriteJsonAsync(HttpContext context, int httpStatus, System.Action<Utf8JsonWriter> write, string contentType = "application/json; charset=utf-8")
    {
        var buffer = new ArrayBufferWriter<byte>(4096); // a SUCCESS task is ~3.3 KB
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        HttpResponse response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = contentType;
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }

    public static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNull(name); break;
            case string text: writer.WriteString(name, text); break;
            case bool flag: writer.WriteBoolean(name, flag); break;
            case int number: writer.WriteNumber(name, number); break;
            case long number: writer.WriteNumber(name, number); break;
            case IEnumerable<string> items:
                writer.WriteStartArray(name);
                foreach (string item in items) writer.WriteStringValue(item);
                writer.WriteEndArray();
                break;
            default: writer.WriteString(name, value.ToString()); break;
        }
    }
}
