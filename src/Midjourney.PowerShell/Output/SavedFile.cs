using System.Collections.Generic;
using System.IO;

namespace Midjourney.PowerShell.Output;

/// <summary>
/// A file a cmdlet wrote (Save-MjImage, New-MjMask, Split-MjImage) and what it is. The cmdlet emits the file itself
/// as PowerShell's file-system provider gives it (a FileInfo with PSPath, so Copy-Item, Remove-Item and
/// Get-MjImageInfo take it), with <see cref="NoteProperties"/> added and <see cref="TypeName"/> first among its type
/// names, which selects its view (Name, Length, TaskId, Tile, Kind) in the format file. A typed result would read as
/// well but would stop being a file for every script that pipes it on or calls its methods.
/// </summary>
internal sealed class SavedFile
{
    /// <summary>The type name that selects the view (it names no .NET type: the object is a FileInfo).</summary>
    public const string TypeName = "Midjourney.SavedFile";

    /// <summary>A grid image (2×2, with U1–U4).</summary>
    public const string Grid = "Grid";

    /// <summary>A single image (an upscale, a variation's result, a cover).</summary>
    public const string Image = "Image";

    /// <summary>One tile of a grid, downloaded or cut locally.</summary>
    public const string Tile = "Tile";

    /// <summary>A video.</summary>
    public const string Video = "Video";

    /// <summary>The <c>&lt;id&gt;.json</c> file of a task's facts.</summary>
    public const string Sidecar = "Sidecar";

    /// <summary>A Vary (Region) mask.</summary>
    public const string Mask = "Mask";

    /// <summary>Creates the record.</summary>
    public SavedFile(FileInfo file, string kind, string? taskId, int? tile = null)
    {
        File = file;
        Kind = kind;
        TaskId = taskId;
        TileNumber = tile;
    }

    /// <summary>The names of the properties added to the FileInfo.</summary>
    public static IReadOnlyList<string> NoteProperties { get; } = new[] { "TaskId", "Tile", "Kind" };

    /// <summary>The file.</summary>
    public FileInfo File { get; }

    /// <summary>Grid, Image, Tile, Video, Sidecar or Mask.</summary>
    public string Kind { get; }

    /// <summary>The task the file belongs to, when known.</summary>
    public string? TaskId { get; }

    /// <summary>The tile number 1–4 of a tile; null otherwise.</summary>
    public int? TileNumber { get; }
}
