using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midjourney.PowerShell.Completers;

/// <summary>Completes New-MjVideo -VideoType with the known video types (the parameter stays open for new ones).</summary>
public sealed class VideoTypeCompleter : IArgumentCompleter
{
    private static readonly (string Value, string ToolTip)[] Known =
    {
        ("vid_1.1_i2v_480", "SD video (480p)"),
        ("vid_1.1_i2v_720", "HD video (720p)"),
    };

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = ButtonLabels.Unquote(wordToComplete);
        return Known
            .Where(k => k.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(k => new CompletionResult(k.Value, k.Value, CompletionResultType.ParameterValue, k.ToolTip))
            .ToList();
    }
}
