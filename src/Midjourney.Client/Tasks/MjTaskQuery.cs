using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Midjourney.Client;

/// <summary>
/// What <see cref="MjClient.ListTasksAsync(MjTaskQuery, System.Threading.CancellationToken)"/> looks for. Empty lists and a
/// null prompt match every task. The server filters where it can (Plus's task query); the client always checks again.
/// </summary>
public sealed class MjTaskQuery
{
    private const int MaxLimit = 10000;
    private Regex? _prompt;
    private string? _promptText;
    private int _limit = 100;

    /// <summary>Only tasks in one of these states; empty: any state.</summary>
    public IList<MjTaskStatus> Status { get; } = new List<MjTaskStatus>();

    /// <summary>Only tasks of one of these actions (<c>IMAGINE</c>, <c>UPSCALE</c>…; also <c>Imagine</c>, <c>UpscaleHd</c>); empty: any.</summary>
    public IList<string> Action { get; } = new List<string>();

    /// <summary>A wildcard pattern (<c>*</c>, <c>?</c>, any case) the whole prompt must match, as PowerShell's -like; null: any prompt.</summary>
    public string? Prompt
    {
        get => _promptText;
        set
        {
            _promptText = string.IsNullOrEmpty(value) ? null : value;
            _prompt = _promptText is null ? null : Wildcard.ToRegex(_promptText);
        }
    }

    /// <summary>The most tasks to return, newest first (1 to 10000; default 100).</summary>
    public int Limit
    {
        get => _limit;
        set => _limit = value is >= 1 and <= MaxLimit ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"Limit must be 1 to {MaxLimit}.");
    }

    /// <summary>True when <paramref name="task"/> matches every condition.</summary>
    public bool Matches(MjTask task) => Matches(task, null);

    /// <summary>
    /// As <see cref="Matches(MjTask)"/>, with the prompt the journal recorded for a task whose server does not repeat
    /// it (<c>TASK_STATUS_*</c> gateways).
    /// </summary>
    internal bool Matches(MjTask task, string? journalPrompt)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        if (Status.Count > 0 && !Status.Contains(task.Status))
        {
            return false;
        }

        if (Action.Count > 0 && !Action.Any(a => string.Equals(ActionKey(a), ActionKey(task.Action), StringComparison.Ordinal)))
        {
            return false;
        }

        return _prompt is null
            || _prompt.IsMatch(task.Prompt ?? journalPrompt ?? string.Empty)
            || (task.PromptEn is { } en && _prompt.IsMatch(en));
    }

    /// <summary>The wire name of an action (<c>UpscaleHd</c> → <c>UPSCALE_HD</c>); names already in capitals stay.</summary>
    internal static string WireAction(string action)
    {
        var text = action.Trim();
        if (text.ToUpperInvariant() == text)
        {
            return text;
        }

        return Regex.Replace(text, "(?<=[a-z0-9])(?=[A-Z])", "_").ToUpperInvariant();
    }

    /// <summary>
    /// The wire names of a status for servers that filter (Plus); empty when the server cannot filter for it. A
    /// cancelled task may be CANCEL or a FAILURE whose reason says so (TrueAI), so Cancelled asks for both.
    /// </summary>
    internal static IReadOnlyList<string> WireStatuses(MjTaskStatus status) => status switch
    {
        MjTaskStatus.NotStarted => new[] { "NOT_START" },
        MjTaskStatus.Submitted => new[] { "SUBMITTED" },
        MjTaskStatus.InProgress => new[] { "IN_PROGRESS" },
        MjTaskStatus.Modal => new[] { "MODAL" },
        MjTaskStatus.Success => new[] { "SUCCESS" },
        MjTaskStatus.Failure => new[] { "FAILURE" },
        MjTaskStatus.Cancelled => new[] { "CANCEL", "FAILURE" },
        _ => Array.Empty<string>(),
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        if (Status.Count > 0)
        {
            parts.Add("status " + string.Join("/", Status));
        }

        if (Action.Count > 0)
        {
            parts.Add("action " + string.Join("/", Action));
        }

        if (Prompt is not null)
        {
            parts.Add($"prompt like '{Prompt}'");
        }

        return (parts.Count == 0 ? "all tasks" : string.Join(", ", parts)) + $", at most {Limit}";
    }

    private static string ActionKey(string? action) => (action ?? string.Empty).Replace("_", string.Empty).Trim().ToUpperInvariant();
}
