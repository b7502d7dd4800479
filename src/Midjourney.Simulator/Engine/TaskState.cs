using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Engine;

/// <summary>A task's observable state at one instant, computed from its <see cref="TaskSchedule"/>.</summary>
internal readonly record struct TaskState(string Status, int Percent, long? StartTime, long? FinishTime, string? FailReason)
{
    public bool IsTerminal => Status is TaskStatuses.Success or TaskStatuses.Failure;

    /// <summary>Wire progress: null before start and while MODAL, "" after failure, else "N%".</summary>
    public string? Progress => Status switch
    {
        TaskStatuses.NotStart or TaskStatuses.Modal => null,
        TaskStatuses.Failure => "",
        _ => ProgressText.Of(Percent),
    };

    /// <summary>Ordering for notify de-duplication: only moves to a higher rank are sent.</summary>
    public int Rank => Status switch
    {
        TaskStatuses.NotStart => 0,
        TaskStatuses.Modal => 5,
        TaskStatuses.Submitted => 10,
        TaskStatuses.InProgress => 20 + Percent,
        _ => 1000,
    };

    public static TaskState Observe(TaskSchedule schedule, long now)
    {
        if (schedule.IsModal) return new TaskState(TaskStatuses.Modal, 0, null, null, null);
        if (now >= schedule.EndAt)
        {
            long? start = schedule.StartAt <= schedule.EndAt ? schedule.StartAt : null;
            return schedule.Succeeds
                ? new TaskState(TaskStatuses.Success, 100, start, schedule.EndAt, null)
                : new TaskState(TaskStatuses.Failure, 0, start, schedule.EndAt, schedule.FailReason);
        }

        if (now < schedule.StartAt) return new TaskState(TaskStatuses.NotStart, 0, null, null, null);
        if (now < schedule.RunAt) return new TaskState(TaskStatuses.Submitted, 0, schedule.StartAt, null, null);

        // Progress rises in 10% steps and never shows 100% before SUCCESS.
        double fraction = (double)(now - schedule.RunAt) / schedule.NominalRunMs;
        int percent = System.Math.Min(90, (int)(fraction * 10) * 10);
        return new TaskState(TaskStatuses.InProgress, percent, schedule.StartAt, null, null);
    }
}

/// <summary>Cached "N%" strings so fetch does not format numbers.</summary>
internal static class ProgressText
{
    private static readonly string[] Texts = Build();

    public static string Of(int percent) => Texts[System.Math.Clamp(percent, 0, 100)];

    private static string[] Build()
    {
        var texts = new string[101];
        for (int i = 0; i <= 100; i++) texts[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
        return texts;
    }
}
