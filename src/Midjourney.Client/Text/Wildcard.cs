using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>A test of texts against any of the patterns; no pattern at all lets every text through.</summary>
    public static Func<IEnumerable<string?>, bool> AnyOf(IEnumerable<string>? patterns)
    {
        var regexes = Given(patterns).Select(ToRegex).ToList();
        return texts => regexes.Count == 0 || texts.Any(text => text is not null && regexes.Any(r => r.IsMatch(text)));
    }

    /// <summary>The patterns without wildcards that match none of <paramref name="texts"/> (ignoring case): names asked for that do not exist.</summary>
    public static IEnumerable<string> Unmatched(IEnumerable<string>? patterns, IEnumerable<string?> texts)
    {
        var known = new HashSet<string>(texts.Where(t => t is not null).Select(t => t!), StringComparer.OrdinalIgnoreCase);
        return Given(patterns).Where(p => !Has(p) && !known.Contains(p));
    }

    private static IEnumerable<string> Given(IEnumerable<string>? patterns) =>
        (patterns ?? Array.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim());
}
