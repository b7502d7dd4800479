using System;

namespace Midjourney.Client;

/// <summary>Removes the API key from any text that may reach a user (servers sometimes echo tokens in errors).</summary>
internal sealed class Redactor
{
    private readonly string? _key;

    public Redactor(string? key) => _key = string.IsNullOrEmpty(key) ? null : key;

    public string? Redact(string? text)
    {
        if (text is null || _key is null || text.IndexOf(_key, StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return text.Replace(_key, "***");
    }
}
