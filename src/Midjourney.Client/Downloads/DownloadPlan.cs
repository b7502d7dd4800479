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

        var id = DownloadFileNames.SanitizeId(task.Id);
        var items = new List<DownloadItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Identical URLs (imageUrl repeated as imageUrls[0], videoUrl inside videoUrls) are saved once.
        void Add(DownloadItem item)
        {
            var url = item.UrlIn(task);
            if (url is not null && seen.Add(url.Trim()))
            {
                items.Add(item);
            }
        }

        Add(new DownloadItem(DownloadSource.Image, 0, id));
        if (options.All)
        {
            for (var i = 0; i < task.ImageUrls.Count; i++)
            {
                Add(new DownloadItem(DownloadSource.ImageTile, i, $"{id}_{i + 1}"));
            }
        }

        if (options.IncludeVideos)
        {
            Add(new DownloadItem(DownloadSource.Video, 0, id));
            for (var i = 0; i < task.VideoUrls.Count; i++)
            {
                Add(new DownloadItem(DownloadSource.VideoItem, i, $"{id}_{i + 1}"));
            }
        }

        if (items.Count == 0)
        {
            throw new MjDownloadException(NothingToSaveMessage(task, options), null, null, null);
        }

        return items;
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
