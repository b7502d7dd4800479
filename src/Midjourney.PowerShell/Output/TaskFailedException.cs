using System;
using Midjourney.Client;

namespace Midjourney.PowerShell.Output;

/// <summary>A task ended in Failure or Cancelled; the message is the server's reason.</summary>
internal sealed class TaskFailedException : MjException
{
    /// <summary>Creates the exception for a finished task.</summary>
    public TaskFailedException(MjTask task)
        : base(MessageFor(task)) => Task = task;

    /// <summary>The failed task.</summary>
    public MjTask Task { get; }

    private static string MessageFor(MjTask task) =>
        !string.IsNullOrWhiteSpace(task.FailReason) ? task.FailReason!
        : task.Status == MjTaskStatus.Cancelled ? $"Task {task.Id} was cancelled."
        : $"Task {task.Id} failed; the server gave no reason.";
}
