using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Show-MjImage.</summary>
internal sealed class ShowImageOptions
{
    /// <summary>Tasks, resolved file paths, or http(s) URLs.</summary>
    public IList<object> Items { get; set; } = new List<object>();

    /// <summary>Columns to use.</summary>
    public int Columns { get; set; } = 80;

    /// <summary>Most terminal rows to use (0: no limit).</summary>
    public int MaxRows { get; set; }

    /// <summary>Auto, HalfBlock, Sixel, Kitty or ITerm2.</summary>
    public string Protocol { get; set; } = "Auto";

    /// <summary>Reads environment variables (for Auto).</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>-Grid: number the tiles of files and URLs too (tasks are recognised by their U1–U4 buttons).</summary>
    public bool Grid { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }

    /// <summary>Why a picture would not reach a terminal that draws it (redirected, PlainText); null draws.</summary>
    public string? NotDrawnBecause { get; set; }

    /// <summary>Write to the host beside the pipeline (Wait-MjTask -Show) instead of to the output.</summary>
    public bool ToHost { get; set; }
}

/// <summary>
/// Show-MjImage: draws images in the terminal. The picture is output (so <c>| Out-Null</c> or <c>$null =</c> silences
/// it, and a variable keeps it to print later); for Wait-MjTask -Show, whose output is the tasks, it goes to the host.
/// When it would not reach a terminal that draws it, one plain line says so instead, and nothing is downloaded.
/// </summary>
internal sealed class ShowImageOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public ShowImageOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Draws each item; one that cannot be drawn is a non-terminating error.</summary>
    public Task ProcessAsync(ShowImageOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        foreach (var item in options.Items)
        {
            await DrawAsync(item, options, output, cancellationToken).ConfigureAwait(false);
        }
    });

    /// <summary>Draws one item (also for Wait-MjTask -Show); a failure is a non-terminating error.</summary>
    public Task<bool> DrawAsync(object item, ShowImageOptions options, ICommandOutput output, CancellationToken cancellationToken) =>
        TryItemAsync(output, item, async () =>
        {
            if (options.NotDrawnBecause is { } reason)
            {
                Write(options, output, $"{NameOf(item)}: not drawn, {reason}. Show-MjImage -Force writes the picture anyway.");
                return;
            }

            var protocol = string.Equals(options.Protocol, "Auto", StringComparison.OrdinalIgnoreCase)
                ? ImageWork.DetectProtocol(options.Environment)
                : options.Protocol;
            var (bytes, title, grid) = await ReadAsync(item, options, cancellationToken).ConfigureAwait(false);
            var picture = ImageWork.RenderForTerminal(bytes, ErrorName(item), protocol, options.Columns, options.MaxRows, grid);

            // The picture is the module's own escape sequences; the title (a file name, a URL) is data and is cleaned.
            Write(options, output, MjText.CleanLine(title) + Environment.NewLine + picture.TrimEnd('\n'));
        }, cancellationToken);

    /// <summary>One text: an output string, or a host line (with its line end) for Wait-MjTask -Show.</summary>
    private static void Write(ShowImageOptions options, ICommandOutput output, string text) =>
        output.WriteObject(options.ToHost ? new HostText(text + "\n") : text);

    /// <summary>What an item is called without reading it: the task with its action and status, a file's name, a URL.</summary>
    private static string NameOf(object item) => MjText.CleanLine(item switch
    {
        MjTask task => $"Task {task.Id} ({task.Action ?? "?"}, {task.Status})",
        string url when MjImageData.IsUrl(url) => url,
        string path => Path.GetFileName(path),
        _ => item?.ToString() ?? "null",
    })!;

    /// <summary>How an error names the item: the task's image, the URL (without its query) or the file.</summary>
    private static string ErrorName(object item) => item switch
    {
        MjTask task => $"The image of task {task.Id}",
        string url when MjImageData.IsUrl(url) => $"'{DownloadUrl.Redact(url)}'",
        _ => $"'{item}'",
    };

    private async Task<(byte[] Bytes, string Title, bool Grid)> ReadAsync(object item, ShowImageOptions options, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case MjTask task:
                if (string.IsNullOrEmpty(task.ImageUrl))
                {
                    throw new InvalidInputException($"Task {task.Id} is {task.Status} and has no image to show yet.", task, MjErrorCategory.InvalidOperation);
                }

                var connection = Connections.Resolve(options.Connection, task.Server);
                var bytes = await connection.Client.ReadImageAsync(task.ImageUrl!, cancellationToken).ConfigureAwait(false);
                var grid = GridTiles.IsGrid(task);
                var size = ImageWork.ReadSize(bytes);
                var title = $"Task {task.Id} ({task.Action ?? "?"}, {task.Status}{(size is { } s ? $", {s.Width}x{s.Height}" : string.Empty)})";
                return (bytes, grid ? title + ": tiles 1 2 / 3 4 are U1 U2 / U3 U4" : title, grid);
            case string url when MjImageData.IsUrl(url):
                var client = Connections.Resolve(options.Connection, null).Client;
                return (await client.ReadImageAsync(url, cancellationToken).ConfigureAwait(false), url, options.Grid);
            case string path:
                return (ImageFiles.Read(path), Path.GetFileName(path), options.Grid);
            default:
                throw new InvalidInputException($"Show-MjImage draws tasks, image files and http(s) URLs, not {item?.GetType().Name ?? "null"}.", item);
        }
    }
}
