using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midjourney.PowerShell.Completers;

/// <summary>Completes -Connection (and -Uri of the server cmdlets) with the servers registered by Connect-MjServer.</summary>
public sealed class ConnectionCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = ButtonLabels.Unquote(wordToComplete);
        return MjSession.Current.Connections
            .Select(c => (Connection: c, Text: c.Uri.AbsoluteUri))
            .Where(c => c.Text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || c.Connection.Uri.Authority.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult(
                c.Text, c.Text, CompletionResultType.ParameterValue, c.Connection.ToString() + (c.Connection.IsDefault ? ", the default" : string.Empty)))
            .ToList();
    }
}
