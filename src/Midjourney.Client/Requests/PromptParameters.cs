using System;
using System.Globalization;

namespace Midjourney.Client;

/// <summary>Reads Midjourney parameters (<c>--zoom 1.5</c>) out of a prompt's text.</summary>
internal static class PromptParameters
{
    private static readonly char[] Blanks = { ' ', '\t', '\r', '\n' };

    /// <summary>
    /// The number after the last <c>--name</c> in <paramref name="prompt"/> (compared ignoring case); null when the
    /// parameter is missing or is not followed by a number.
    /// </summary>
    public static double? Number(string? prompt, string name)
    {
        if (prompt is null)
        {
            return null;
        }

        var tokens = prompt.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
        double? found = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (string.Equals(tokens[i], "--" + name, StringComparison.OrdinalIgnoreCase))
            {
                found = i + 1 < tokens.Length && double.TryParse(tokens[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : double.NaN;
            }
        }

        return found is double n && double.IsNaN(n) ? null : found;
    }

    /// <summary>The prompt without any <c>--name</c> and the value after it (for building a corrected example).</summary>
    public static string Without(string? prompt, string name)
    {
        var tokens = (prompt ?? string.Empty).Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
        var kept = new System.Collections.Generic.List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (string.Equals(tokens[i], "--" + name, StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 < tokens.Length && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            kept.Add(tokens[i]);
        }

        return string.Join(" ", kept);
    }

    /// <summary>True when the prompt names <c>--name</c> at all, with or without a value.</summary>
    public static bool Has(string? prompt, string name) =>
        prompt is not null && Array.Exists(prompt.Split(Blanks, StringSplitOptions.RemoveEmptyEntries), t => string.Equals(t, "--" + name, StringComparison.OrdinalIgnoreCase));
}
