using System;
using System.Threading;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>The batch's one progress bar: rows done, failed, running and the time left. Thread-safe.</summary>
internal sealed class BatchProgress
{
    private const int BarId = 1;
    private const string Activity = "Invoke-MjBatch";
    private readonly ICommandOutput _output;
    private readonly Func<int> _running;
    private readonly Func<TimeSpan> _elapsed;
    private readonly int _total;
    private readonly int _doneBefore;
    private int _done;
    private int _failed;

    /// <summary>Creates the bar over <paramref name="total"/> rows, of which <paramref name="doneBefore"/> were finished by earlier runs.</summary>
    public BatchProgress(ICommandOutput output, int total, int doneBefore, int failedBefore, Func<int> running, Func<TimeSpan> elapsed)
    {
        _output = output;
        _total = total;
        _doneBefore = doneBefore;
        _done = doneBefore;
        _failed = failedBefore;
        _running = running;
        _elapsed = elapsed;
    }

    /// <summary>
    /// Time left from the pace of this run: rows it finished over the time it took, times the rows left; null before
    /// the first row of this run ends.
    /// </summary>
    public static TimeSpan? Eta(int finishedThisRun, int left, TimeSpan elapsed) =>
        finishedThisRun <= 0 ? null : TimeSpan.FromTicks(elapsed.Ticks / finishedThisRun * left);

    /// <summary>A row ended well.</summary>
    public void Done() => Update(ref _done);

    /// <summary>A row failed.</summary>
    public void Failed() => Update(ref _failed);

    /// <summary>Anything else changed (a row started).</summary>
    public void Changed() => Write();

    /// <summary>Removes the bar.</summary>
    public void Complete() => _output.WriteProgress(new MjProgress(BarId, Activity, "Finished") { Completed = true });

    private void Update(ref int counter)
    {
        Interlocked.Increment(ref counter);
        Write();
    }

    private void Write()
    {
        var done = Volatile.Read(ref _done);
        var failed = Volatile.Read(ref _failed);
        var ended = done + failed;
        var eta = Eta(done - _doneBefore + failed, _total - ended, _elapsed());
        var text = $"{done}/{_total} done, {failed} failed, {_running()} running" + (eta is { } left ? $", about {Format(left)} left" : string.Empty);
        _output.WriteProgress(new MjProgress(BarId, Activity, text)
        {
            PercentComplete = _total == 0 ? 100 : Math.Min(100, ended * 100 / _total),
        });
    }

    private static string Format(TimeSpan time) => time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss") : time.ToString(@"m\:ss");
}
