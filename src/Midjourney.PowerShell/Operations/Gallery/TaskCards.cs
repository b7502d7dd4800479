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
            StatusText = Words(task.Status) + (task.Progress is int progress && status == GalleryStatus.Running ? $" {progress}%" : string.Empty),
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

    /// <summary>A status as words: InProgress is "In progress", NotStarted "Not started".</summary>
    private static string Words(MjTaskStatus status)
    {
        var name = status.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            words.Append(i > 0 && char.IsUpper(name[i]) ? " " + char.ToLowerInvariant(name[i]) : name[i].ToString());
        }

        return words.ToString();
    }
}
