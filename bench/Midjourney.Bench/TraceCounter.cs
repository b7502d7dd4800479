using System.Threading;

namespace Midjourney.Bench;

/// <summary>Counts the client's MjClientOptions.Trace lines that mark a request repeated after a failure.</summary>
public sealed class TraceCounter
{
    private int _pollyRetries;
    private int _busyRounds;
    private int _resubmits;
    private int _recovered;

    /// <summary>"retry N after ...": the transport sent an attempt again (reads and submits).</summary>
    public int PollyRetries => _pollyRetries;

    /// <summary>"server busy, submitting again ...": a queue-full submit waited and started over.</summary>
    public int BusyRounds => _busyRounds;

    /// <summary>"resubmitting: ...": the task list proved a lost submit created nothing.</summary>
    public int Resubmits => _resubmits;

    /// <summary>"recovered task ...": a lost submit answer was found in the task list.</summary>
    public int Recovered => _recovered;

    public void Line(string line)
    {
        if (line.StartsWith("retry ", System.StringComparison.Ordinal)) Interlocked.Increment(ref _pollyRetries);
        else if (line.StartsWith("server busy", System.StringComparison.Ordinal)) Interlocked.Increment(ref _busyRounds);
        else if (line.StartsWith("resubmitting", System.StringComparison.Ordinal)) Interlocked.Increment(ref _resubmits);
        else if (line.StartsWith("recovered task", System.StringComparison.Ordinal)) Interlocked.Increment(ref _recovered);
    }
}
