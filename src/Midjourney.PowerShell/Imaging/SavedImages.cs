using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Operations.Gallery;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Imaging;

/// <summary>
/// What Save-MjImage does to files after the download: cuts a grid into tiles (-Split, when the server has no tile
/// URLs), writes the task's facts into every PNG, and writes the <c>&lt;id&gt;.json</c> sidecar (-Sidecar).
/// </summary>
internal static class SavedImages
{
    /// <summary>The saved files plus any tiles cut here and the sidecar, each with its kind; every PNG carries the task's facts.</summary>
    public static IReadOnlyList<SavedFile> Finish(MjTask task, IReadOnlyList<DownloadedFile> files, SaveImageOptions options, ICommandOutput output)
    {
        var facts = ImageMetadata.From(task, null);
        var result = files.Select(f => Describe(task, f)).ToList();
        foreach (var saved in result.Where(f => IsImage(f.File)))
        {
            var info = saved.TileNumber is int n ? ImageMetadata.ForTile(facts, n) : facts;
            if (ImageMetadata.WriteInto(saved.File.FullName, info))
            {
                saved.File.Refresh();
            }
        }

        var main = files.FirstOrDefault()?.File;
        var baseName = main is null ? null : Path.GetFileNameWithoutExtension(main.Name);
        if (options.Split && main is not null && baseName is not null)
        {
            if (GridTiles.HasTileUrls(task))
            {
                output.WriteVerbose($"Task {task.Id} has tile URLs: its tiles were downloaded as {baseName}_1…_4.");
            }
            else if (!GridTiles.IsGrid(task))
            {
                output.WriteWarning($"Task {task.Id} ({task.Action ?? "?"}) is not a 2x2 grid, so -Split saved only its image.");
            }
            else
            {
                var tiles = GridTiles.Split(main.FullName, main.DirectoryName ?? options.Folder, baseName, options.Force, facts);
                output.WriteVerbose($"Cut the grid of task {task.Id} into {baseName}_1.png…_4.png.");
                result.InsertRange(1, tiles.Select((tile, i) => new SavedFile(tile, SavedFile.Tile, task.Id, i + 1)));
            }
        }

        if (options.Sidecar && main is not null && baseName is not null)
        {
            var sidecar = Path.Combine(main.DirectoryName ?? options.Folder, baseName + ".json");
            if (!options.Force && File.Exists(sidecar))
            {
                throw new InvalidInputException($"The file '{sidecar}' already exists. Use -Force to overwrite it.", sidecar, MjErrorCategory.ResourceExists);
            }

            File.WriteAllText(sidecar, ImageMetadata.ToJson(facts), new UTF8Encoding(false));
            result.Add(new SavedFile(new FileInfo(sidecar), SavedFile.Sidecar, task.Id));
        }

        return result;
    }

    /// <summary>
    /// Writes the task's facts into the saved PNGs (Invoke-MjBatch): a file that cannot take them stays as it is, with a
    /// warning, since the image itself is saved.
    /// </summary>
    public static void Tag(MjTask task, IReadOnlyList<FileInfo> files, ICommandOutput output)
    {
        var facts = ImageMetadata.From(task, null);
        foreach (var file in files.Where(IsImage))
        {
            try
            {
                ImageMetadata.WriteInto(file.FullName, facts);
            }
            catch (Exception e) when (e is InvalidInputException or IOException or UnauthorizedAccessException)
            {
                output.WriteWarning($"The facts of task {task.Id} could not be written into {file.Name} ({e.Message}); the image is saved as it came.");
            }
        }
    }

    /// <summary>
    /// What a downloaded file is: the grid or single image, a tile (with its number), or a video. A main image that is
    /// one of the task's videos (TrueAI gives a video task's first video as its imageUrl) is a video whatever its name.
    /// </summary>
    private static SavedFile Describe(MjTask task, DownloadedFile file)
    {
        if (SavedFileCards.IsVideo(file.File.FullName) || file.Source is DownloadSource.Video or DownloadSource.VideoItem
            || (file.Source == DownloadSource.Image && IsOneOfItsVideos(task, task.ImageUrl)))
        {
            return new SavedFile(file.File, SavedFile.Video, task.Id);
        }

        return file.Source == DownloadSource.ImageTile
            ? new SavedFile(file.File, SavedFile.Tile, task.Id, file.Index + 1)
            : new SavedFile(file.File, GridTiles.IsGrid(task) ? SavedFile.Grid : SavedFile.Image, task.Id);
    }

    private static bool IsOneOfItsVideos(MjTask task, string? url) =>
        !string.IsNullOrWhiteSpace(url) && (url!.Trim() == task.VideoUrl?.Trim() || task.VideoUrls.Any(v => v?.Trim() == url.Trim()));

    private static bool IsImage(FileInfo file) => SavedFileCards.IsImage(file.FullName);
}
