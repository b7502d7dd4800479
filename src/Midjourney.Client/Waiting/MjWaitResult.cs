using System;

namespace Midjourney.Client;

/// <summary>The end of a wait for one task. Every id given to a wait ends in exactly one result.</summary>
public sealed class MjWaitResult
{
    internal MjWaitResult(string taskId, MjWaitOutcome outcome, MjTask? task, MjException? error)
    {
        TaskId = taskId;
        Outcome = outcome;
        Task = task;
        Error = error;
    }

    /// <summary>The task id waited for.</summary>
    public string TaskId { get; }

    /// <summary>How the wait ended.</summary>
    public MjWaitOutcome Outcome { get; }

    /// <summary>The last snapshot seen (null when the task was never found).</summary>
    public MjTask? Task { get; }

    /// <summary>The error for <see cref="MjWaitOutcome.TimedOut"/> and <see cref="MjWaitOutcome.NotFound"/>.</summary>
    public MjException? Error { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TaskId}: {Outcome}{(Task is null ? string.Empty : " " + Task.Status)}";
}
