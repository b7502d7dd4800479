using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Midjourney.Client.Tests.Recordings;

/// <summary>
/// What the client must make of a recorded answer: the contract between the real server's answers and the client's
/// errors, written once from the answer's own shape (status, envelope, the meaning of its text), so it applies to every
/// recording folder, the ones to come included.
/// </summary>
public static class RecordedExpectations
{
    private static readonly Regex Cjk = new(@"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="text"/> has Chinese or Japanese characters or full-width punctuation.</summary>
    public static bool HasCjk(string? text) => text is not null && Cjk.IsMatch(text);

    /// <summary>The exception type the answer must become, or null when the call must succeed.</summary>
    public static Type? ErrorOf(RecordedAnswer answer)
    {
        var isFetch = answer.Method == "GET" && answer.Route == "/mj/task/{id}/fetch";
        var isCancel = answer.Route == "/mj/task/{id}/cancel";
        var text = TextOf(answer);
        var known = MjServerMessages.Find(text);
        var code = CodeOf(answer);

        if (!RecordedCalls.HasOwnCall(answer) && answer.Status is >= 200 and < 300)
        {
            return null; // a route the client only reads (health, home, admin lists): any success is fine
        }

        if (answer.Status is 401 or 403)
        {
            return typeof(MjAuthenticationException);
        }

        if (isCancel && known?.Kind == MjServerMessageKind.AdministratorOnly)
        {
            return typeof(MjNotSupportedException); // TrueAI's cancel for any key but the administrator's
        }

        if (isFetch && answer.Status == 204)
        {
            return typeof(MjNotFoundException);
        }

        if (answer.Status >= 500)
        {
            return typeof(MjServerException);
        }

        if (code is null && answer.Status is >= 200 and < 300)
        {
            return null;
        }

        if (code is 1 or 21 or 22 && answer.Status < 300)
        {
            return null;
        }

        if (code is null)
        {
            // No envelope: a missing route, or a status the server gives for the request itself (405, 415).
            return answer.Status == 404 ? typeof(MjNotFoundException) : typeof(MjValidationException);
        }

        return known?.Kind switch
        {
            MjServerMessageKind.Unavailable or MjServerMessageKind.Timeout => typeof(MjServerException),
            MjServerMessageKind.TaskNotFound => typeof(MjNotFoundException),
            MjServerMessageKind.BadRequest => typeof(MjValidationException),
            MjServerMessageKind.BannedPrompt => typeof(MjBannedPromptException),
            MjServerMessageKind.Busy => typeof(MjServerBusyException),
            MjServerMessageKind.AdministratorOnly => typeof(MjNotSupportedException),
            null when code == 3 => typeof(MjNotFoundException),
            null when code == -1 => typeof(MjServerException),
            _ when code is 4 or -1 => typeof(MjValidationException),
            _ => typeof(MjServerException),
        };
    }

    /// <summary>The server's words in the answer: the envelope's description or message, else the plain body.</summary>
    public static string? TextOf(RecordedAnswer answer)
    {
        if (answer.Json is { ValueKind: JsonValueKind.Object } root)
        {
            foreach (var name in new[] { "description", "message" })
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }

            return null;
        }

        if (answer.Json is { ValueKind: JsonValueKind.String } text)
        {
            return text.GetString(); // ASP.NET Core's refusal string to a client that accepts JSON
        }

        return answer.Json is null && answer.Body.Length > 0 ? answer.Body.Trim() : null;
    }

    /// <summary>The envelope's code (the submit envelope's, or -1 of TrueAI's failure envelope); null without one.</summary>
    public static int? CodeOf(RecordedAnswer answer) =>
        answer.Json is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number
            ? code.GetInt32()
            : null;
}
