using System;
using System.Collections.Generic;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>
/// The batch's time left: the rows left × the average work of a finished row (the running time of its tasks, as the
/// server dates them) ÷ how many tasks the servers run at once (learnt from their queue answers; until then the pace of
/// this run: the work it saw done ÷ the time it took, where a row's work counts at most its time in this run, so rows an
/// earlier run had finished do not make the servers look faster). It is estimated again only when a row ends and counts
/// down in between, so it neither stands still nor jumps with each redraw. No clock of its own: callers pass the time.
/// Not thread-safe.
/// </summary>
internal sealed class BatchEta
{
    /// <summary>
    /// The longest a task is believed to have run by its server's dates (a day: servers fail a job after minutes). A
    /// longer span (a hostile or broken server's 1970 to 9999) is not a real run, and its dates are left out.
    /// </summary>
    internal static readonly TimeSpan MaxTaskWork = TimeSpan.FromDays(1);

    /// <summary>The most dated work one row counts (its imagine and a few clicks, each within <see cref="MaxTaskWork"/>).</summary>
    private static readonly TimeSpan MaxRowWork = TimeSpan.FromDays(10);

    /// <summary>The longest time left shown (a year): the estimate of a batch that would take longer means nothing.</summary>
    private static readonly TimeSpan MaxEstimate = TimeSpan.FromDays(365);

    private readonly TimeSpan _start;
    private int _rows;
    private TimeSpan _work;
    private TimeSpan _workThisRun;
    private TimeSpan? _estimate;
    private TimeSpan _estimatedAt;

    /// <summary>Starts the estimate at <paramref name="start"/> (the run's start, on the caller's clock).</summary>
    public BatchEta(TimeSpan start) => _start = start;

    /// <summary>How long the servers ran <paramref name="tasks"/>, by their own dates; null when they date none believably.</summary>
    public static TimeSpan? WorkOf(IEnumerable<MjTask> tasks)
    {
        TimeSpan? work = null;
        foreach (var task in tasks)
        {
            if (task.StartTime is { } start && task.FinishTime is { } finish && finish > start && finish - start <= MaxTaskWork)
            {
                work = (work ?? TimeSpan.Zero) + (finish - start);
            }
        }

        return work;
    }

    /// <summary>
    /// A row ended at <paramref name="now"/>: its tasks ran <paramref name="work"/> (null when the server does not date
    /// them), and it spent <paramref name="inRun"/> in this run. <paramref name="rowsLeft"/> rows have not ended; the
    /// servers run <paramref name="parallel"/> tasks at once (null when unknown).
    /// </summary>
    public void RowEnded(TimeSpan? work, TimeSpan inRun, TimeSpan now, int rowsLeft, int? parallel)
    {
        var done = work is TimeSpan dated && dated > TimeSpan.Zero && dated <= MaxRowWork ? dated : inRun;
        _rows++;
        _work += done;
        _workThisRun += done < inRun ? done : inRun;
        var elapsed = now - _start;
        var at = parallel is int known && known > 0 ? known
            : elapsed > TimeSpan.Zero ? Math.Max(1, _workThisRun.TotalSeconds / elapsed.TotalSeconds) : 1;
        _estimate = TimeSpan.FromSeconds(Math.Min(MaxEstimate.TotalSeconds, Math.Max(0, rowsLeft) * (_work.TotalSeconds / _rows) / at));
        _estimatedAt = now;
    }

    /// <summary>The time left at <paramref name="now"/>: the last estimate less the time since; null before a row ended.</summary>
    public TimeSpan? Left(TimeSpan now)
    {
        if (_estimate is not TimeSpan estimate)
        {
            return null;
        }

        var left = estimate - (now - _estimatedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
