namespace Midjourney.Client;

/// <summary>One file to save: where its URL sits in the task, and the file name without extension.</summary>
internal sealed class DownloadItem
{
    public DownloadItem(DownloadSource source, int index, string baseName)
    {
        Source = source;
        Index = index;
        BaseName = baseName;
    }

    /// <summary>The task field the URL comes from.</summary>
    public DownloadSource Source { get; }

    /// <summary>The 0-based position in a URL list (0 for the single fields).</summary>
    public int Index { get; }

    /// <summary>The file name without extension: <c>&lt;id&gt;</c> or <c>&lt;id&gt;_&lt;n&gt;</c>.</summary>
    public string BaseName { get; }

    /// <summary>The URL at this position in <paramref name="task"/>, or null when it has none there.</summary>
    public string? UrlIn(MjTask task)
    {
        var url = Source switch
        {
            DownloadSource.Image => task.ImageUrl,
            DownloadSource.ImageTile => Index < task.ImageUrls.Count ? task.ImageUrls[Index] : null,
            DownloadSource.Video => task.VideoUrl,
            _ => Index < task.VideoUrls.Count ? task.VideoUrls[Index] : null,
        };
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }
}
