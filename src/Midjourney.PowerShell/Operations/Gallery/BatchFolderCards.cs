using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>
/// The cards of an Invoke-MjBatch output folder: one per row of its state file (read by the batch's own
/// <see cref="BatchStateFile"/>), in row order, its pictures the row's saved files with their facts; then one per task
/// for the other saved files in the folder (Save-MjImage's, a video saved beside the batch).
/// </summary>
internal static class BatchFolderCards
{
    /// <summary>
    /// Reads <paramref name="folder"/> with the state file <paramref name="statePath"/> (none: the folder's files alone).
    /// A running batch may be writing the state file: it is read shared, and a torn last line is skipped.
    /// </summary>
    public static IReadOnlyList<GalleryCard> Read(string folder, string statePath)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidInputException(
                $"The batch folder '{folder}' does not exist. Give the folder Invoke-MjBatch wrote (its -OutputPath).", folder, MjErrorCategory.ObjectNotFound);
        }

        var cards = new List<GalleryCard>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(statePath))
        {
            var (rows, _) = BatchStateFile.ReadShared(statePath);
            foreach (var row in rows.Values.OrderBy(r => r.Index))
            {
                cards.Add(RowCard(folder, row, claimed));
            }
        }

        var loose = Directory.EnumerateFiles(folder)
            .Where(f => SavedFileCards.IsMedia(f) && !claimed.Contains(Path.GetFullPath(f)))
            .OrderBy(f => File.GetLastWriteTimeUtc(f))
            .ThenBy(f => f, StringComparer.Ordinal)
            .Select(Path.GetFullPath)
            .ToList();
        cards.AddRange(SavedFileCards.From(loose));
        return cards;
    }

    private static GalleryCard RowCard(string folder, BatchRowState row, HashSet<string> claimed)
    {
        var card = new GalleryCard
        {
            Row = row.Index,
            Prompt = row.Prompt,
            Server = row.Server,
            Status = row.IsDone ? GalleryStatus.Done : row.IsFailed ? GalleryStatus.Failed : GalleryStatus.Running,
            StatusText = row.IsDone ? "Done" : row.IsFailed ? "Failed" : "Not finished (" + row.Stage + ")",
            Reason = row.IsFailed ? row.FailedReason : null,
        };
        if (row.TaskId is { } imagine)
        {
            card.Tasks.Add(Task(row, imagine, "IMAGINE", null));
        }

        foreach (var click in row.Clicks)
        {
            foreach (var child in click.Value)
            {
                card.Tasks.Add(Task(row, child, null, click.Key));
            }
        }

        var inside = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var name in row.Files ?? new List<string>())
        {
            // The batch writes names inside its folder (a server's subfolder at most); anything else is not its file.
            var file = Path.GetFullPath(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)));
            if (!file.StartsWith(inside, StringComparison.Ordinal) || !File.Exists(file) || !claimed.Add(file))
            {
                continue;
            }

            var facts = SavedFileCards.Facts(file);
            card.Prompt ??= facts.Prompt;
            var stem = Path.GetFileNameWithoutExtension(file);
            var task = card.Tasks.FirstOrDefault(t => t.Id == facts.TaskId) ?? card.Tasks.FirstOrDefault(t => string.Equals(Client.DownloadFileNames.MainImage(t.Id), stem, StringComparison.Ordinal));
            if (task is null)
            {
                card.Tasks.Add(task = new GalleryTask(facts.TaskId ?? stem));
            }

            task.Action = facts.Action ?? task.Action;
            task.Buttons = facts.Buttons.Count > 0 ? facts.Buttons : task.Buttons;
            task.IsGrid = SavedFileCards.IsGrid(task);
            SavedFileCards.AddMedia(card, task, new[] { file });
        }

        return card;
    }

    private static GalleryTask Task(BatchRowState row, string id, string? action, string? via)
    {
        var status = row.Finished.TryGetValue(id, out var ended)
            ? string.Equals(ended, "Success", StringComparison.OrdinalIgnoreCase) ? GalleryStatus.Done : GalleryStatus.Failed
            : GalleryStatus.Running;
        var task = new GalleryTask(id) { Action = action ?? ActionOf(via), Via = via, Status = status };
        task.IsGrid = SavedFileCards.IsGrid(task);
        return task;
    }

    /// <summary>What a follow-up click makes, where its label says: U1–U4 upscale, V1–V4 vary, 🔄 rerolls.</summary>
    private static string? ActionOf(string? label) => label?.ToUpperInvariant() switch
    {
        "U1" or "U2" or "U3" or "U4" => "UPSCALE",
        "V1" or "V2" or "V3" or "V4" => "VARIATION",
        "🔄" => "REROLL",
        _ => null,
    };
}
