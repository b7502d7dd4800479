namespace Midjourney.Simulator.Engine;

/// <summary>
/// The whole future of a task, fixed when it gets a slot: the task's state at any instant is computed from these times,
/// so running tasks cost no timers. All times are epoch milliseconds. Immutable: changes (modal submit, cancel) publish a new one.
/// </summary>
/// <param name="StartAt">Slot acquired: NOT_START before, SUBMITTED from here.</param>
/// <param name="RunAt">IN_PROGRESS from here.</param>
/// <param name="EndAt">SUCCESS or FAILURE from here; the slot is free again.</param>
/// <param name="NominalRunMs">How long a successful run would take; progress is measured against it.</param>
/// <param name="Succeeds">Outcome at <paramref name="EndAt"/>.</param>
/// <param name="FailReason">failReason when it does not succeed.</param>
/// <param name="IsModal">Waiting for <c>/submit/modal</c>; the times are meaningless then.</param>
/// <param name="Slot">Index of the concurrency slot used, or -1.</param>
internal sealed record TaskSchedule(
    long StartAt, long RunAt, long EndAt, long NominalRunMs, bool Succeeds, string? FailReason, bool IsModal, int Slot)
{
    public static readonly TaskSchedule Modal = new(long.MaxValue, long.MaxValue, long.MaxValue, 1, false, null, true, -1);

    /// <summary>Milliseconds the task held its slot up to <paramref name="now"/> (busy slot time).</summary>
    public long BusyMs(long now) => IsModal || now <= StartAt ? 0 : System.Math.Min(now, EndAt) - StartAt;
}
