using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midjourney.PowerShell.Completers;

/// <summary>
/// For free text and numbers (prompts, states, URLs, timeouts): offers nothing, so Tab does not fall back to
/// file names that would be wrong there.
/// </summary>
public sealed class NoCompletion : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Array.Empty<CompletionResult>();
}
