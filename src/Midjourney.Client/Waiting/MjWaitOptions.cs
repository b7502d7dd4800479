using System;

namespace Midjourney.Client;

/// <summary>How to wait for tasks.</summary>
public sealed class MjWaitOptions
{
    /// <summary>The overall deadline; null waits until every task ends (or the token is cancelled).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The poll interval after a change is seen, and the first one (default 2 s).</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The interval grows while nothing changes, up to this (default 10 s).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When progress rates say when a running task should end, the next poll may wait for that moment up to this long,
    /// beyond <see cref="MaxPollInterval"/> (default 60 s): a running task is then polled about once, just after it
    /// should end. Set it to <see cref="MaxPollInterval"/> or less to never wait longer than that.
    /// </summary>
    public TimeSpan EstimateHorizon { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How much the interval grows after a poll that saw no change (default 1.5).</summary>
    public double Backoff { get; set; } = 1.5;

    /// <summary>Consecutive polls in which a task is missing before it is reported not found (default 3).</summary>
    public int NotFoundAfter { get; set; } = 3;

    /// <summary>Consecutive failed polls (server unreachable after retries) before the wait gives up (default 5).</summary>
    public int MaxFailedPolls { get; set; } = 5;

    /// <summary>Receives every changed snapshot of a task (status or progress), from a background thread.</summary>
    public IProgress<MjTask>? Progress { get; set; }

    internal void Validate()
    {
        if (MinPollInterval <= TimeSpan.Zero || MaxPollInterval < MinPollInterval)
        {
            throw new ArgumentException("Poll intervals must be positive, with MaxPollInterval >= MinPollInterval.");
        }

        if (Backoff < 1.0 || NotFoundAfter < 1 || MaxFailedPolls < 1)
        {
            throw new ArgumentException("Backoff must be >= 1; NotFoundAfter and MaxFailedPolls must be >= 1.");
        }

        if (EstimateHorizon < TimeSpan.Zero)
        {
            throw new ArgumentException("EstimateHorizon cannot be negative.");
        }

        if (Timeout is TimeSpan t && t < TimeSpan.Zero)
        {
            throw new ArgumentException("Timeout cannot be negative.");
        }
    }
}
