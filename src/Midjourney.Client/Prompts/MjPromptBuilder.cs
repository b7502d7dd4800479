using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Midjourney.Client;

/// <summary>
/// Makes prompt strings in Midjourney's syntax: the text, then the parameters. Typed values join the parameters
/// written in the text; the result is checked by <see cref="MjPromptChecker"/> before it is returned.
/// </summary>
/// <example>
/// <code>
/// var prompt = MjPromptBuilder.Build("red ceramic mug", new MjPromptParameters { AspectRatio = "16:9", Version = "7", Stylize = 250 });
/// // "red ceramic mug --ar 16:9 --v 7 --s 250"
/// </code>
/// </example>
public static class MjPromptBuilder
{
    /// <summary>Midjourney's own limit on the prompts one permutation may make.</summary>
    public const int MaxPermutations = 40;

    /// <summary>
    /// The prompt: <paramref name="text"/> (which may hold parameters already) followed by the typed
    /// <paramref name="parameters"/>. A typed value that disagrees with one in the text is an error naming both;
    /// the same value twice is written once. With <paramref name="check"/>, problems throw <see cref="MjPromptException"/>.
    /// </summary>
    public static string Build(string text, MjPromptParameters? parameters = null, bool check = true)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var inline = MjPromptParser.Parse(text);
        var problems = new List<MjPromptProblem>();
        var added = new List<string>();
        if (parameters is not null)
        {
            foreach (var info in MjParameterTable.All)
            {
                var typed = info.Format(parameters);
                if (typed is null)
                {
                    continue;
                }

                var written = info.Format(inline.Parameters);
                if (written is null)
                {
                    added.Add(typed.Length == 0 ? info.Dashed : info.Dashed + " " + typed);
                }
                else if (!SameValue(written, typed))
                {
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.Conflict, info.Dashed,
                        $"-{info.Property} {Show(typed)} and '{info.Dashed} {written}' in the prompt disagree; give it once."));
                }
            }

            added.AddRange(parameters.Unknown);
        }

        var prompt = Join(text.Trim(), added);
        if (problems.Count > 0)
        {
            throw new MjPromptException(prompt, problems);
        }

        if (check)
        {
            MjPromptChecker.ThrowIfInvalid(prompt);
        }

        return prompt;
    }

    /// <summary>
    /// Every prompt a permutation makes (<c>{red, green} mug</c> → "red mug", "green mug"), built and checked like
    /// <see cref="Build"/>. <c>\{</c>, <c>\}</c> and <c>\,</c> stand for the characters themselves.
    /// More than <paramref name="limit"/> prompts is an error, raised before anything is built.
    /// </summary>
    public static IReadOnlyList<string> BuildAll(string text, MjPromptParameters? parameters = null, bool check = true, int limit = MaxPermutations) =>
        MjPromptPermutations.Expand(text, limit).Select(t => Build(t, parameters, check)).ToList();

    /// <summary>
    /// The prompt with image-prompt URLs at its start, where Midjourney reads them: <c>https://a.png red mug --v 7</c>.
    /// URLs already at the start are not added twice.
    /// </summary>
    public static string WithImagePrompts(IEnumerable<string> urls, string prompt)
    {
        var text = prompt ?? throw new ArgumentNullException(nameof(prompt));
        var leading = new HashSet<string>(text.Split(' ').TakeWhile(MjImageData.IsUrl), StringComparer.Ordinal);
        var added = (urls ?? throw new ArgumentNullException(nameof(urls))).Where(u => !leading.Contains(u)).Distinct(StringComparer.Ordinal).ToList();
        return added.Count == 0 ? text : string.Join(" ", added) + " " + text.TrimStart();
    }

    /// <summary>
    /// The prompt without the image-prompt links at its start (the inverse of <see cref="WithImagePrompts"/>, also
    /// Discord's <c>&lt;https://...&gt;</c> form): <c>https://a.png red mug --v 7</c> is <c>red mug --v 7</c>. For
    /// showing a prompt; links later in the prompt (a <c>--sref</c> value) stay. Empty when the prompt is only links.
    /// </summary>
    public static string WithoutImagePrompts(string? prompt)
    {
        var text = prompt ?? string.Empty;
        var start = 0;
        while (true)
        {
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var word = text.Substring(start, end - start);
            if (word.Length > 2 && word[0] == '<' && word[word.Length - 1] == '>')
            {
                word = word.Substring(1, word.Length - 2);
            }

            if (word.Length == 0 || !MjImageData.IsUrl(word))
            {
                return text.Substring(start);
            }

            start = end;
        }
    }

    /// <summary>The typed parameters in Midjourney's syntax, in the table's order: <c>--ar 16:9 --v 7</c>.</summary>
    public static string FormatParameters(MjPromptParameters parameters)
    {
        var parts = new List<string>();
        foreach (var info in MjParameterTable.All)
        {
            var value = info.Format(parameters);
            var flag = value is null ? null : value.Length == 0 ? info.Dashed : info.Dashed + " " + value;
            if (flag is not null && !parts.Contains(flag))
            {
                parts.Add(flag);
            }
        }

        parts.AddRange(parameters.Unknown);
        return string.Join(" ", parts);
    }

    private static bool SameValue(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        || (MjParameterTable.TryNumber(a) is double x && MjParameterTable.TryNumber(b) is double y && x == y);

    private static string Show(string typed) => typed.Length == 0 ? "(on)" : typed;

    private static string Join(string text, IEnumerable<string> flags)
    {
        var builder = new StringBuilder(text);
        foreach (var flag in flags)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(flag);
        }

        return builder.ToString();
    }
}
