using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midjourney.PowerShell.Completers;

/// <summary>Completes a [bool] filter (Get-MjAccount -Enabled) with <c>$true</c> and <c>$false</c>.</summary>
public sealed class BooleanCompleter : IArgumentCompleter
{
    private static readonly (string Value, string ToolTip)[] Values =
    {
        ("$true", "Only the ones that are."),
        ("$false", "Only the ones that are not."),
    };

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Values
            .Where(v => v.Value.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.Value, v.Value, CompletionResultType.ParameterValue, v.ToolTip))
            .ToList();
}
