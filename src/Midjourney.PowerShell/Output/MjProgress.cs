namespace Midjourney.PowerShell.Output;

/// <summary>One progress update; the cmdlet turns it into a <c>ProgressRecord</c>.</summary>
internal sealed class MjProgress
{
    /// <summary>Creates the update.</summary>
    public MjProgress(int activityId, string activity, string statusDescription)
    {
        ActivityId = activityId;
        Activity = activity;
        StatusDescription = statusDescription;
    }

    /// <summary>The bar's id.</summary>
    public int ActivityId { get; }

    /// <summary>The parent bar's id, or -1.</summary>
    public int ParentActivityId { get; init; } = -1;

    /// <summary>The bar's title.</summary>
    public string Activity { get; }

    /// <summary>The line under the title.</summary>
    public string StatusDescription { get; }

    /// <summary>0–100, or -1 when unknown.</summary>
    public int PercentComplete { get; init; } = -1;

    /// <summary>True for the final record that removes the bar.</summary>
    public bool Completed { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"[{ActivityId}<{ParentActivityId}] {Activity}: {StatusDescription} {PercentComplete}%{(Completed ? " (completed)" : string.Empty)}";
}
