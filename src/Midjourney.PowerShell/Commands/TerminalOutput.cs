using System;
using System.Management.Automation;

namespace Midjourney.PowerShell.Commands;

/// <summary>Whether a terminal picture can reach a terminal that draws it, and why not.</summary>
internal static class TerminalOutput
{
    /// <summary>
    /// Null when a picture written now would be drawn; else why it would not: $PSStyle.OutputRendering is
    /// PlainText (PowerShell strips the colours and leaves a wall of half blocks), the host draws no escape
    /// sequences, or the process's output is redirected (a file or a pipe would get kilobytes of escapes).
    /// </summary>
    public static string? WhyNotDrawn(PSCmdlet cmdlet)
    {
        if (IsPlainText(cmdlet))
        {
            return "$PSStyle.OutputRendering is PlainText";
        }

        if (!SupportsVirtualTerminal(cmdlet))
        {
            return $"the host ({cmdlet.Host.Name}) draws no escape sequences";
        }

        return Console.IsOutputRedirected ? "the output is not a terminal" : null;
    }

    // $PSStyle exists from PowerShell 7.2 on; Windows PowerShell has no such setting.
    private static bool IsPlainText(PSCmdlet cmdlet)
    {
        var style = cmdlet.SessionState.PSVariable.GetValue("PSStyle");
        var rendering = style is null ? null : PSObject.AsPSObject(style).Properties["OutputRendering"]?.Value;
        return string.Equals(rendering?.ToString(), "PlainText", StringComparison.OrdinalIgnoreCase);
    }

    private static bool SupportsVirtualTerminal(PSCmdlet cmdlet)
    {
        try
        {
            return cmdlet.Host.UI.SupportsVirtualTerminal;
        }
        catch (Exception e) when (e is NotImplementedException or NotSupportedException)
        {
            return false;
        }
    }
}
