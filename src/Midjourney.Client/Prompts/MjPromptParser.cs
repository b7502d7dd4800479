using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Client;

/// <summary>
/// Reads the parameters out of a prompt: the text before the first flag is the prompt text, the rest are flags
/// and their values. Syntax problems (unknown flags, glued values, wrong dashes, missing values) are kept for
/// <see cref="MjPromptChecker"/>; parsing itself never throws.
/// </summary>
public static class MjPromptParser
{
    private static readonly char[] DashLike = { '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' };

    /// <summary>Parses a prompt.</summary>
    public static MjPrompt Parse(string? prompt)
    {
        var original = prompt ?? string.Empty;
        var problems = new List<MjPromptProblem>();
        var flags = new List<MjPromptFlag>();
        var values = new List<string>();
        var trailing = new List<string>();
        MjPromptFlag? current = null;
        var textEnd = original.Length;

        foreach (var (token, position) in Tokens(original))
        {
            var flag = ReadFlag(token, position, problems);
            if (flag is not null)
            {
                Finish(current, values, trailing, problems);
                if (current is null)
                {
                    textEnd = position;
                }

                current = flag;
                flags.Add(flag);
                if (flag.Value is not null)
                {
                    values.Add(flag.Value); // a glued value: --ar16:9
                }

                continue;
            }

            if (current is null)
            {
                continue; // prompt text
            }

            if (trailing.Count == 0 && TakesToken(current, values, token))
            {
                values.Add(token);
            }
            else
            {
                trailing.Add(token);
            }
        }

        Finish(current, values, trailing, problems);
        var parameters = new MjPromptParameters();
        foreach (var flag in flags)
        {
            if (flag.Info is null)
            {
                parameters.Unknown.Add(flag.ToString());
            }
            else if (flag.Value is not null || flag.Info.Kind == MjParameterKind.Flag || flag.Info.ValueOptional)
            {
                flag.Info.Assign(parameters, flag.Value ?? string.Empty);
            }
        }

        return new MjPrompt(original, original.Substring(0, textEnd).Trim(), flags, parameters, problems);
    }

    /// <summary>The nearest known flag to a misspelt one, or null when none is close.</summary>
    public static string? Suggest(string name)
    {
        var best = MjParameterTable.Names
            .Select(known => (known, distance: Distance(name.ToLowerInvariant(), known)))
            .OrderBy(x => x.distance).ThenBy(x => x.known.Length)
            .FirstOrDefault();
        return best.known is not null && best.distance <= Math.Max(1, Math.Min(2, name.Length / 3)) ? "--" + best.known : null;
    }

    private static IEnumerable<(string Token, int Position)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return (text.Substring(start, i - start), start);
            }
        }
    }

    /// <summary>The flag a token starts, or null for an ordinary word.</summary>
    private static MjPromptFlag? ReadFlag(string token, int position, List<MjPromptProblem> problems)
    {
        if (token.Length < 2 || Array.IndexOf(DashLike, token[0]) < 0)
        {
            return null;
        }

        var dashes = 0;
        while (dashes < token.Length && Array.IndexOf(DashLike, token[dashes]) >= 0)
        {
            dashes++;
        }

        var name = token.Substring(dashes);
        if (name.Length == 0 || !char.IsLetter(name[0]))
        {
            return null; // "-5", "—", "--"
        }

        var properDashes = dashes == 2 && token[0] == '-' && token[1] == '-';
        var info = MjParameterTable.Find(name);
        string? gluedValue = null;
        if (info is null && Glued(name) is var (knownName, value))
        {
            info = MjParameterTable.Find(knownName);
            gluedValue = value;
        }

        if (!properDashes)
        {
            if (info is null)
            {
                return null; // prose such as "-ish" or "—and"; only known names count as flags with a wrong dash
            }

            var what = token[0] switch { '\u2014' => "an em dash (—)", '\u2013' => "an en dash (–)", '-' when dashes == 1 => "one hyphen", _ => "a dash that is not a hyphen" };
            problems.Add(new MjPromptProblem(MjPromptProblemKind.WrongDash, token,
                $"'{token}' starts with {what}, often pasted from a web page or changed by autocorrect; write '{info.Dashed}' with two hyphens."));
        }

        var flag = new MjPromptFlag(properDashes ? token : "--" + name, info, position);
        if (gluedValue is not null)
        {
            flag.Value = gluedValue;
            problems.Add(new MjPromptProblem(MjPromptProblemKind.MissingSpace, token,
                $"'{token}' has no space between the flag and its value; write '{info!.Dashed} {gluedValue}'."));
        }
        else if (info is null)
        {
            var suggestion = Suggest(name);
            problems.Add(new MjPromptProblem(MjPromptProblemKind.UnknownParameter, token, suggestion is not null
                ? $"'{token}' is not a Midjourney parameter; did you mean '{suggestion}'?"
                : $"'{token}' is not a Midjourney parameter this module knows. Check the spelling; if it is newer than this module, send the prompt unchecked (-SkipParameterCheck)."));
        }

        return flag;
    }

    /// <summary>A known flag name glued to a value: "ar16:9" → ("ar", "16:9"); the longest known name wins.</summary>
    private static (string Name, string Value)? Glued(string name)
    {
        var known = MjParameterTable.All
            .Where(p => p.Kind != MjParameterKind.Flag)
            .SelectMany(p => new[] { p.Flag }.Concat(p.Aliases))
            .Where(n => name.Length > n.Length && name.StartsWith(n, StringComparison.OrdinalIgnoreCase))
            .Where(n => char.IsDigit(name[n.Length]) || name[n.Length] is ':' or '.' or '-')
            .OrderByDescending(n => n.Length)
            .FirstOrDefault();
        return known is null ? null : (known, name.Substring(known.Length));
    }

    private static bool TakesToken(MjPromptFlag flag, List<string> values, string token)
    {
        if (flag.Info is null)
        {
            return true; // an unknown flag keeps what follows it
        }

        return flag.Info.Kind switch
        {
            MjParameterKind.Flag => false,
            MjParameterKind.Words or MjParameterKind.References or MjParameterKind.OptionalCodes => true,
            _ when flag.Info.ValueOptional => values.Count == 0 && MjParameterTable.TryNumber(token) is not null,
            _ => values.Count == 0,
        };
    }

    private static void Finish(MjPromptFlag? flag, List<string> values, List<string> trailing, List<MjPromptProblem> problems)
    {
        if (flag is null)
        {
            return;
        }

        if (values.Count > 0)
        {
            flag.Value = string.Join(" ", values);
        }
        else if (flag.Info is { Kind: not MjParameterKind.Flag, ValueOptional: false })
        {
            problems.Add(new MjPromptProblem(MjPromptProblemKind.MissingValue, flag.Written,
                $"'{flag.Written}' needs a value; write it like '{flag.Info.Example}'."));
        }

        if (trailing.Count > 0)
        {
            var words = string.Join(" ", trailing);
            problems.Add(new MjPromptProblem(MjPromptProblemKind.TextAfterParameters, flag.Written,
                $"'{words}' comes after '{flag}'; {flag.Written} takes {(flag.Info?.Kind == MjParameterKind.Flag ? "no value" : "one value")}. Put the prompt text before the parameters."));
        }

        values.Clear();
        trailing.Clear();
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
