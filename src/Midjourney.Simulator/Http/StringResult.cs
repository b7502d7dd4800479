using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Midjourney.Simulator.Http;

/// <summary>
/// How ASP.NET Core MVC writes a controller's plain string result (TrueAI's <c>BadRequest("演示模式，禁止操作")</c>):
/// as a JSON string when the Accept header asks for JSON, as <c>text/plain</c> otherwise. An Accept with <c>*/*</c> is
/// ignored, as MVC does unless RespectBrowserAcceptHeader is set.
/// </summary>
internal static class StringResult
{
    public static bool AsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0 || accept.Any(a => a.MatchesAllTypes)) return false;
        foreach (MediaTypeHeaderValue type in accept.OrderByDescending(a => a.Quality ?? 1.0))
        {
            string media = type.MediaType.Value ?? "";
            if (media.Equals("text/plain", StringComparison.OrdinalIgnoreCase) || media.Equals("text/*", StringComparison.OrdinalIgnoreCase)) return false;
            if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Equals("text/json", StringComparison.OrdinalIgnoreCase)
                || media.Equals("application/*", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false; // no formatter for what was asked: MVC falls back to the first that writes a string, text/plain
    }
}
