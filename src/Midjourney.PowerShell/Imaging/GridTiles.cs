using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Imaging;

/// <summary>Grids and their four tiles: which tasks are 2×2 grids, and cutting a grid file into <c>&lt;name&gt;_1</c>…<c>_4</c>.png.</summary>
internal static class GridTiles
{
    /// <summary>True when the task's main image is a 2×2 grid (it offers U1–U4).</summary>
    public static bool IsGrid(MjTask task) =>
        task.Buttons.Where(b => b.Kind == MjButtonKind.Upscale && b.Index is >= 1 and <= 4).Select(b => b.Index).Distinct().Count() == 4;

    /// <summary>True when the server gives the four tiles as separate URLs.</summary>
    public static bool HasTileUrls(MjTask task) =>
        task.ImageUrls.Where(u => !string.IsNullOrWhiteSpace(u) && !string.Equals(u, task.ImageUrl, StringComparison.Ordinal)).Distinct().Count() >= 4;

    /// <summary>
    /// Cuts the grid file <paramref name="gridPath"/> into four lossless PNGs named <c>&lt;baseName&gt;_1.png</c>…<c>_4.png</c>
    /// in <paramref name="folder"/>; the grid's metadata (if any) goes into each tile with its number.
    /// </summary>
    public static IReadOnlyList<FileInfo> Split(string gridPath, string folder, string baseName, bool overwrite, MjImageInfo? facts)
    {
        var tiles = ImageWork.SplitGrid(ImageFiles.Read(gridPath), $"'{gridPath}'");
        var paths = Enumerable.Range(1, 4).Select(n => Path.Combine(folder, $"{baseName}_{n}.png")).ToList();
        if (!overwrite && paths.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new InvalidInputException($"The file '{existing}' already exists. Use -Force to overwrite it.", existing, MjErrorCategory.ResourceExists);
        }

        Directory.CreateDirectory(folder);
        var files = new List<FileInfo>(4);
        for (var i = 0; i < 4; i++)
        {
            var png = tiles[i];
            if (facts is not null)
            {
                png = ImageWork.WritePngText(png, ImageMetadata.PngTexts(ImageMetadata.ForTile(facts, i + 1)));
            }

            File.WriteAllBytes(paths[i], png);
            files.Add(new FileInfo(paths[i]));
        }

        return files;
    }
}
