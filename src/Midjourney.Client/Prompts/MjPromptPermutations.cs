using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Midjourney.Client;

/// <summary>
/// Midjourney's permutation prompts: each <c>{a, b, c}</c> group multiplies the prompt, nested groups included.
/// <c>\{</c>, <c>\}</c> and <c>\,</c> are the characters themselves.
/// </summary>
public static class MjPromptPermutations
{
    private static readonly Regex Spaces = new(@"[ \t]{2,}", RegexOptions.CultureInvariant);

    /// <summary>True when the text has an unescaped <c>{</c>.</summary>
    public static bool HasPermutations(string text) => FindOpen(text ?? string.Empty, 0) >= 0;

    /// <summary>How many prompts the text makes (1 without groups); throws on unbalanced braces.</summary>
    public static long Count(string text) => CountOf(text ?? string.Empty);

    /// <summary>
    /// Every prompt the text makes, escapes resolved. Throws <see cref="MjPromptException"/> for unbalanced braces
    /// or more than <paramref name="limit"/> prompts (counted before any is made).
    /// </summary>
    public static IReadOnlyList<string> Expand(string text, int limit = MjPromptBuilder.MaxPermutations)
    {
        text ??= string.Empty;
        var count = CountOf(text);
        if (count > limit)
        {
            throw new MjPromptException(text, new[]
            {
                new MjPromptProblem(MjPromptProblemKind.Permutation, null,
                    $"This permutation makes {count} prompts; the most one prompt may make is {limit}. Use fewer options in the {{…}} groups, or split the prompt."),
            });
        }

        return ExpandAll(text).Select(Unescape).Select(t => Spaces.Replace(t, " ").Trim()).ToList();
    }

    private static long CountOf(string text)
    {
        var open = FindOpen(text, 0);
        if (open < 0)
        {
            CheckNoStrayClose(text, text);
            return 1;
        }

        var close = FindClose(text, open);
        CheckNoStrayClose(text.Substring(0, open), text);
        var options = SplitOptions(text.Substring(open + 1, close - open - 1));
        long inner = options.Sum(o => CountOf(o));
        var rest = CountOf(text.Substring(close + 1));
        return Math.Min(inner * rest, long.MaxValue / 64);
    }

    private static IEnumerable<string> ExpandAll(string text)
    {
        var open = FindOpen(text, 0);
        if (open < 0)
        {
            yield return text;
            yield break;
        }

        var close = FindClose(text, open);
        var prefix = text.Substring(0, open);
        var rest = ExpandAll(text.Substring(close + 1)).ToList();
        foreach (var option in SplitOptions(text.Substring(open + 1, close - open - 1)))
        {
            foreach (var inner in ExpandAll(option))
            {
                foreach (var tail in rest)
                {
                    yield return prefix + inner.Trim() + tail;
                }
            }
        }
    }

    private static int FindOpen(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '{')
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindClose(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        throw Problem(text, $"The '{{' at position {open + 1} has no closing '}}'. Close the group, or write '\\{{' for a brace in the text.");
    }

    private static void CheckNoStrayClose(string part, string whole)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '\\')
            {
                i++;
            }
            else if (part[i] == '}')
            {
                throw Problem(whole, "A '}' has no opening '{'. Write '\\}' for a brace in the text.");
            }
        }
    }

    /// <summary>The options of one group: commas at depth 0 split, escapes kept for later.</summary>
    private static List<string> SplitOptions(string body)
    {
        var options = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                current.Append(c).Append(body[++i]);
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                options.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        options.Add(current.ToString());
        return options;
    }

    private static string Unescape(string text) =>
        Regex.Replace(text, @"\\([{},\\])", "$1");

    private static MjPromptException Problem(string text, string message) =>
        new(text, new[] { new MjPromptProblem(MjPromptProblemKind.Permutation, null, message) });
}
