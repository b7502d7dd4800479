using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>One Midjourney parameter: its flag, the typed property it fills, and the values it takes.</summary>
public sealed class MjParameterInfo
{
    internal MjParameterInfo(string flag, string property, MjParameterKind kind, string example)
    {
        Flag = flag;
        Property = property;
        Kind = kind;
        Example = example;
    }

    /// <summary>The short flag without dashes, as written in prompts: <c>ar</c>, <c>s</c>, <c>sref</c>.</summary>
    public string Flag { get; }

    /// <summary>Other spellings: <c>aspect</c>, <c>stylize</c>.</summary>
    public IReadOnlyList<string> Aliases { get; internal init; } = Array.Empty<string>();

    /// <summary>The <see cref="MjPromptParameters"/> property (and PowerShell parameter) it fills.</summary>
    public string Property { get; }

    /// <summary>How the value is written.</summary>
    public MjParameterKind Kind { get; }

    /// <summary>The smallest value (Integer and Number).</summary>
    public double? Min { get; internal init; }

    /// <summary>The largest value (Integer and Number).</summary>
    public double? Max { get; internal init; }

    /// <summary>The values a Choice takes (Quality also depends on the version).</summary>
    public IReadOnlyList<string> Values { get; internal init; } = Array.Empty<string>();

    /// <summary>True when the flag may stand alone (<c>--niji</c>, <c>--p</c>).</summary>
    public bool ValueOptional { get; internal init; }

    /// <summary>Which model versions take it; null = every version.</summary>
    internal MjVersionRule? Versions { get; init; }

    /// <summary>True for a parameter of video jobs (<c>--motion</c>, <c>--loop</c>).</summary>
    public bool Video { get; internal init; }

    /// <summary>A correct use, shown in messages: <c>--ar 16:9</c>.</summary>
    public string Example { get; }

    /// <summary>The flag with its dashes: <c>--ar</c>.</summary>
    public string Dashed => "--" + Flag;

    /// <summary>Reads the value from typed parameters as prompt text; null when not set, "" for a set flag.</summary>
    internal Func<MjPromptParameters, string?> Format { get; init; } = _ => null;

    /// <summary>Stores a well-formed value text into typed parameters.</summary>
    internal Action<MjPromptParameters, string> Assign { get; init; } = (_, _) => { };

    /// <inheritdoc />
    public override string ToString() => Dashed;
}
