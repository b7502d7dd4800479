using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Midjourney.Simulator.Flavors;

/// <summary>
/// TrueAI's second envelope, its <c>Result</c> class: <c>{"success":false,"code":-1,"message":…,"timestamp":"&lt;ticks&gt;"}</c>
/// for model-binding errors and <c>LogicException</c>s, and <c>{"data":…,"success":true,"code":0,"message":"操作成功",…}</c>
/// for the admin and home routes.
/// </summary>
internal static class TrueAiResult
{
    /// <summary><c>Result.Fail(message)</c>: code -1.</summary>
    public static Task WriteFailAsync(HttpContext context, int httpStatus, string message) =>
        EnvelopeJson.WriteJsonAsync(context, httpStatus, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", false);
            w.WriteNumber("code", -1);
            w.WriteString("message", message);
            WriteTimestamp(w);
            w.WriteEndObject();
        });

    /// <summary><c>Result.Ok(data)</c>: the data first, then success, code 0 and "操作成功".</summary>
    public static Task WriteOkAsync(HttpContext context, Action<Utf8JsonWriter> writeData) =>
        EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("data");
            writeData(w);
            w.WriteBoolean("success", true);
            w.WriteNumber("code", 0);
            w.WriteString("message", "操作成功");
            WriteTimestamp(w);
            w.WriteEndObject();
        });

    /// <summary><c>Result.Ok()</c> or <c>Result.Ok(message)</c>: no data, success, code 0 and the message ("操作成功" by default).</summary>
    public static Task WriteOkMessageAsync(HttpContext context, string message = "操作成功") =>
        EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteNumber("code", 0);
            w.WriteString("message", message);
            WriteTimestamp(w);
            w.WriteEndObject();
        });

    /// <summary><c>DateTime.Now.Ticks</c> as a string, as the real class sets it.</summary>
    private static void WriteTimestamp(Utf8JsonWriter w) =>
        w.WriteString("timestamp", DateTime.Now.Ticks.ToString(CultureInfo.InvariantCulture));
}
