using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Client;

/// <summary>Decides which of a task's URLs to save, under which base names, or says why there is nothing.</summary>
internal static class DownloadPlan
{
    /// <summary>The files to save for <paramref name="task"/>; throws <see cref="MjDownloadException"/> when there are none.</summary>
    public static IReadOnlyList<DownloadItem> For(MjTask task, MjDownloadOptions options)
    {
        if (task.Status != MjTaskStatus.Success)
        {
            var reason = string.IsNullOrWhiteSpace(task.FailReason) ? string.Empty : $" (failReason: {task.FailReason})";
            throw new MjDownloadException(
                $"Task {task.Id} is {task.Status}{reason}, not Success: there is nothing final to download.", null, null, null);
        }

        // Names come from positions (DownloadFileNames), so they are the same on every server; a tile that repeats
        // the main image (a taskapi first image) is fetched once and copied, so -All always gives <id>_1..._4. A video
        // is saved once per distinct URL: one the download already saved (TrueAI's imageUrl is its first video) is
        // left out by the downloader.
        var items = new List<DownloadItem>();
        void Add(DownloadItem item)
        {
            if (item.UrlIn(task) is not null)
            {
                items.Add(item);
            }
        }

        Add(new DownloadItem(DownloadSource.Image, 0, DownloadFileNames.MainImage(task.Id)));
        if (options.All && HasTiles(task))
        {
            for (var i = 0; i < task.ImageUrls.Count; i++)
            {
                Add(new DownloadItem(DownloadSource.ImageTile, i, DownloadFileNames.Tile(task.Id, i + 1)));
            }
        }

        if (options.IncludeVideos)
        {
            items.AddRange(Videos(task));
        }

        if (items.Count == 0)
        {
            throw new MjDownloadException(NothingToSaveMessage(task, options), null, null, null);
        }

        return items;
    }

    /// <summary>
    /// The videos, each distinct URL once: a single one as <c>&lt;id&gt;</c>; several by their position in
    /// <see cref="MjTask.VideoUrls"/> as <c>&lt;id&gt;_n</c>, with <see cref="MjTask.VideoUrl"/> as <c>&lt;id&gt;</c> only when the
    /// list does not hold it already (servers repeat it there).
    /// </summary>
    private static IEnumerable<DownloadItem> Videos(MjTask task)
    {
        var main = Trimmed(task.VideoUrl);
        var listed = task.VideoUrls.Select(Trimmed).ToList();
        var distinct = new[] { main }.Concat(listed).Where(u => u is not null).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            yield break;
        }

        if (distinct.Count == 1)
        {
            yield return main is not null
                ? new DownloadItem(DownloadSource.Video, 0, DownloadFileNames.Video(task.Id))
                : new DownloadItem(DownloadSource.VideoItem, listed.IndexOf(distinct[0]), DownloadFileNames.Video(task.Id));
            yield break;
        }

        if (main is not null && !listed.Contains(main))
        {
            yield return new DownloadItem(DownloadSource.Video, 0, DownloadFileNames.Video(task.Id));
        }

        for (var i = 0; i < listed.Count; i++)
        {
            if (listed[i] is not null && listed.IndexOf(listed[i]) == i)
            {
                yield return new DownloadItem(DownloadSource.VideoItem, i, DownloadFileNames.VideoItem(task.Id, i + 1));
            }
        }
    }

    private static string? Trimmed(string? url) => string.IsNullOrWhiteSpace(url) ? null : url!.Trim();

    /// <summary>
    /// True when the server sent separate images (the tiles of a grid): a list of image URLs that is not just the
    /// main image again (an upscale's one URL is that same image, not a tile), nor the task's videos again (TrueAI
    /// repeats a video task's videoUrls in its imageUrls).
    /// </summary>
    public static bool HasTiles(MjTask task)
    {
        var urls = task.ImageUrls.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).ToList();
        var videos = new HashSet<string>(task.VideoUrls.Append(task.VideoUrl).Select(Trimmed).OfType<string>(), StringComparer.Ordinal);
        if (urls.Count > 0 && urls.All(videos.Contains))
        {
            return false;
        }

        return urls.Count > 1 || (urls.Count == 1 && !string.Equals(urls[0], task.ImageUrl?.Trim(), StringComparison.Ordinal));
    }

    /// <summary>Why a successful task has nothing to save with these options, or null when it has something.</summary>
    public static string? NothingToSave(MjTask task, MjDownloadOptions options)
    {
        if (task.Status != MjTaskStatus.Success)
        {
            return null;
        }

        try
        {
            For(task, options);
            return null;
        }
        catch (MjDownloadException e)
        {
            return e.Message;
        }
    }

    private static string NothingToSaveMessage(MjTask task, MjDownloadOptions options)
    {
        var hints = new List<string>();
        if (!options.All && task.ImageUrls.Any(u => !string.IsNullOrWhiteSpace(u)))
        {
            hints.Add($"it has {task.ImageUrls.Count} separate image URL(s): use All (-All)");
        }

        var hasVideo = !string.IsNullOrWhiteSpace(task.VideoUrl) || task.VideoUrls.Any(u => !string.IsNullOrWhiteSpace(u));
        if (!options.IncludeVideos && hasVideo)
        {
            hints.Add("it has video URL(s): use IncludeVideos (-IncludeVideos)");
        }

        var hint = hints.Count == 0 ? string.Empty : "; " + string.Join("; ", hints);
        return $"Task {task.Id} ({task.Action ?? "?"}) succeeded but has no image URL to save{hint}.";
    }
}
