using Midjourney.Client;

namespace Midjourney.PowerShell.Output;

/// <summary>
/// A task ended in Failure or Cancelled. A known reason reads in English (what happened, what to do) with the
/// server's own words on the second line; a reason that means a banned prompt makes it a banned-prompt error.
/// </summary>
internal sealed class TaskFailedException : MjException
{
    /// <summary>Creates the exception for a finished task.</summary>
    public TaskFailedException(MjTask task)
        : this(task, MjServerMessages.Find(task.FailReason))
    {
    }

    private TaskFailedException(MjTask task, MjServerMessage? known)
        : base(MessageFor(task, known, BannedWordOf(task, known)))
    {
        Task = task;
        Known = known;
        BannedWord = BannedWordOf(task, known);
    }

    /// <summary>The failed task.</summary>
    public MjTask Task { get; }

    /// <summary>The explanation of the failure reason, when it is a known one.</summary>
    public MjServerMessage? Known { get; }

    /// <summary>True when the task failed because the prompt (or its image) was refused by moderation.</summary>
    public bool IsBannedPrompt => Known?.Kind == MjServerMessageKind.BannedPrompt;

    /// <summary>The banned word, when the server named it.</summary>
    public string? BannedWord { get; }

    /// <summary>What to do, when the reason is known.</summary>
    public string? Advice => Known?.Advice;

    private static string? BannedWordOf(MjTask task, MjServerMessage? known) =>
        known?.Kind != MjServerMessageKind.BannedPrompt ? null
        : known.BannedWord ?? (task.Properties.TryGetValue("bannedWord", out var word) ? word?.ToString() : null);

    private static string MessageFor(MjTask task, MjServerMessage? known, string? bannedWord)
    {
        if (known is not null)
        {
            var explanation = known.Kind == MjServerMessageKind.BannedPrompt && !string.IsNullOrEmpty(bannedWord)
                ? known.Explanation.TrimEnd('.') + $" ('{bannedWord}')."
                : known.Explanation;
            return $"Task {task.Id} failed: {explanation} {known.Advice}\n{task.Server?.AbsoluteUri ?? "The server"} said: {task.FailReason}";
        }

        return !string.IsNullOrWhiteSpace(task.FailReason) ? task.FailReason!
            : task.Status == MjTaskStatus.Cancelled ? $"Task {task.Id} was cancelled."
            : $"Task {task.Id} failed; the server gave no reason.";
    }
}
