using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Midjourney.Client;

namespace Midjourney.PowerShell.Completers;

/// <summary>
/// Completes -AspectRatio with common ratios, -Version and -Niji with their versions, and -Quality with the values
/// the chosen -Version (or -Niji) takes.
/// </summary>
public sealed class PromptParameterCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var values = parameterName switch
        {
            "AspectRatio" => MjParameterTable.CommonAspectRatios,
            "Version" => MjParameterTable.Versions,
            "Niji" => MjParameterTable.NijiVersions,
            "Quality" => MjParameterTable.QualityValues(Bound(fakeBoundParameters, "Version"), Bound(fakeBoundParameters, "Niji")),
            "Motion" => new[] { "Low", "High" },
            _ => Array.Empty<string>(),
        };
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, Tooltip(parameterName, v)))
            .ToList();
    }

    private static string? Bound(IDictionary bound, string name) =>
        bound is not null && bound.Contains(name) ? (bound[name] is PSObject p ? p.BaseObject : bound[name])?.ToString() : null;

    // 16:9 and .25 are fine bare; quote only what PowerShell would split.
    private static string Quote(string value) => value.IndexOfAny(new[] { ' ', ',', ';' }) >= 0 ? "'" + value + "'" : value;

    private static string Tooltip(string parameterName, string value) => parameterName switch
    {
        "AspectRatio" => "--ar " + value,
        "Version" => "--v " + value,
        "Niji" => "--niji " + value,
        "Quality" => "--q " + value,
        _ => value,
    };
}
