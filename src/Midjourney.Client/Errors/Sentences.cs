using System;

namespace Midjourney.Client;

/// <summary>
/// The one place where a text that may be a server's (or an exception's) is closed as a sentence before the module's
/// own next sentence: a full stop is added only when the text does not end in one already (".", "。", "!", "?", "…",
/// their full-width forms), so no message reads "..", "。." or "!.".
/// </summary>
internal static class Sentences
{
    private const string Stops = ".。!?！？…．";

    /// <summary>True when <paramref name="text"/> ends (trailing spaces aside) in a sentence's stop.</summary>
    public static bool Ends(string? text)
    {
        var trimmed = (text ?? string.Empty).TrimEnd();
        return trimmed.Length > 0 && Stops.IndexOf(trimmed[trimmed.Length - 1]) >= 0;
    }

    /// <summary><paramref name="text"/> (trailing spaces removed) with a full stop unless it ends in one.</summary>
    public static string End(string text)
    {
        var trimmed = text.TrimEnd();
        return Ends(trimmed) ? trimmed : trimmed + ".";
    }

    /// <summary><paramref name="text"/> closed as a sentence, then <paramref name="next"/> after one space.</summary>
    public static string Join(string text, string next) => End(text) + " " + next;
}
