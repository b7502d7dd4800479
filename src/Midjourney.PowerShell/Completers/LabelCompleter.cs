using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midjourney.PowerShell.Completers;

/// <summary>Completes Invoke-MjButton -Label with the common button labels, quoted where needed.</summary>
public sealed class LabelCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ButtonLabels.Matching(wordToComplete)
            .Select(label => new CompletionResult(ButtonLabels.Quote(label), label, CompletionResultType.ParameterValue, label))
            .ToList();
}
