using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.HelpBuilder;

/// <summary>The help of one cmdlet, as read from its markdown file.</summary>
public sealed class CommandHelp
{
    /// <summary>The cmdlet name, <c>Verb-Noun</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The verb part of <see cref="Name"/>.</summary>
    public string Verb => Name.Split('-', 2)[0];

    /// <summary>The noun part of <see cref="Name"/>.</summary>
    public string Noun => Name.Contains('-', StringComparison.Ordinal) ? Name.Split('-', 2)[1] : "";

    /// <summary>One-line summary (the SYNOPSIS section).</summary>
    public string Synopsis { get; set; } = "";

    /// <summary>The DESCRIPTION section, one entry per paragraph.</summary>
    public List<string> Description { get; } = new();

    /// <summary>The EXAMPLES section.</summary>
    public List<ExampleHelp> Examples { get; } = new();

    /// <summary>The PARAMETERS section, without CommonParameters.</summary>
    public List<ParameterHelp> Parameters { get; } = new();

    /// <summary>True when the markdown has a <c>### CommonParameters</c> entry.</summary>
    public bool HasCommonParameters { get; set; }

    /// <summary>The INPUTS section.</summary>
    public List<TypeHelp> Inputs { get; } = new();

    /// <summary>The OUTPUTS section.</summary>
    public List<TypeHelp> Outputs { get; } = new();

    /// <summary>The NOTES section, one entry per paragraph.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>The RELATED LINKS section: link texts (cmdlet or about topic names) and optional URIs.</summary>
    public List<(string Text, string Uri)> RelatedLinks { get; } = new();
}

/// <summary>One example: a title, PowerShell code and remarks.</summary>
public sealed class ExampleHelp
{
    /// <summary>The text after <c>### </c>, e.g. <c>Example 1: Imagine and wait</c>.</summary>
    public string Title { get; set; } = "";

    /// <summary>The code of the first fenced block.</summary>
    public string Code { get; set; } = "";

    /// <summary>The paragraphs after the code.</summary>
    public List<string> Remarks { get; } = new();
}

/// <summary>One parameter entry (<c>### -Name</c> plus its yaml block).</summary>
public sealed class ParameterHelp
{
    /// <summary>The name without the dash.</summary>
    public string Name { get; set; } = "";

    /// <summary>The description paragraphs.</summary>
    public List<string> Description { get; } = new();

    /// <summary>The type name as written (<c>String</c>, <c>String[]</c>, <c>SwitchParameter</c>, <c>SpeedMode</c>).</summary>
    public string Type { get; set; } = "";

    /// <summary>The parameter sets it belongs to; empty means all of them (<c>(All)</c>).</summary>
    public List<string> ParameterSets { get; } = new();

    /// <summary>Aliases.</summary>
    public List<string> Aliases { get; } = new();

    /// <summary>True when the parameter is mandatory in at least one set.</summary>
    public bool Required { get; set; }

    /// <summary>The sets in which it is mandatory when only some are (<c>Required: True (Credential)</c>); empty means every set it belongs to.</summary>
    public List<string> RequiredIn { get; } = new();

    /// <summary><c>named</c> or a zero-based position.</summary>
    public string Position { get; set; } = "named";

    /// <summary>The default value text, <c>None</c> when there is none.</summary>
    public string DefaultValue { get; set; } = "None";

    /// <summary>The pipeline input text, e.g. <c>True (ByValue, ByPropertyName)</c> or <c>False</c>.</summary>
    public string PipelineInput { get; set; } = "False";

    /// <summary>True when wildcards are accepted.</summary>
    public bool Globbing { get; set; }

    /// <summary>The accepted values of an enum or ValidateSet parameter.</summary>
    public List<string> AcceptedValues { get; } = new();

    /// <summary>True for switch parameters.</summary>
    public bool IsSwitch => string.Equals(Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the parameter is mandatory in <paramref name="set"/>.</summary>
    public bool IsRequiredIn(string set) =>
        Required && (RequiredIn.Count == 0 || RequiredIn.Contains(set, StringComparer.OrdinalIgnoreCase));
}

/// <summary>An input or output type with its description.</summary>
public sealed class TypeHelp
{
    /// <summary>The full type name, or <c>None</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The description paragraphs.</summary>
    public List<string> Description { get; } = new();
}
