using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>Links from the page's folder to files on disk: relative, '/'-separated, each segment percent-encoded.</summary>
internal static class RelativeLinks
{
    private static readonly StringComparison PathComparison =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The link from <paramref name="folder"/> to <paramref name="file"/> (both full paths), or null when no relative
    /// link exists (another drive or share): such a file is copied next to the page instead.
    /// </summary>
    public static string? From(string folder, string file)
    {
        var from = Segments(Path.GetFullPath(folder));
        var to = Segments(Path.GetFullPath(file));
        if (from.Length == 0 || to.Length == 0 || !string.Equals(from[0], to[0], PathComparison))
        {
            return null;
        }

        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], PathComparison))
        {
            common++;
        }

        var up = Enumerable.Repeat("..", from.Length - common);
        var down = to.Skip(common).Select(Uri.EscapeDataString);
        return string.Join("/", up.Concat(down));
    }

    // The path's parts; the first is its root ("" for "/", "C:" or "\\server\share" style roots keep their name).
    private static string[] Segments(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var rest = fullPath.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        return new[] { root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) }.Concat(rest).ToArray();
    }
}
