using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Midjourney.Bench;

/// <summary>What one script saw: every task id it got back, when each was seen to end, and every refused submit.</summary>
public sealed class RunMetrics
{
    private readonly ConcurrentDictionary<string, bool> _finished = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _submitErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latenciesMs = new();
    private int _inFlight;
    private int _succeeded;
    private int _failed;
    private int _promptsCompleted;
    private int _completionsAt10;
    private int _submitCalls;

    /// <summary>Tasks submitted and not yet seen to end.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Distinct task ids the script got back from the server.</summary>
    public int Known => _finished.Count;

    public int Succeeded => _succeeded;

    public int Failed => _failed;

    public int PromptsCompleted => _promptsCompleted;

    public int CompletionsAt10 => _completionsAt10;

    /// <summary>Submit calls the script made (imagine + clicks): the first attempt of each submit.</summary>
    public int SubmitCalls => _submitCalls;

    /// <summary>Known ids never seen to end.</summary>
    public int Lost => _finished.Count(p => !p.Value);

    public IReadOnlyDictionary<string, int> SubmitErrors => _submitErrors;

    public int SubmitErrorCount => _submitErrors.Values.Sum();

    /// <summary>Detection latencies (client saw it − server finishTime), in milliseconds of wall time.</summary>
    public IReadOnlyCollection<double> LatenciesMs => _latenciesMs;

    public void SubmitCalled() => Interlocked.Increment(ref _submitCalls);

    public void Submitted(string id)
    {
        if (_finished.TryAdd(id, false)) Interlocked.Increment(ref _inFlight);
    }

    public void SubmitFailed(string why) => _submitErrors.AddOrUpdate(why, 1, (_, n) => n + 1);

    /// <summary>Records that the script saw a task end (once per id; later sightings are ignored).</summary>
    public void Ended(string id, bool success, bool isUpscale, DateTimeOffset? finishTime, DateTimeOffset seenAt)
    {
        if (!_finished.TryUpdate(id, true, false)) return;
        var before = Interlocked.Decrement(ref _inFlight) + 1;
        if (before >= 10) Interlocked.Increment(ref _completionsAt10);
        if (success) Interlocked.Increment(ref _succeeded);
        else Interlocked.Increment(ref _failed);
        if (success && isUpscale) Interlocked.Increment(ref _promptsCompleted);
        if (finishTime is DateTimeOffset finished) _latenciesMs.Add(Math.Max(0, (seenAt - finished).TotalMilliseconds));
    }

    public double Percentile(double p)
    {
        var sorted = _latenciesMs.OrderBy(x => x).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
