using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Midjourney.Client;

/// <summary>
/// The one check of a prompt's parameters, for parameters typed in the prompt and given as typed values alike
/// (the builder writes typed values into the prompt first): form, ranges, version rules, repeats and conflicts.
/// </summary>
public static class MjPromptChecker
{
    private static readonly Regex RatioPattern = new(@"^(\d+):(\d+)$", RegexOptions.CultureInvariant);
    private static readonly Regex CodePattern = new(@"^[A-Za-z0-9_\-]+$", RegexOptions.CultureInvariant);

    /// <summary>Every problem in a prompt; empty when it is fine.</summary>
    public static IReadOnlyList<MjPromptProblem> Check(string? prompt) => Check(MjPromptParser.Parse(prompt));

    /// <summary>Every problem in a parsed prompt; empty when it is fine.</summary>
    public static IReadOnlyList<MjPromptProblem> Check(MjPrompt prompt)
    {
        if (prompt is null)
        {
            throw new ArgumentNullException(nameof(prompt));
        }

        var problems = new List<MjPromptProblem>(prompt.SyntaxProblems);
        var model = prompt.Parameters.Model;
        var seen = new Dictionary<MjParameterInfo, MjPromptFlag>();
        foreach (var flag in prompt.Flags)
        {
            if (flag.Info is null)
            {
                continue;
            }

            if (seen.TryGetValue(flag.Info, out var first) && first.Value != flag.Value)
            {
                problems.Add(new MjPromptProblem(MjPromptProblemKind.Repeated, flag.Written,
                    $"{flag.Info.Dashed} is given twice ('{first}' and '{flag}'); keep one."));
            }

            seen[flag.Info] = flag;
            if (flag.Value is not null)
            {
                CheckValue(flag, flag.Info, model, problems);
            }

            if (flag.Info.Versions is { } rule && !rule.Allows(model))
            {
                problems.Add(new MjPromptProblem(MjPromptProblemKind.WrongVersion, flag.Written,
                    $"{flag.Info.Dashed} needs {rule.Needs}; this prompt uses {model}. Remove {flag.Info.Dashed} or choose another version."));
            }
        }

        if (prompt.Parameters.Version is not null && prompt.Parameters.Niji is not null)
        {
            problems.Add(new MjPromptProblem(MjPromptProblemKind.Conflict, "--niji",
                $"--v {prompt.Parameters.Version} and --niji {prompt.Parameters.Niji} are both given; a prompt renders with one model, keep one."));
        }

        return problems;
    }

    /// <summary>Throws <see cref="MjPromptException"/> when the prompt has problems.</summary>
    public static void ThrowIfInvalid(string prompt)
    {
        var problems = Check(prompt);
        if (problems.Count > 0)
        {
            throw new MjPromptException(prompt, problems);
        }
    }

    private static void CheckValue(MjPromptFlag flag, MjParameterInfo info, MjModel model, List<MjPromptProblem> problems)
    {
        var value = flag.Value!;
        var typed = " (-" + info.Property + ")";
        switch (info.Kind)
        {
            case MjParameterKind.Integer:
            case MjParameterKind.Number:
                var number = MjParameterTable.TryNumber(value);
                var whole = info.Kind == MjParameterKind.Integer;
                if (number is null || (whole && number != Math.Floor(number.Value)))
                {
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.InvalidValue, flag.Written,
                        $"{info.Dashed}{typed} takes a {(whole ? "whole number" : "number")} from {Show(info.Min)} to {Show(info.Max)}; '{value}' is not one. Write it like '{info.Example}'."));
                }
                else if (number < info.Min || number > info.Max)
                {
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.OutOfRange, flag.Written,
                        $"{info.Dashed} {value} is out of range: {info.Dashed}{typed} takes {Show(info.Min)} to {Show(info.Max)}."));
                }

                break;

            case MjParameterKind.Ratio:
                var match = RatioPattern.Match(value);
                if (!match.Success || match.Groups[1].Value.TrimStart('0').Length == 0 || match.Groups[2].Value.TrimStart('0').Length == 0)
                {
                    var hint = Regex.Match(value, @"^(\d+)\s*[xX×/]\s*(\d+)$") is { Success: true } m ? $"write '--ar {m.Groups[1].Value}:{m.Groups[2].Value}'" : "write it like '--ar 16:9' (decimals: 1.5:1 is 3:2)";
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.InvalidValue, flag.Written,
                        $"--ar{typed} takes width:height in positive whole numbers; '{value}' is not one: {hint}."));
                }

                break;

            case MjParameterKind.Choice:
                var allowed = info.Flag == "q" ? MjParameterTable.QualityValues(model) : info.Values;
                if (!Contains(info.Values, value))
                {
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.InvalidValue, flag.Written,
                        $"{info.Dashed} {value} is not a value it takes; {info.Dashed}{typed} takes {string.Join(", ", info.Flag == "q" ? allowed : info.Values)}."));
                }
                else if (!Contains(allowed, value))
                {
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.WrongVersion, flag.Written,
                        $"{info.Dashed} {value} does not work with {model}; there {info.Dashed} takes {string.Join(", ", allowed)}."));
                }

                break;

            case MjParameterKind.References:
                var items = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (info.Flag == "oref" && items.Length > 1)
                {
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.InvalidValue, flag.Written,
                        $"--oref{typed} takes one image; {items.Length} are given."));
                }

                foreach (var item in items)
                {
                    CheckReference(flag, info, item, typed, problems);
                }

                break;

            case MjParameterKind.OptionalCodes:
                foreach (var code in value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(c => !CodePattern.IsMatch(c)))
                {
                    problems.Add(new MjPromptProblem(MjPromptProblemKind.InvalidValue, flag.Written,
                        $"{info.Dashed}{typed} takes profile or moodboard codes (letters and digits); '{code}' is not one."));
                }

                break;
        }
    }

    private static void CheckReference(MjPromptFlag flag, MjParameterInfo info, string item, string typed, List<MjPromptProblem> problems)
    {
        var reference = item;
        var weightAt = item.LastIndexOf("::", StringComparison.Ordinal);
        if (weightAt > 0 && !item.Substring(weightAt + 2).Contains("/"))
        {
            var weight = item.Substring(weightAt + 2);
            reference = item.Substring(0, weightAt);
            if (MjParameterTable.TryNumber(weight) is null)
            {
                problems.Add(new MjPromptProblem(MjPromptProblemKind.InvalidValue, flag.Written,
                    $"'{item}' has the weight '{weight}', which is not a number; write it like '{reference}::2'."));
            }
        }

        var isCode = info.Flag == "sref" && (reference.All(char.IsDigit) || string.Equals(reference, "random", StringComparison.OrdinalIgnoreCase));
        if (!isCode && !MjImageData.IsUrl(reference))
        {
            problems.Add(new MjPromptProblem(MjPromptProblemKind.InvalidValue, flag.Written,
                $"{info.Dashed}{typed} takes http(s) image URLs{(info.Flag == "sref" ? " or style codes" : string.Empty)}; '{reference}' is not one. For a local file, give it to -{info.Property} and it is uploaded."));
        }
    }

    private static bool Contains(IReadOnlyList<string> values, string value) =>
        values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)
            || (MjParameterTable.TryNumber(v) is double a && MjParameterTable.TryNumber(value) is double b && a == b));

    private static string Show(double? value) => value is double d ? d.ToString("#,0.###", CultureInfo.InvariantCulture).Replace(",", string.Empty) : "?";
}
