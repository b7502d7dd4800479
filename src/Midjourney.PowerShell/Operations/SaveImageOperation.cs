using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Save-MjImage.</summary>
internal sealed class SaveImageOptions
{
    /// <summary>-Task.</summary>
    public IList<MjTask> Tasks { get; set; } = new List<MjTask>();

    /// <summary>-Id: read each task from the server the journal says made it.</summary>
    public IList<string> Ids { get; set; } = new List<string>();

    /// <summary>-Path, resolved to a file-system folder.</summary>
    public string Folder { get; set; } = ".";

    /// <summary>-All: the separate tiles too.</summary>
    public bool All { get; set; }

    /// <summary>-IncludeVideo.</summary>
    public bool IncludeVideo { get; set; }

    /// <summary>-Force: overwrite existing files.</summary>
    public bool Force { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }

    /// <summary>-Split: a grid's four tiles as <c>&lt;id&gt;_1</c>…<c>_4</c> (downloaded where the server has tile URLs, else cut locally).</summary>
    public bool Split { get; set; }

    /// <summary>-Sidecar: also write <c>&lt;id&gt;.json</c> with the task's facts.</summary>
    public bool Sidecar { get; set; }

    /// <summary>-Timeout: the longest one file may take.</summary>
    public TimeSpan Timeout { get; set; } = MjDownloadOptions.DefaultTimeout;
}

/// <summary>
/// Save-MjImage: downloads finished tasks' images (and tiles, videos) into a folder and emits the files (as
/// <see cref="SavedFile"/>: each with its task, tile and kind), named by
/// <see cref="DownloadFileNames"/>. A task with nothing to save, or no tiles under -All, is a warning.
/// </summary>
internal sealed class SaveImageOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public SaveImageOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Saves each task; a task that cannot be saved is a non-terminating error.</summary>
    public Task ProcessAsync(SaveImageOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var tasks = options.Tasks.Select(t => (Task: t, Connection: Connections.Resolve(options.Connection, t.Server))).ToList();
        var ids = options.Ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(System.StringComparer.Ordinal).ToList();
        if (ids.Count > 0)
        {
            foreach (var (owner, group) in await Connections.ForTasksAsync(options.Connection, ids, output, cancellationToken).ConfigureAwait(false))
            {
                foreach (var id in group)
                {
                    await TryItemAsync(output, id, async () => tasks.Add((await owner.Client.GetTaskAsync(id, cancellationToken).ConfigureAwait(false), owner)), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var (task, connection) in tasks)
        {
            await TryItemAsync(output, task, async () =>
            {
                if (task.NeedsInput)
                {
                    throw new InvalidInputException(
                        $"Task {task.Id} waits for input (MODAL): it has no images until its MODAL step is finished. {ModalStep.HowToFinish(task, null)}",
                        task, MjErrorCategory.InvalidOperation);
                }

                if (task.Status != MjTaskStatus.Success)
                {
                    throw new InvalidInputException(
                        $"Task {task.Id} is {task.Status}; only a successful task has images to save. Wait for it first (Wait-MjTask).",
                        task, MjErrorCategory.InvalidOperation);
                }

                var download = new MjDownloadOptions { All = options.All, IncludeVideos = options.IncludeVideo, Overwrite = options.Force, Timeout = options.Timeout };
                if (DownloadPlan.NothingToSave(task, download) is { } nothing)
                {
                    output.WriteWarning(nothing + " Nothing was saved.");
                    return;
                }

                if (!await output.ShouldProcessAsync(options.Folder, $"Save the files of task {task.Id}").ConfigureAwait(false))
                {
                    return;
                }

                if (options.Split && GridTiles.HasTileUrls(task))
                {
                    // -Split downloads the server's own tiles where it has them, under the same names.
                    download = new MjDownloadOptions { All = true, IncludeVideos = options.IncludeVideo, Overwrite = options.Force, Timeout = options.Timeout };
                }

                var files = await connection.Client.DownloadFilesAsync(task, options.Folder, download, cancellationToken).ConfigureAwait(false);
                // A video has no tiles to miss when its videos were asked for too.
                if (options.All && !options.Split && !DownloadPlan.HasTiles(task) && !(options.IncludeVideo && task.VideoUrls.Count > 0))
                {
                    output.WriteWarning(NoTilesWarning(task, connection, files.Count > 0 ? files[0].File.Name : DownloadFileNames.MainImage(task.Id)));
                }

                foreach (var saved in SavedImages.Finish(task, files, options, output))
                {
                    output.WriteVerbose($"Saved {saved.File.FullName} ({saved.File.Length} bytes).");
                    output.WriteObject(saved);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
    });

    private static string NoTilesWarning(MjTask task, MjConnection connection, string main) =>
        task.Buttons.Any(b => b.Kind == MjButtonKind.Upscale)
            ? $"-All: {connection.Uri} sends the grid of task {task.Id} as one image, without separate tiles; only {main} (the grid) was saved."
            : task.VideoUrls.Count > 0
                ? $"-All: task {task.Id} ({task.Action ?? "?"}) has videos, not tiles; only {main} was saved. -IncludeVideo saves its videos."
                : $"-All: task {task.Id} ({task.Action ?? "?"}) is a single image, without tiles; only {main} was saved.";
}
