using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midjourney.PowerShell.Completers;

/// <summary>Completes Invoke-MjButton -CustomId with the customIds of the known task's buttons (nothing, not file names, otherwise).</summary>
public sealed class CustomIdCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = ButtonLabels.Unquote(wordToComplete);
        return CompletionInput.Tasks(commandAst, fakeBoundParameters)
            .SelectMany(t => t.Buttons)
            .Where(b => b.CustomId.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .GroupBy(b => b.CustomId, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(b => new CompletionResult(ButtonLabels.Quote(b.CustomId, wordToComplete), b.CustomId, CompletionResultType.ParameterValue, $"{b.DisplayName} ({b.Kind})"))
            .ToList();
    }
}
