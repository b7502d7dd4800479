using System;

namespace Midjourney.Client;

/// <summary>Maps both status vocabularies (proxy and <c>TASK_STATUS_*</c>) onto <see cref="MjTaskStatus"/>.</summary>
internal static class StatusMapper
{
    /// <summary>TrueAI's reason for a task its administrator cancelled: it marks the task FAILURE with this text.</summary>
    private const string CancelReason = "取消任务";

    /// <summary>
    /// The status, where a FAILURE whose reason says the task was cancelled (TrueAI's cancel) is <see cref="MjTaskStatus.Cancelled"/>.
    /// </summary>
    public static MjTaskStatus Map(string? status, string? failReason)
    {
        var mapped = Map(status);
        return mapped == MjTaskStatus.Failure && failReason is not null && failReason.Trim() == CancelReason ? MjTaskStatus.Cancelled : mapped;
    }

    public static MjTaskStatus Map(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return MjTaskStatus.Unknown; // new-api records a task before polling upstream: still pending
        }

        switch (status!.Trim().ToUpperInvariant())
        {
            case "NOT_START":
            case "TASK_STATUS_QUEUED":
            case "QUEUED":
                return MjTaskStatus.NotStarted;
            case "SUBMITTED":
                return MjTaskStatus.Submitted;
            case "IN_PROGRESS":
            case "TASK_STATUS_PROCESSING":
            case "PROCESSING":
                return MjTaskStatus.InProgress;
            case "MODAL":
                return MjTaskStatus.Modal;
            case "SUCCESS":
            case "TASK_STATUS_SUCCEED":
            case "TASK_STATUS_SUCCEEDED":
                return MjTaskStatus.Success;
            case "FAILURE":
            case "TASK_STATUS_FAILED":
                return MjTaskStatus.Failure;
            case "CANCEL":
            case "CANCELLED":
            case "CANCELED":
            case "TASK_STATUS_CANCELED":
            case "TASK_STATUS_CANCELLED":
                return MjTaskStatus.Cancelled;
            default:
                return MjTaskStatus.Unknown;
        }
    }

    /// <summary>"45%", "45", 45, "" and null: progress is a hint, never a verdict.</summary>
    public static int? ParseProgress(string? progress)
    {
        if (string.IsNullOrEmpty(progress))
        {
            return null;
        }

        var text = progress!.Trim().TrimEnd('%').Trim();
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return (int)Math.Max(0, Math.Min(100, Math.Round(value)));
        }

        return null;
    }

    /// <summary>A <c>TASK_STATUS_*</c> gateway's provider task type mapped to the proxy's action names.</summary>
    public static string? ActionFromTaskType(string? taskType)
    {
        if (string.IsNullOrEmpty(taskType))
        {
            return null;
        }

        var upper = taskType!.ToUpperInvariant();
        if (upper.Contains("UPSCALE") || upper.Contains("UPSAMPLE"))
        {
            return "UPSCALE";
        }

        if (upper.Contains("VARIATION"))
        {
            return "VARIATION";
        }

        if (upper.Contains("REROLL"))
        {
            return "REROLL";
        }

        if (upper.Contains("TEXT_TO_IMAGE") || upper.Contains("IMAGINE"))
        {
            return "IMAGINE";
        }

        return taskType;
    }
}
