namespace Midjourney.Client;

/// <summary>Questions asked of a <see cref="MjTaskStatus"/> in many places.</summary>
public static class MjTaskStatusExtensions
{
    /// <summary>True for Success, Failure and Cancelled: the task will not change any more.</summary>
    public static bool IsFinished(this MjTaskStatus status) =>
        status is MjTaskStatus.Success or MjTaskStatus.Failure or MjTaskStatus.Cancelled;

    /// <summary>True when a wait should stop: finished, or Modal (waiting for the user's input).</summary>
    public static bool EndsWait(this MjTaskStatus status) => status.IsFinished() || status == MjTaskStatus.Modal;
}
