using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Midjourney.Client.Tests.Fakes;

/// <summary>
/// A fake clock for the client's own waiting (shared with the PowerShell and EndToEnd tests) (<see cref="MjClientOptions.TimeProvider"/>). It records every sleep the
/// client starts. With <c>skipSleeps</c> it then moves time by exactly that sleep, so simulated time passes only while
/// the client sleeps and a test of deadlines and intervals runs at full speed on any machine. Without it, time stands
/// still and the test waits for <see cref="NextSleepAsync"/> to act while the client sleeps.
/// </summary>
public sealed class SleepClock : FakeTimeProvider
{
    private readonly bool _skipSleeps;
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public SleepClock(bool skipSleeps)
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
        _skipSleeps = skipSleeps;
    }

    /// <summary>Every sleep started, in order.</summary>
    public ConcurrentQueue<TimeSpan> Sleeps { get; } = new();

    /// <summary>Time passed on this clock since it was made.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>Completes when the client starts its next sleep (generous bound, nothing is timed).</summary>
    public async Task<TimeSpan> NextSleepAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        // Only one-shot timers are sleeps (Task.Delay); periodic ones (a simulator's notifyHook loop) just tick along.
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan && period == Timeout.InfiniteTimeSpan)
        {
            Sleeps.Enqueue(dueTime);
            _started.Writer.TryWrite(dueTime);

            // Moved from another thread: the sleeper has its timer by then, and the timer fires as time reaches it.
            if (_skipSleeps) ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
