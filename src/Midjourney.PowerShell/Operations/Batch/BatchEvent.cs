using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>The stages a batch row passes, as written in the state file.</summary>
internal static class BatchStage
{
    /// <summary>About to submit the row's imagine (<see cref="BatchEvent.Prompt"/>) with <see cref="BatchEvent.State"/> as its recovery tag (written BEFORE sending).</summary>
    public const string Intent = "intent";

    /// <summary>The server answered the imagine with <see cref="BatchEvent.Task"/>.</summary>
    public const string Submitted = "submitted";

    /// <summary>A task of the row ended (<see cref="BatchEvent.Task"/>, <see cref="BatchEvent.Status"/>).</summary>
    public const string Finished = "finished";

    /// <summary>About to click <see cref="BatchEvent.Label"/> with <see cref="BatchEvent.State"/> as its tag (written BEFORE sending).</summary>
    public const string ClickIntent = "click-intent";

    /// <summary>The click of <see cref="BatchEvent.Label"/> made <see cref="BatchEvent.Tasks"/>.</summary>
    public const string Clicked = "clicked";

    /// <summary>The row's files are saved (<see cref="BatchEvent.Files"/>): the row is done.</summary>
    public const string Saved = "saved";

    /// <summary>The server failed the row's work for good (<see cref="BatchEvent.Reason"/>); a re-run does not pay for it again.</summary>
    public const string Failed = "failed";
}

/// <summary>One line of the state file. Holds task ids, tags and file names; never a key.</summary>
internal sealed class BatchEvent
{
    /// <summary>When it was written.</summary>
    [JsonPropertyName("at")]
    public DateTimeOffset At { get; set; }

    /// <summary>The row's identity (hash of its content and position).</summary>
    [JsonPropertyName("row")]
    public string Row { get; set; } = string.Empty;

    /// <summary>The row's position, 1-based.</summary>
    [JsonPropertyName("index")]
    public int Index { get; set; }

    /// <summary>One of <see cref="BatchStage"/>.</summary>
    [JsonPropertyName("stage")]
    public string Stage { get; set; } = string.Empty;

    /// <summary>The server the row's tasks live on.</summary>
    [JsonPropertyName("server")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Server { get; set; }

    /// <summary>The recovery tag sent as the submit's <c>state</c>.</summary>
    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? State { get; set; }

    /// <summary>The row's prompt as sent (on an intent), so the state file alone tells what each row asked for.</summary>
    [JsonPropertyName("prompt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Prompt { get; set; }

    /// <summary>A task id.</summary>
    [JsonPropertyName("task")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Task { get; set; }

    /// <summary>A finished task's status.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }

    /// <summary>The button label of a click (U1…).</summary>
    [JsonPropertyName("label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; set; }

    /// <summary>The child task ids of a click.</summary>
    [JsonPropertyName("tasks")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Tasks { get; set; }

    /// <summary>The saved files.</summary>
    [JsonPropertyName("files")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Files { get; set; }

    /// <summary>Why the row failed.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; set; }

    /// <summary>
    /// An event read from a file, made whole: null when it has no row or stage (a torn or foreign line); null entries of its
    /// lists dropped; its texts made safe to show (<see cref="MjText"/>). A state file is data anyone could have edited.
    /// </summary>
    internal static BatchEvent? Checked(BatchEvent? e)
    {
        if (e is null || string.IsNullOrEmpty(e.Row) || string.IsNullOrEmpty(e.Stage))
        {
            return null;
        }

        e.Tasks = e.Tasks?.Where(t => !string.IsNullOrEmpty(t) && MjText.IsCleanLine(t)).ToList();
        e.Files = e.Files?.Where(f => !string.IsNullOrEmpty(f)).Select(f => MjText.CleanLine(f)!).ToList();
        e.Task = e.Task is { } task && MjText.IsCleanLine(task) ? task : null;
        e.Reason = MjText.Clean(e.Reason);
        e.Prompt = MjText.Clean(e.Prompt);
        e.Label = MjText.CleanLine(e.Label);
        e.Status = MjText.CleanLine(e.Status);
        e.State = MjText.CleanLine(e.State);
        e.Server = MjText.CleanLine(e.Server);
        return e;
    }
}
