using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>Opens a page in the default browser of the desktop this session runs on (Export-MjGallery -Open).</summary>
internal static class BrowserLauncher
{
    /// <summary>
    /// Opens <paramref name="page"/> (a full path) with the system's handler: the shell on Windows, <c>open</c> on macOS,
    /// <c>xdg-open</c> elsewhere. Returns null when it was handed over, else why not (for a warning).
    /// </summary>
    public static string? Open(string page, Func<string, string?> environment)
    {
        ProcessStartInfo start;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            start = new ProcessStartInfo(page) { UseShellExecute = true };
        }
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            start = new ProcessStartInfo("open") { UseShellExecute = false };
            start.Arguments = Quote(page);
        }
        else
        {
            if (string.IsNullOrEmpty(environment("DISPLAY")) && string.IsNullOrEmpty(environment("WAYLAND_DISPLAY")))
            {
                return "this session has no desktop (neither DISPLAY nor WAYLAND_DISPLAY is set)";
            }

            start = new ProcessStartInfo("xdg-open") { UseShellExecute = false, Arguments = Quote(page) };
        }

        try
        {
            using var process = Process.Start(start);
            return null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return $"{start.FileName} could not be started ({e.Message})";
        }
    }

    private static string Quote(string path) => "\"" + path.Replace("\"", "\\\"") + "\"";
}
