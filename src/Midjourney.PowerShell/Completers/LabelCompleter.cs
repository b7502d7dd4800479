using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midjourney.PowerShell.Completers;

/// <summary>
/// Completes Invoke-MjButton -Label: the buttons the task really has when it is known (-Task, or a variable or
/// expression piped in), else the common labels; quoted where needed, in the quote the user opened.
/// </summary>
public sealed class LabelCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var known = ButtonLabels.Of(CompletionInput.Tasks(commandAst, fakeBoundParameters));
        var labels = known.Count > 0 ? known : ButtonLabels.Common.Select(label => (Label: label, ToolTip: label)).ToList();
        var tips = labels.GroupBy(l => l.Label).ToDictionary(g => g.Key, g => g.First().ToolTip);
        return ButtonLabels.Matching(wordToComplete, labels.Select(l => l.Label))
            .Select(label => new CompletionResult(ButtonLabels.Quote(label, wordToComplete), label, CompletionResultType.ParameterValue, tips[label]))
            .ToList();
    }
}
