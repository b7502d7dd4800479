using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Midjourney.Client.Tests.Admin;

/// <summary>The real TrueAI 11.10.3's recorded answers (tests/Recordings/trueai-11.10.3), replayed as HTTP answers.</summary>
internal static class Recorded
{
    public const string Folder = "trueai-11.10.3";

    /// <summary>The marker every made-up secret of the seeded accounts starts with, and the kit's two tokens.</summary>
    public static readonly string[] Secrets = { "SECRET-", "adm-secret-1", "usr-secret-1" };

    public static JsonObject Entry(string file, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recordings", Folder, file);
        var entries = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        return entries.Select(e => e!.AsObject()).Single(e => (string?)e["name"] == name);
    }

    public static string Body(string file, string name) => (string)Entry(file, name)["body"]!;

    /// <summary>The recorded answer: its status, its content type (or none) and its body.</summary>
    public static HttpResponseMessage Answer(string file, string name) => Answer(Entry(file, name));

    public static HttpResponseMessage Answer(JsonObject entry, string? body = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)(int)entry["status"]!)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? (string)entry["body"]!)),
        };
        if ((string?)entry["content_type"] is { } type)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        return response;
    }

    /// <summary>Every text in an object graph as System.Text.Json writes it, plus ToString: what any output of it could show.</summary>
    public static string Everything(object value) =>
        JsonSerializer.Serialize(value, value.GetType(), new JsonSerializerOptions { WriteIndented = false }) + "\n" + value;

    public static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
