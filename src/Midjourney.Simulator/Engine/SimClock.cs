using System;

namespace Midjourney.Simulator.Engine;

/// <summary>
/// Epoch milliseconds that never go backwards (anchored once, then advanced by the provider's monotonic timestamp).
/// The provider is <see cref="TimeProvider.System"/> in production; tests pass a fake one and move time themselves.
/// </summary>
internal sealed class SimClock
{
    private readonly TimeProvider _time;
    private readonly long _anchorMs;
    private readonly long _anchorTicks;

    public SimClock(TimeProvider time)
    {
        _time = time;
        _anchorMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        _anchorTicks = time.GetTimestamp();
    }

    /// <summary>The provider behind this clock (timers and delays of the same instance use it too).</summary>
    public TimeProvider Time => _time;

    public long NowMs() => _anchorMs + (long)_time.GetElapsedTime(_anchorTicks).TotalMilliseconds;
}
