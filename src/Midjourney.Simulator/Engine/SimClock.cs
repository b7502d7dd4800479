using System;
using System.Diagnostics;

namespace Midjourney.Simulator.Engine;

/// <summary>Wall-clock epoch milliseconds that never go backwards (anchored once, then advanced by a monotonic stopwatch).</summary>
internal sealed class SimClock
{
    private readonly long _anchorMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private readonly long _anchorTicks = Stopwatch.GetTimestamp();

    public long NowMs() => _anchorMs + (long)Stopwatch.GetElapsedTime(_anchorTicks).TotalMilliseconds;
}
