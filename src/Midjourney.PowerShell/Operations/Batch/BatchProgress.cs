using System;
using System.Collections.Generic;
using System.Linq;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>
/// The batch's one progress bar. It counts what the state file knows, event by event (rows done, failed and running;
/// imagines submitted, rows clicked), and shows the time left (<see cref="BatchEta"/>). Thread-safe.
/// </summary>
internal sealed class BatchProgress
{
    private const int BarId = 1;
    private const string Activity = "Invoke-MjBatch";
    private readonly object _gate = new();
    private readonly ICommandOutput _output;
    private readonly Func<TimeSpan> _clock;
    private readonly Func<int?> _parallel;
    private readonly int _total;
    private readonly BatchEta _eta;
    private readonly HashSet<string> _submitted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clicked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private int _done;
    private int _failed;
    private string? _last;

    /// <summary>
    /// Creates the bar over <paramref name="total"/> rows. <paramref name="earlier"/>: what the state file held at the
    /// start (rows submitted and clicked by earlier runs); <paramref name="done"/> and <paramref name="failed"/>: rows
    /// already ended. <paramref name="parallel"/>: how many tasks the servers run at once, when known.
    /// </summary>
    public BatchProgress(ICommandOutput output, int total, IEnumerable<BatchRowState> earlier, int done, int failed, Func<TimeSpan> clock, Func<int?> parallel)
    {
        _output = output;
        _total = total;
        _done = done;
        _failed = failed;
        _clock = clock;
        _parallel = parallel;
        _eta = new BatchEta(clock());
        foreach (var state in earlier)
        {
            if (state.TaskId is not null)
            {
                _submitted.Add(state.Row);
            }

            if (state.Clicks.Count > 0)
            {
                _clicked.Add(state.Row);
            }
        }
    }

    /// <summary>An event was written to the state file for a row.</summary>
    public void Recorded(BatchEvent e)
    {
        lock (_gate)
        {
            switch (e.Stage)
            {
                case BatchStage.Submitted:
                    _submitted.Add(e.Row);
                    _running.Add(e.Row);
                    break;
                case BatchStage.Clicked:
                    _clicked.Add(e.Row);
                    break;
            }
        }

        Write();
    }

    /// <summary>A row whose imagine an earlier run submitted is taken up again.</summary>
    public void Resumed(string row)
    {
        lock (_gate)
        {
            _running.Add(row);
        }

        Write();
    }

    /// <summary>A row ended well: its tasks ran <paramref name="work"/> (null: not dated), in <paramref name="inRun"/> of this run.</summary>
    public void Done(string row, TimeSpan? work, TimeSpan inRun) => Ended(row, work, inRun, ref _done);

    /// <summary>A row failed (it still took the servers' time).</summary>
    public void Failed(string row, TimeSpan? work, TimeSpan inRun) => Ended(row, work, inRun, ref _failed);

    /// <summary>Draws the bar again (the time left counts down between events).</summary>
    public void Tick() => Write(force: true);

    /// <summary>Removes the bar.</summary>
    public void Complete() => _output.WriteProgress(new MjProgress(BarId, Activity, "Finished") { Completed = true });

    private void Ended(string row, TimeSpan? work, TimeSpan inRun, ref int counter)
    {
        var parallel = _parallel(); // read outside the lock: it asks the clients
        lock (_gate)
        {
            counter++;
            _running.Remove(row);
            _eta.RowEnded(work, inRun, _clock(), _total - _done - _failed, parallel);
        }

        Write();
    }

    private void Write(bool force = false)
    {
        MjProgress progress;
        lock (_gate)
        {
            var text = TextLocked();
            if (!force && text == _last)
            {
                return;
            }

            _last = text;
            progress = new MjProgress(BarId, Activity, text)
            {
                PercentComplete = _total == 0 ? 100 : Math.Min(100, (_done + _failed) * 100 / _total),
            };
        }

        _output.WriteProgress(progress);
    }

    private string TextLocked()
    {
        var left = _eta.Left(_clock());
        return $"{_done}/{_total} done, {_failed} failed, {_running.Count} running; {_submitted.Count} submitted, {_clicked.Count} clicked"
            + (left is { } time ? $"; about {Format(time)} left" : string.Empty);
    }

    private static string Format(TimeSpan time) => time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss") : time.ToString(@"m\:ss");
}
