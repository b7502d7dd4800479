using System;
using System.Collections.Generic;
using System.IO;

namespace Midjourney.Client;

/// <summary>
/// Builds file names for downloads from the task id, a tile index and an extension only, and checks that the
/// result stays inside the target folder. Servers are not trusted to name files.
/// </summary>
/// <remarks>
/// The one naming scheme of every file written for a task, the same on every server flavour:
/// <c>&lt;id&gt;.png</c> the main image (a grid or a single image), <c>&lt;id&gt;_1</c>…<c>_4</c> its tiles (from the
/// server, or cut locally), <c>&lt;id&gt;.mp4</c> the one video and <c>&lt;id&gt;_n.mp4</c> each of several. The
/// extension is what the file holds (<see cref="Extension(byte[], string, Uri)"/>); when that gives a file the same
/// name as another of the task (a video that is a PNG beside the PNG cover), the later one becomes
/// <c>&lt;id&gt;-2</c>.
/// </remarks>
internal static class DownloadFileNames
{
    // Long ids would make long paths (MAX_PATH on Windows); real ids are ~20 characters.
    private const int MaxIdLength = 100;

    // Windows device names cannot be file names even with an extension ("CON.png").
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly Dictionary<string, string> ExtensionsByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/webp"] = ".webp",
        ["image/gif"] = ".gif",
        ["image/apng"] = ".png",
        ["video/mp4"] = ".mp4",
        ["video/quicktime"] = ".mov",
        ["video/webm"] = ".webm",
    };

    /// <summary>The task id with every character outside <c>[A-Za-z0-9_-]</c> replaced by <c>_</c>; empty becomes <c>task</c>.</summary>
    public static string SanitizeId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "task";
        }

        var length = Math.Min(id!.Length, MaxIdLength);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var c = id[i];
            var ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            chars[i] = ok ? c : '_';
        }

        var name = new string(chars);
        return ReservedNames.Contains(name) ? "_" + name : name;
    }

    /// <summary>The base name (no extension) of a task's main image: <c>&lt;id&gt;</c>.</summary>
    public static string MainImage(string? taskId) => SanitizeId(taskId);

    /// <summary>The base name of tile <paramref name="number"/> (1-based) of a task's grid: <c>&lt;id&gt;_n</c>.</summary>
    public static string Tile(string? taskId, int number) => SanitizeId(taskId) + "_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The base name of a task's one video: <c>&lt;id&gt;</c>.</summary>
    public static string Video(string? taskId) => SanitizeId(taskId);

    /// <summary>The base name of video <paramref name="number"/> (1-based) of several: <c>&lt;id&gt;_n</c>.</summary>
    public static string VideoItem(string? taskId, int number) => Tile(taskId, number);

    /// <summary>
    /// The extensions a URL path may give a file: the formats a task's pictures and videos come in. Nothing else a
    /// server names is taken (<c>.exe</c>, <c>.ps1</c>, <c>.lnk</c>, <c>.html</c>, <c>.svg</c> would make a saved file run
    /// or open as a page when the user double-clicks it).
    /// </summary>
    private static readonly HashSet<string> MediaExtensions = new(StringComparer.Ordinal) { ".png", ".jpg", ".jpeg", ".webp", ".gif", ".mp4", ".mov", ".webm" };

    /// <summary>
    /// The extension for a response: from its first bytes when they are a known format (a server may say
    /// <c>video/mp4</c> for a PNG), else from its media type when known, else from the URL path when that is a picture or
    /// video format (<see cref="MediaExtensions"/>), else <c>.bin</c>.
    /// </summary>
    public static string Extension(byte[]? head, string? mediaType, Uri url) => Sniff(head) ?? Extension(mediaType, url);

    /// <summary>
    /// The extension for a response before its body is read: from its media type when known, else from the URL path
    /// when that is a picture or video format, else <c>.bin</c>.
    /// </summary>
    public static string Extension(string? mediaType, Uri url)
    {
        if (mediaType is not null && ExtensionsByMediaType.TryGetValue(mediaType.Trim(), out var ext))
        {
            return ext;
        }

        return DownloadUrl.PathExtension(url) is { } named && MediaExtensions.Contains(named) ? named : ".bin";
    }

    /// <summary>The extension of the format the first bytes of a file show (PNG and APNG, JPEG, GIF, WebP, MP4/MOV, WebM), or null.</summary>
    public static string? Sniff(byte[]? head)
    {
        if (head is null || head.Length < 12)
        {
            return null;
        }

        bool At(int offset, string ascii)
        {
            for (var i = 0; i < ascii.Length; i++)
            {
                if (head[offset + i] != ascii[i])
                {
                    return false;
                }
            }

            return true;
        }

        if (head[0] == 0x89 && At(1, "PNG\r\n"))
        {
            return ".png";
        }

        if (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ".jpg";
        }

        if (At(0, "GIF8"))
        {
            return ".gif";
        }

        if (At(0, "RIFF") && At(8, "WEBP"))
        {
            return ".webp";
        }

        // ISO base media (MP4, QuickTime): a box of type 'ftyp' first; 'qt  ' brands are QuickTime movies.
        if (At(4, "ftyp"))
        {
            return At(8, "qt  ") ? ".mov" : ".mp4";
        }

        // Matroska / WebM: the EBML magic number.
        if (head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3)
        {
            return ".webm";
        }

        return null;
    }

    /// <summary>
    /// The full path of <paramref name="fileName"/> in <paramref name="folder"/>. Throws when the result is not
    /// directly inside the folder: the names built here cannot do that, this is defence in depth.
    /// </summary>
    public static string PathInside(string folder, string fileName)
    {
        var fullFolder = TrimSeparators(Path.GetFullPath(folder));
        var fullPath = Path.GetFullPath(Path.Combine(folder, fileName));
        var parent = TrimSeparators(Path.GetDirectoryName(fullPath) ?? string.Empty);
        if (!string.Equals(parent, fullFolder, StringComparison.Ordinal) || Path.GetFileName(fullPath) != fileName)
        {
            throw new InvalidOperationException($"Refusing to write '{fileName}': it would land outside '{fullFolder}'.");
        }

        return fullPath;
    }

    private static string TrimSeparators(string path) =>
        path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
