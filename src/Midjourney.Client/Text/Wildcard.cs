using System.Text.RegularExpressions;

namespace Midjourney.Client;

/// <summary>PowerShell's <c>-like</c> wildcards (<c>*</c>, <c>?</c>), without case, for filters on the client's side.</summary>
internal static class Wildcard
{
    /// <summary>The pattern as a regular expression that matches the whole text.</summary>
    public static Regex ToRegex(string pattern)
    {
        var escaped = Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".");
        return new Regex("^" + escaped + "$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>True when the pattern has <c>*</c> or <c>?</c>.</summary>
    public static bool Has(string pattern) => pattern.IndexOfAny(new[] { '*', '?' }) >= 0;
}
