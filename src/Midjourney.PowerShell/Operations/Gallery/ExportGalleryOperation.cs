using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>The input of Export-MjGallery.</summary>
internal sealed class ExportGalleryOptions
{
    /// <summary>What to show, in order: <see cref="BatchFolder"/>s, file paths (strings) and tasks.</summary>
    public IList<object> Items { get; set; } = new List<object>();

    /// <summary>-OutputPath, resolved: the page's folder.</summary>
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>-Force: replace an existing page.</summary>
    public bool Force { get; set; }

    /// <summary>-PassThru: emit the page's file.</summary>
    public bool PassThru { get; set; }

    /// <summary>-Open: open the page in the default browser.</summary>
    public bool Open { get; set; }

    /// <summary>Why this session cannot open a browser (not interactive); null when it can.</summary>
    public string? NotInteractive { get; set; }

    /// <summary>Reads environment variables (the desktop -Open needs).</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>-Connection: for downloading piped tasks' pictures.</summary>
    public MjConnection? Connection { get; set; }

    /// <summary>The page's time (tests fix it).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;
}

/// <summary>An Invoke-MjBatch output folder and its state file.</summary>
internal sealed class BatchFolder
{
    /// <summary>Creates the source.</summary>
    public BatchFolder(string folder, string statePath)
    {
        Folder = folder;
        StatePath = statePath;
    }

    /// <summary>The folder of the saved files (full path).</summary>
    public string Folder { get; }

    /// <summary>The state file (full path; it may not exist: the folder's files alone are shown).</summary>
    public string StatePath { get; }
}

/// <summary>
/// Export-MjGallery: reads batch folders, saved files and tasks into cards, asks once, downloads the pictures of
/// piped tasks, makes the previews and writes the page (index.html, gallery.css, gallery.js, thumbs/, media/).
/// </summary>
internal sealed class ExportGalleryOperation : MjOperation
{
    /// <summary>The folder, inside the page's, of pictures downloaded for piped tasks (or copied from another drive).</summary>
    public const string MediaFolder = "media";

    // Downloads at once for piped tasks: a few overlap the server's latency without crowding its connection.
    private const int ParallelDownloads = 4;

    /// <summary>Creates the operation.</summary>
    public ExportGalleryOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Writes the page; a page that cannot be written is a non-terminating error.</summary>
    public Task RunAsync(ExportGalleryOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, () =>
        TryItemAsync(output, options.OutputPath, () => ExportAsync(options, output, cancellationToken), cancellationToken));

    private async Task ExportAsync(ExportGalleryOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        var folder = options.OutputPath;
        var page = Path.Combine(folder, GalleryAssets.PageName);
        if (File.Exists(folder))
        {
            throw new InvalidInputException($"-OutputPath '{folder}' is a file; give a folder (it is created when missing).", folder);
        }

        if (File.Exists(page) && !options.Force)
        {
            throw new InvalidInputException($"The page '{page}' already exists. Use -Force to replace it (previews that are still current are kept).", page, MjErrorCategory.ResourceExists);
        }

        // 1. Read everything (nothing is written or downloaded yet).
        var cards = new List<GalleryCard>();
        var tasks = new List<(MjTask Task, GalleryCard Card)>();
        var files = new List<string>();
        var seen = new HashSet<(string, string?)>(); // a task piped twice gets one card
        void FlushFiles()
        {
            cards.AddRange(SavedFileCards.From(files));
            files.Clear();
        }

        foreach (var item in options.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item is string file)
            {
                files.Add(file);
                continue;
            }

            FlushFiles();
            switch (item)
            {
                case BatchFolder batch:
                    var read = BatchFolderCards.Read(batch.Folder, batch.StatePath);
                    output.WriteVerbose($"{batch.Folder}: {read.Count} card(s){(File.Exists(batch.StatePath) ? " from the state file and the saved files" : " from the saved files (no state file)")}.");
                    cards.AddRange(read);
                    break;
                case MjTask task when seen.Add((task.Id, task.Server?.AbsoluteUri)):
                    var card = TaskCards.From(task);
                    tasks.Add((task, card));
                    cards.Add(card);
                    break;
            }
        }

        FlushFiles();
        if (cards.Count == 0)
        {
            output.WriteWarning("There is nothing to show: no batch row, task or picture was found. The page will have no cards.");
        }

        if (!await output.ShouldProcessAsync(folder, $"Write a gallery page of {cards.Count} card(s)").ConfigureAwait(false))
        {
            return;
        }

        // 2. Pictures of piped tasks, downloaded beside the page a few at a time (kept from an earlier export of the same folder).
        Directory.CreateDirectory(folder);
        var finished = tasks.Where(t => t.Task.Status == MjTaskStatus.Success).ToList();
        if (finished.Count > 0)
        {
            var media = Path.Combine(folder, MediaFolder);
            var progress = new GalleryProgress(output, "Pictures of tasks", finished.Count);
            using var turns = new SemaphoreSlim(ParallelDownloads);
            await Task.WhenAll(finished.Select(async item =>
            {
                await turns.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await TryItemAsync(output, item.Task, () => DownloadAsync(item.Task, item.Card, media, options, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    turns.Release();
                    progress.Step();
                }
            })).ConfigureAwait(false);
            progress.Complete();
        }

        // 3. Links, previews and commands.
        var all = cards.SelectMany(c => c.Media).ToList();
        foreach (var item in all)
        {
            item.Href = LinkTo(folder, item.File);
            item.ExtraHrefs.AddRange(item.Extras.Select(extra => (extra.Label, LinkTo(folder, extra.File))));
        }

        GalleryThumbnails.Make(all, folder, output, cancellationToken);
        var servers = cards.Select(c => c.Server?.TrimEnd('/')).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        foreach (var card in cards)
        {
            card.Commands.AddRange(NextCommands.For(card, servers > 1 ? card.Server : null));
        }

        // 4. The page, written whole or not at all.
        var model = new GalleryPage(TitleOf(options), cards, options.Now());
        GalleryAssets.Write(folder);
        var partial = page + ".partial";
        using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            GalleryHtml.Write(writer, model);
        }

        if (File.Exists(page))
        {
            File.Delete(page);
        }

        File.Move(partial, page);
        output.WriteVerbose($"Wrote {page}: {cards.Count} card(s), {model.Count(GalleryStatus.Done)} done, {model.Count(GalleryStatus.Failed)} failed, "
            + $"{all.Count(m => m.ThumbnailHref is not null)} preview(s).");
        if (options.PassThru)
        {
            output.WriteObject(new FileInfo(page));
        }

        if (options.Open)
        {
            var why = options.NotInteractive ?? BrowserLauncher.Open(page, options.Environment);
            if (why is not null)
            {
                output.WriteWarning($"-Open: {why}, so no browser was opened. The page is {page}.");
            }
        }
    }

    /// <summary>Adds a finished task's pictures (and videos) to its card, downloading those an earlier export did not keep.</summary>
    private async Task DownloadAsync(MjTask task, GalleryCard card, string media, ExportGalleryOptions options, CancellationToken cancellationToken)
    {
        var saved = Saved(media, task.Id);
        if (saved.Count == 0)
        {
            var client = Connections.Resolve(options.Connection, task.Server).Client;
            var download = new MjDownloadOptions { IncludeVideos = true, Overwrite = true };
            saved = (await client.DownloadAsync(task, media, download, cancellationToken).ConfigureAwait(false)).Select(f => f.FullName).ToList();
        }

        SavedFileCards.AddMedia(card, card.Tasks[0], saved);
    }

    /// <summary>The page's title: the batch folder's name for one batch, else a plain one.</summary>
    private static string TitleOf(ExportGalleryOptions options)
    {
        var batches = options.Items.OfType<BatchFolder>().ToList();
        return batches.Count == 1 && options.Items.Count == 1
            ? Path.GetFileName(batches[0].Folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
            : "Midjourney tasks";
    }

    /// <summary>The files an earlier export downloaded for a task (<c>&lt;id&gt;.png</c>, <c>&lt;id&gt;.mp4</c>, <c>&lt;id&gt;_n.mp4</c>).</summary>
    private static List<string> Saved(string media, string taskId)
    {
        if (!Directory.Exists(media))
        {
            return new List<string>();
        }

        var name = DownloadFileNames.MainImage(taskId);
        return Directory.EnumerateFiles(media, name + "*")
            .Where(f => SavedFileCards.IsMedia(f) && (Path.GetFileNameWithoutExtension(f) == name || Path.GetFileNameWithoutExtension(f).StartsWith(name + "_", StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The relative link to a file; a file with none (another drive) is copied into the media folder first.</summary>
    private static string LinkTo(string folder, string file)
    {
        if (RelativeLinks.From(folder, file) is { } link)
        {
            return link;
        }

        var media = Path.Combine(folder, MediaFolder);
        Directory.CreateDirectory(media);
        var copy = Path.Combine(media, Path.GetFileName(file));
        File.Copy(file, copy, overwrite: true);
        return RelativeLinks.From(folder, copy)!;
    }
}
