using System;
using System.Collections.Generic;
using System.Linq;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Tests.Support;
using Xunit;

namespace Midjourney.PowerShell.Tests.Batch;

/// <summary>The batch's bar counts what the state file knows, and its time left is steady (issue 18, item 7).</summary>
public class BatchProgressTests
{
    private static readonly TimeSpan RowWork = TimeSpan.FromSeconds(120); // imagine and U1, 60 s each

    /// <summary>20 rows on a 3-slot account: one row ends every 40 s from 120 s on (the servers' pace).</summary>
    private static IEnumerable<(int Ended, TimeSpan At)> Ends() =>
        Enumerable.Range(1, 20).Select(k => (k, TimeSpan.FromSeconds(120 + ((k - 1) * 40))));

    [Fact]
    public void With_the_servers_known_pace_the_time_left_is_the_true_one_at_every_end_and_counts_down_between()
    {
        var eta = new BatchEta(TimeSpan.Zero);
        Assert.Null(eta.Left(TimeSpan.FromSeconds(60)));

        foreach (var (ended, at) in Ends())
        {
            eta.RowEnded(RowWork, RowWork, at, 20 - ended, parallel: 3);
            var truth = TimeSpan.FromSeconds((20 - ended) * 40);
            Assert.Equal(truth, eta.Left(at));
            Assert.Equal(truth - TimeSpan.FromSeconds(15) > TimeSpan.Zero ? truth - TimeSpan.FromSeconds(15) : TimeSpan.Zero, eta.Left(at + TimeSpan.FromSeconds(15)));
        }
    }

    [Fact]
    public void A_servers_absurd_dates_never_overflow_the_time_left()
    {
        // Each date valid (1970 and 9999), the span 8,000 years: four such tasks overflowed a TimeSpan, and so did the
        // estimate of four rows left (Invoke-MjBatch ended with a raw OverflowException).
        var absurd = Enumerable.Range(1, 5).Select(i => new Midjourney.Client.MjTask(i.ToString())
        {
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1),
            FinishTime = DateTimeOffset.FromUnixTimeMilliseconds(253_402_300_799_999),
        }).ToList();
        var real = new Midjourney.Client.MjTask("6") { StartTime = DateTimeOffset.UnixEpoch, FinishTime = DateTimeOffset.UnixEpoch.AddSeconds(50) };

        Assert.Null(BatchEta.WorkOf(absurd));
        Assert.Equal(TimeSpan.FromSeconds(50), BatchEta.WorkOf(absurd.Append(real)));

        var eta = new BatchEta(TimeSpan.Zero);
        eta.RowEnded(TimeSpan.MaxValue, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), 1_000_000, parallel: null);
        eta.RowEnded(TimeSpan.FromDays(3_000_000), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(61), int.MaxValue, parallel: 1);
        Assert.True(eta.Left(TimeSpan.FromSeconds(61)) <= TimeSpan.FromDays(365));
    }

    [Fact]
    public void Without_it_the_time_left_never_jumps_up_between_one_redraw_and_the_next()
    {
        var eta = new BatchEta(TimeSpan.Zero);
        TimeSpan? shown = null;
        foreach (var (ended, at) in Ends())
        {
            // Redrawn every second up to the end, then the end's new estimate.
            for (var t = at - TimeSpan.FromSeconds(39); t < at; t += TimeSpan.FromSeconds(1))
            {
                if (eta.Left(t) is { } before)
                {
                    Assert.True(shown is null || before <= shown, $"{before} after {shown} at {t}");
                    shown = before;
                }
            }

            eta.RowEnded(RowWork, RowWork, at, 20 - ended, parallel: null);
            Assert.True(shown is null || eta.Left(at) <= shown, $"the estimate at {at} jumped from {shown} to {eta.Left(at)}");
            shown = eta.Left(at);
        }
    }

    [Fact]
    public void Rows_an_earlier_run_had_finished_do_not_make_the_rest_look_quick()
    {
        // Resumed: five rows whose tasks ended before this run end at once; 15 rows are left.
        var eta = new BatchEta(TimeSpan.Zero);
        for (var i = 1; i <= 5; i++)
        {
            eta.RowEnded(RowWork, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), 20 - i, parallel: null);
        }

        // The pace of this run said 0.3 s ("0:00 left", then a jump to minutes); a row's work says at least 15 x 120 s / 3.
        Assert.True(eta.Left(TimeSpan.FromMilliseconds(100)) >= TimeSpan.FromMinutes(10), $"{eta.Left(TimeSpan.FromMilliseconds(100))}");
    }

    [Fact]
    public void The_bar_counts_each_event_of_the_state_file_as_it_is_written()
    {
        var output = new RecordingOutput();
        var now = TimeSpan.Zero;
        var earlier = new BatchRowState("r1", 1);
        earlier.Apply(new BatchEvent { Stage = BatchStage.Submitted, Row = "r1", Task = "t1", At = DateTimeOffset.UtcNow });
        var progress = new BatchProgress(output, 3, new[] { earlier }, done: 0, failed: 0, () => now, () => 3);

        progress.Resumed("r1");
        progress.Recorded(new BatchEvent { Stage = BatchStage.Intent, Row = "r2" });
        progress.Recorded(new BatchEvent { Stage = BatchStage.Submitted, Row = "r2", Task = "t2" });
        progress.Recorded(new BatchEvent { Stage = BatchStage.Clicked, Row = "r1", Label = "U1", Tasks = new List<string> { "t3" } });
        now = TimeSpan.FromSeconds(100);
        progress.Done("r1", RowWork, TimeSpan.FromSeconds(100));
        progress.Failed("r2", null, TimeSpan.FromSeconds(100));

        Assert.Equal(new[]
        {
            "0/3 done, 0 failed, 1 running; 1 submitted, 0 clicked",
            "0/3 done, 0 failed, 2 running; 2 submitted, 0 clicked",
            "0/3 done, 0 failed, 2 running; 2 submitted, 1 clicked",
            "1/3 done, 0 failed, 1 running; 2 submitted, 1 clicked; about 1:20 left",
            "1/3 done, 1 failed, 0 running; 2 submitted, 1 clicked; about 0:36 left", // (120 s + 100 s) / 2 rows / 3 at once
        }, output.Progress.Select(p => p.StatusDescription));
        Assert.Equal(66, output.Progress[^1].PercentComplete);
    }
}
