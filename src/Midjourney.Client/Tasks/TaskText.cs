using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// Makes a task read from a server safe to show (<see cref="MjText"/>): every string it carries is cleaned, and the task
/// as the server sent it is kept as <see cref="MjTask.Raw"/>. Identifiers are sent back to the server, so they cannot be
/// altered: a task id with a control character is refused (a protocol error), and a button whose customId has one is left
/// out (no real button has one, and it could not be shown safely).
/// </summary>
internal static class TaskText
{
    /// <summary>The cleaned task, or <paramref name="task"/> itself when nothing needed cleaning.</summary>
    public static MjTask Clean(MjTask task)
    {
        CheckId(task.Id);
        if (IsClean(task))
        {
            return task;
        }

        return new MjTask(task.Id)
        {
            Action = MjText.CleanLine(task.Action),
            Status = task.Status,
            RawStatus = MjText.CleanLine(task.RawStatus),
            Progress = task.Progress,
            Prompt = MjText.Clean(task.Prompt),
            PromptEn = MjText.Clean(task.PromptEn),
            Description = MjText.Clean(task.Description),
            State = MjText.CleanLine(task.State),
            SubmitTime = task.SubmitTime,
            StartTime = task.StartTime,
            FinishTime = task.FinishTime,
            FailReason = MjText.Clean(task.FailReason),
            ImageUrl = MjText.CleanLine(task.ImageUrl),
            ImageUrls = task.ImageUrls.Select(u => MjText.CleanLine(u)!).ToList(),
            ThumbnailUrl = MjText.CleanLine(task.ThumbnailUrl),
            VideoUrl = MjText.CleanLine(task.VideoUrl),
            VideoUrls = task.VideoUrls.Select(u => MjText.CleanLine(u)!).ToList(),
            Properties = Clean(task.Properties),
            Buttons = task.Buttons.Where(b => MjText.IsCleanLine(b.CustomId))
                .Select(b => MjText.IsCleanLine(b.Label) && MjText.IsCleanLine(b.Emoji)
                    ? b
                    : new MjButton(b.TaskId, b.CustomId, MjText.CleanLine(b.Label), MjText.CleanLine(b.Emoji), b.Style, b.Type, b.IsSynthetic))
                .ToList(),
            ParentId = MjText.CleanLine(task.ParentId),
            QueuePosition = task.QueuePosition,
            Server = task.Server,
            Width = task.Width,
            Height = task.Height,
            Seed = MjText.CleanLine(task.Seed),
            InstanceId = MjText.CleanLine(task.InstanceId),
            Raw = task,
        };
    }

    /// <summary>Refuses an id that could not be shown or sent back safely.</summary>
    public static void CheckId(string id)
    {
        foreach (var c in id)
        {
            if (MjText.IsControl(c))
            {
                throw new JsonException($"The task id '{MjText.CleanLine(id)}' has control characters (shown here without them); no real task id has. The answer was not used.");
            }
        }
    }

    private static bool IsClean(MjTask task) =>
        MjText.IsCleanLine(task.Action) && MjText.IsCleanLine(task.RawStatus) && MjText.IsClean(task.Prompt) && MjText.IsClean(task.PromptEn)
        && MjText.IsClean(task.Description) && MjText.IsCleanLine(task.State) && MjText.IsClean(task.FailReason) && MjText.IsCleanLine(task.ImageUrl)
        && task.ImageUrls.All(MjText.IsCleanLine) && MjText.IsCleanLine(task.ThumbnailUrl) && MjText.IsCleanLine(task.Seed) && MjText.IsCleanLine(task.InstanceId) && MjText.IsCleanLine(task.VideoUrl) && task.VideoUrls.All(MjText.IsCleanLine) && MjText.IsCleanLine(task.ParentId)
        && task.Buttons.All(b => MjText.IsCleanLine(b.CustomId) && MjText.IsCleanLine(b.Label) && MjText.IsCleanLine(b.Emoji))
        && task.Properties.All(IsCleanProperty);

    /// <summary>A property with a safe key and, when its value is a string, a safe value.</summary>
    private static bool IsCleanProperty(KeyValuePair<string, object?> property) =>
        MjText.IsCleanLine(property.Key) && (property.Value is not string text || MjText.IsClean(text));

    /// <summary>The properties with safe keys and string values (the same instance when nothing needed cleaning).</summary>
    public static IReadOnlyDictionary<string, object?> Clean(IReadOnlyDictionary<string, object?> properties)
    {
        if (properties.All(IsCleanProperty))
        {
            return properties;
        }

        var clean = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in properties)
        {
            clean[MjText.CleanLine(pair.Key)!] = pair.Value is string text ? MjText.Clean(text) : pair.Value;
        }

        return clean;
    }
}
