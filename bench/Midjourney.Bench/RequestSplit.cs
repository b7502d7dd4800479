namespace Midjourney.Bench;

/// <summary>
/// HTTP requests of one run split into first attempts of submits, first attempts of polls, and retries
/// (everything else: a request sent again, or a task-list lookup after a lost answer).
/// </summary>
public sealed record RequestSplit(long Submits, long Polls, long Retries, long PollsAt10, long Total)
{
    /// <summary>Every submit request on the wire, first attempts and repeats alike (queue-full rounds included).</summary>
    public long WireSubmits { get; init; }

    /// <summary>Every poll request on the wire (list-by-condition and fetch), retries included.</summary>
    public long WirePolls { get; init; }

    /// <summary>
    /// Ours. Submit retries are exact: submit requests on the wire minus the submit calls the script made. Read
    /// retries come from the client's Trace "retry" lines minus the ones that were submit retries (submit retries
    /// minus queue-full rounds and proven resubmits, which log their own lines). Task-list lookups are all retries.
    /// </summary>
    public static RequestSplit ForClient(RequestCounter wire, TraceCounter trace, int submitCalls)
    {
        var submitRetries = wire.Submits - submitCalls;
        var submitPollyRetries = submitRetries - trace.BusyRounds - trace.Resubmits;
        var readRetries = trace.PollyRetries - submitPollyRetries;
        var pollFirst = wire.Polls - readRetries;
        return new RequestSplit(submitCalls, pollFirst, wire.Total - submitCalls - pollFirst, wire.PollsAt10, wire.Total)
        {
            WireSubmits = wire.Submits,
            WirePolls = wire.Polls,
        };
    }
}
