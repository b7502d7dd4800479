using Midjourney.Client;
using Midjourney.PowerShell.Imaging;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>The card of a task from the pipeline (Get-MjTask, Wait-MjTask): its real buttons, status and reason.</summary>
internal static class TaskCards
{
    /// <summary>The card of <paramref name="task"/>, without pictures yet (they are downloaded once the page is confirmed).</summary>
    public static GalleryCard From(MjTask task)
    {
        var status = task.Status == MjTaskStatus.Success ? GalleryStatus.Done : task.IsFinished ? GalleryStatus.Failed : GalleryStatus.Running;
        var facts = ImageMetadata.From(task, null);
        var card = new GalleryCard
        {
            Prompt = task.Prompt,
            Server = facts.Server,
            Status = status,
            StatusText = task.Progress is int progress && status == GalleryStatus.Running ? $"{task.Status} {progress}%" : task.Status.ToString(),
            Reason = string.IsNullOrWhiteSpace(task.FailReason) ? null : task.FailReason,
        };
        var item = new GalleryTask(task.Id)
        {
            Action = task.Action,
            Status = status,
            Buttons = status == GalleryStatus.Done ? facts.Buttons : null,
            IsGrid = GridTiles.IsGrid(task) && task.Action?.ToUpperInvariant() != "VIDEO",
        };
        card.Tasks.Add(item);
        return card;
    }
}
