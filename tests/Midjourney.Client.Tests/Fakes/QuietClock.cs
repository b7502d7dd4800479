using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Midjourney.Client.Tests.Fakes;

/// <summary>
/// A fake clock that moves only when the test says the client is quiet (nothing can happen without time passing),
/// and then straight to the next timer the client set. No step size, no race with the machine's speed: the same test
/// sees the same sequence of events on any machine. Wall time is used only to fail a test that never settles.
/// </summary>
public sealed class QuietClock : FakeTimeProvider
{
    private readonly List<Sleep> _sleeps = new();

    public QuietClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Time passed on this clock since it was made.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var sleep = new Sleep(this, base.CreateTimer(callback, state, dueTime, period));
        sleep.Set(dueTime, period);
        lock (_sleeps)
        {
            _sleeps.Add(sleep);
        }

        return sleep;
    }

    /// <summary>
    /// Runs <paramref name="work"/> to its end: each time <paramref name="quiet"/> holds, moves time to the next timer.
    /// Fails when the work waits for nothing (a lost wake-up) or takes more than <paramref name="limit"/> of fake time.
    /// </summary>
    public async Task DriveAsync(Task work, Func<bool> quiet, TimeSpan limit)
    {
        await DriveUntilAsync(() => work.IsCompleted, () => work.IsCompleted || quiet(), limit);
        await work;
    }

    /// <summary>Moves time as <see cref="DriveAsync"/> does until <paramref name="done"/> holds when the client is quiet.</summary>
    public async Task DriveUntilAsync(Func<bool> done, Func<bool> quiet, TimeSpan limit)
    {
        while (true)
        {
            await SettleAsync(quiet);
            if (done())
            {
                return;
            }

            var next = NextDue() ?? throw new InvalidOperationException($"At fake time {Elapsed} the client is quiet with no timer set, yet the work has not ended: a lost wake-up.");
            if (next - Start > limit)
            {
                throw new TimeoutException($"The work did not end within {limit} of fake time.");
            }

            SetUtcNow(next);
        }
    }

    /// <summary>Waits (without moving time) until <paramref name="quiet"/> holds; fails after a minute of wall time.</summary>
    public static async Task SettleAsync(Func<bool> quiet)
    {
        var settling = Stopwatch.StartNew();
        while (!quiet())
        {
            if (settling.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException("The client never settled.");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>The next timer the client set, or null.</summary>
    public DateTimeOffset? NextDue()
    {
        var now = GetUtcNow();
        lock (_sleeps)
        {
            _sleeps.RemoveAll(s => s.Disposed || s.Due <= now && s.Period == Timeout.InfiniteTimeSpan);
            return _sleeps.Count == 0 ? null : _sleeps.Min(s => s.Due);
        }
    }

    private sealed class Sleep(QuietClock clock, ITimer inner) : ITimer
    {
        public DateTimeOffset Due { get; private set; } = DateTimeOffset.MaxValue;

        public TimeSpan Period { get; private set; } = Timeout.InfiniteTimeSpan;

        public bool Disposed { get; private set; }

        public void Set(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + dueTime;
            Period = period;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Set(dueTime, period);
            return inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disposed = true;
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return inner.DisposeAsync();
        }
    }
}
