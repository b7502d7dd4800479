using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// The one place that decides which fields of an admin answer are secrets, and the one reader that drops them while
/// it turns JSON into plain values. A dropped field is never stored anywhere (not on a typed property, not in
/// <c>Raw</c>, not in <c>Properties</c>), so it cannot reach output, verbose text, JSON, a file or the journal. The
/// strings it keeps are made safe to show (<see cref="MjText"/>): names on one line, values without escape sequences.
/// </summary>
/// <remarks>
/// The real TrueAI 11.10.3 sends, to its administrator, an account's <c>userToken</c>, <c>cookie</c>, <c>botToken</c>,
/// <c>loginAccount</c>, <c>loginPassword</c>, <c>login2fa</c>, captcha URLs (<c>cfUrl</c>, <c>cfHashUrl</c>), its
/// <c>permanentInvitationLink</c> and <c>subChannels</c> links, and every user's <c>token</c>. Its own web page masks the
/// same fields for other viewers. Names are matched without case, <c>_</c> or <c>-</c>, by the words below, so a field a
/// later server version adds under a telling name (<c>accessToken</c>, <c>apiSecret</c>, <c>proxyPassword</c>) is
/// dropped too.
/// </remarks>
internal static class SecretFields
{
    /// <summary>The shortest value <see cref="RemoveFrom"/> removes.</summary>
    internal const int MinimumSecretLength = 4;

    private static readonly string[] SecretWords = { "token", "password", "passwd", "secret", "cookie", "2fa", "totp", "apikey", "credential", "authorization", "privatekey" };

    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        "loginaccount", "loginemail", "loginuser", "loginname", "cfurl", "cfhashurl", "permanentinvitationlink", "invitationlink", "invitelink",
        "subchannels", "subchannelvalues",
    };

    /// <summary>True when a field of this name holds a secret.</summary>
    public static bool IsSecret(string name)
    {
        var key = Normalise(name);
        if (SecretNames.Contains(key))
        {
            return true;
        }

        foreach (var word in SecretWords)
        {
            if (key.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An object's members as plain values, secrets left out at every depth: strings, longs, doubles, booleans, null;
    /// objects as read-only dictionaries and arrays as read-only lists of the same.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> ToPlainObject(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!IsSecret(property.Name))
            {
                result[MjText.CleanLine(property.Name)!] = ToPlain(property.Value);
            }
        }

        return result;
    }

    /// <summary>
    /// The values of every secret field of <paramref name="element"/>, at any depth (the strings a change sends back to the
    /// server, so that an answer echoing them can be cleaned of them with <see cref="RemoveFrom"/>).
    /// </summary>
    public static IReadOnlyList<string> ValuesIn(JsonElement element)
    {
        var values = new List<string>();
        Collect(element, secret: false, values);
        return values;
    }

    /// <summary>
    /// The answer with every one of <paramref name="secrets"/> the module sent replaced by <c>***</c>, as written and as
    /// JSON escapes it, so that no message, error or trace built from it can show them. Values shorter than
    /// <see cref="MinimumSecretLength"/> are left alone: replacing them would garble the text without hiding anything.
    /// </summary>
    public static MjHttpResponse RemoveFrom(MjHttpResponse response, IEnumerable<string> secrets)
    {
        if (response.Body.Length == 0)
        {
            return response;
        }

        var text = Encoding.UTF8.GetString(response.Body);
        var cleaned = text;
        foreach (var secret in secrets)
        {
            if (secret.Length < MinimumSecretLength)
            {
                continue;
            }

            foreach (var form in new[] { secret, JsonEncodedText.Encode(secret).ToString(), JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() })
            {
                cleaned = cleaned.Replace(form, "***");
            }
        }

        return cleaned == text
            ? response
            : new MjHttpResponse(response.StatusCode, Encoding.UTF8.GetBytes(cleaned), response.MediaType, response.RetryAfter, response.Path);
    }

    private static void Collect(JsonElement element, bool secret, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, secret || IsSecret(property.Name), values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, secret, values);
                }

                break;
            case JsonValueKind.String when secret:
                values.Add(element.GetString()!);
                break;
            case JsonValueKind.Number when secret:
                values.Add(element.GetRawText());
                break;
        }
    }

    private static object? ToPlain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => ToPlainObject(value),
        JsonValueKind.Array => ToPlainList(value),
        JsonValueKind.String => MjText.Clean(value.GetString()),
        _ => JsonValues.ToPlain(value),
    };

    private static IReadOnlyList<object?> ToPlainList(JsonElement array)
    {
        var items = new List<object?>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            items.Add(ToPlain(item));
        }

        return items;
    }

    private static string Normalise(string name)
    {
        var chars = new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or ' '))
            {
                chars[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, length);
    }
}
