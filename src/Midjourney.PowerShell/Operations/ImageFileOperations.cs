using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of New-MjMask.</summary>
internal sealed class NewMaskOptions
{
    /// <summary>-Task: the image the mask is for (its size from the server or the image header).</summary>
    public MjTask? Task { get; set; }

    /// <summary>-Width (without -Task).</summary>
    public int Width { get; set; }

    /// <summary>-Height (without -Task).</summary>
    public int Height { get; set; }

    /// <summary>-Region values.</summary>
    public IList<object> Regions { get; set; } = new List<object>();

    /// <summary>-Invert.</summary>
    public bool Invert { get; set; }

    /// <summary>-Path, resolved.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>-Force.</summary>
    public bool Force { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }
}

/// <summary>New-MjMask, Split-MjImage and Get-MjImageInfo: image files on disk.</summary>
internal sealed class ImageFileOperations : MjOperation
{
    /// <summary>Creates the operations.</summary>
    public ImageFileOperations(MjSession session)
        : base(session)
    {
    }

    /// <summary>New-MjMask: writes a black (keep) and white (repaint) PNG at the image's size and emits the file.</summary>
    public Task NewMaskAsync(NewMaskOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        await TryItemAsync(output, (object?)options.Task ?? options.Path, async () =>
        {
            ImageWork.CheckRegions(options.Regions);
            int width = options.Width, height = options.Height;
            if (options.Task is { } task)
            {
                var client = Connections.Resolve(options.Connection, task.Server).Client;
                var sized = await client.WithImageSizeAsync(task, ImageWork.HeaderReader, cancellationToken).ConfigureAwait(false);
                (width, height) = (sized.Width!.Value, sized.Height!.Value);
            }

            var png = ImageWork.BuildMask(width, height, options.Regions, options.Invert);
            if (!options.Force && File.Exists(options.Path))
            {
                throw new InvalidInputException($"The file '{options.Path}' already exists. Use -Force to overwrite it.", options.Path, MjErrorCategory.ResourceExists);
            }

            if (!await output.ShouldProcessAsync(options.Path, $"Write a {width}x{height} mask").ConfigureAwait(false))
            {
                return;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path)) ?? ".");
            File.WriteAllBytes(options.Path, png);
            output.WriteVerbose($"Wrote a {width}x{height} mask to {options.Path}.");
            output.WriteObject(new SavedFile(new FileInfo(options.Path), SavedFile.Mask, options.Task?.Id));
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Split-MjImage: cuts grid files into <c>&lt;name&gt;_1</c>…<c>_4</c>.png and emits the tiles.</summary>
    public Task SplitAsync(IList<string> paths, string? destination, bool force, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        foreach (var path in paths)
        {
            await TryItemAsync(output, path, async () =>
            {
                var folder = destination ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
                if (!await output.ShouldProcessAsync(path, $"Cut into four tiles in {folder}").ConfigureAwait(false))
                {
                    return;
                }

                var facts = ImageMetadata.Read(path);
                var tiles = GridTiles.Split(path, folder, System.IO.Path.GetFileNameWithoutExtension(path), force, facts.TaskId is null ? null : facts);
                for (var i = 0; i < tiles.Count; i++)
                {
                    output.WriteObject(new SavedFile(tiles[i], SavedFile.Tile, facts.TaskId, i + 1));
                }
            }, cancellationToken).ConfigureAwait(false);
        }
    });

    /// <summary>Get-MjImageInfo: the task facts of image files.</summary>
    public Task GetInfoAsync(IList<string> paths, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        foreach (var path in paths)
        {
            await TryItemAsync(output, path, () =>
            {
                output.WriteObject(ImageMetadata.Read(path));
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }
    });
}
