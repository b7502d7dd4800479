using System;
using System.Management.Automation.Host;

namespace Midjourney.PowerShell.Commands;

/// <summary>The columns and rows a terminal picture may use.</summary>
internal static class TerminalSize
{
    /// <summary>-Width when given (rows then unlimited), else the window's width and height less two rows (80×0 without a window).</summary>
    public static (int Columns, int Rows) Of(PSHost host, int width)
    {
        if (width > 0)
        {
            return (width, 0);
        }

        try
        {
            var size = host.UI.RawUI.WindowSize;
            if (size.Width > 0)
            {
                return (Math.Max(4, size.Width - 1), size.Height > 4 ? size.Height - 2 : 0);
            }
        }
        catch (Exception e) when (e is NotImplementedException or NotSupportedException or InvalidOperationException or System.IO.IOException or HostException)
        {
            // No window (redirected output, a remote host): the default below.
        }

        return (80, 0);
    }
}
