using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>What the state file says of one row: its events folded, in order, into where it stands.</summary>
internal sealed class BatchRowState
{
    /// <summary>Creates an empty state for a row.</summary>
    public BatchRowState(string row, int index)
    {
        Row = row;
        Index = index;
    }

    /// <summary>The row's identity.</summary>
    public string Row { get; }

    /// <summary>The row's position, 1-based.</summary>
    public int Index { get; }

    /// <summary>The server of the row's tasks, once an intent was written.</summary>
    public string? Server { get; private set; }

    /// <summary>The prompt as sent, once an intent was written (state files of older versions have none).</summary>
    public string? Prompt { get; private set; }

    /// <summary>The recovery tag of the last imagine intent that has no answer yet; null once submitted.</summary>
    public string? PendingState { get; private set; }

    /// <summary>When the last pending intent (imagine or click) was written.</summary>
    public DateTimeOffset? IntentAt { get; private set; }

    /// <summary>The imagine task, once submitted (or recovered).</summary>
    public string? TaskId { get; private set; }

    /// <summary>Status per ended task id.</summary>
    public Dictionary<string, string> Finished { get; } = new(StringComparer.Ordinal);

    /// <summary>Click label → recovery tag of a click intent that has no answer yet.</summary>
    public Dictionary<string, string> PendingClicks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Click label → child task ids.</summary>
    public Dictionary<string, List<string>> Clicks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When each of the row's tasks was recorded as accepted (this machine's clock).</summary>
    public Dictionary<string, DateTimeOffset> AcceptedAt { get; } = new(StringComparer.Ordinal);

    /// <summary>The saved files, once done.</summary>
    public List<string>? Files { get; private set; }

    /// <summary>Why the row failed for good, if it did.</summary>
    public string? FailedReason { get; private set; }

    /// <summary>Saved: nothing left to do.</summary>
    public bool IsDone => Files is not null;

    /// <summary>Failed on the server for good: a re-run reports it and pays nothing.</summary>
    public bool IsFailed => FailedReason is not null && !IsDone;

    /// <summary>True when anything was written for the row.</summary>
    public bool Started => Server is not null || TaskId is not null;

    /// <summary>The furthest stage reached, for display.</summary>
    public string Stage { get; private set; } = "new";

    /// <summary>Every task id the row made.</summary>
    public IEnumerable<string> AllTasks => (TaskId is null ? Enumerable.Empty<string>() : new[] { TaskId }).Concat(Clicks.Values.SelectMany(c => c));

    /// <summary>Folds one event in.</summary>
    public void Apply(BatchEvent e)
    {
        Stage = e.Stage;
        switch (e.Stage)
        {
            case BatchStage.Intent:
                Server = e.Server ?? Server;
                Prompt = e.Prompt ?? Prompt;
                PendingState = e.State;
                IntentAt = e.At;
                break;
            case BatchStage.Submitted:
                Server = e.Server ?? Server;
                TaskId = e.Task;
                PendingState = null;
                if (e.Task is not null)
                {
                    AcceptedAt[e.Task] = e.At;
                }

                break;
            case BatchStage.Finished when e.Task is not null:
                Finished[e.Task] = e.Status ?? string.Empty;
                break;
            case BatchStage.ClickIntent when e.Label is not null && e.State is not null:
                PendingClicks[e.Label] = e.State;
                IntentAt = e.At;
                break;
            case BatchStage.Clicked when e.Label is not null:
                Clicks[e.Label] = e.Tasks ?? new List<string>();
                PendingClicks.Remove(e.Label);
                foreach (var task in Clicks[e.Label])
                {
                    AcceptedAt[task] = e.At;
                }

                break;
            case BatchStage.Saved:
                Files = e.Files ?? new List<string>();
                break;
            case BatchStage.Failed:
                FailedReason = e.Reason ?? "failed";
                break;
        }
    }
}
