namespace Midjourney.Client;

/// <summary>
/// A snapshot of what one <see cref="MjClient"/> knows about its account's load (<see cref="MjClient.Load"/>): how many
/// of its tasks the server holds, how many the account takes at once, and whether submits are held back. A batch
/// runner spreads work over several clients by <see cref="FreeSlots"/>. Read-only; take a new one to see changes.
/// </summary>
public sealed class MjLoad
{
    internal MjLoad(int inFlight, int? capacity, int? concurrency, int submitting, int waitingSubmits, bool submitsPaused)
    {
        InFlight = inFlight;
        Capacity = capacity;
        Concurrency = concurrency;
        Submitting = submitting;
        WaitingSubmits = waitingSubmits;
        SubmitsPaused = submitsPaused;
    }

    /// <summary>Tasks this client submitted that the server accepted and that have not yet been seen to end.</summary>
    public int InFlight { get; }

    /// <summary>
    /// How many tasks the account holds at once (running and queued), learnt from a full-queue answer
    /// (code 23, 9 with the queue-full text, or 30 with HTTP 429); null until the server has said so.
    /// </summary>
    public int? Capacity { get; }

    /// <summary>How many tasks the account runs at once, estimated from a queue position (code 22); null until then.</summary>
    public int? Concurrency { get; }

    /// <summary>Submits on the wire right now (sent, answer not yet read).</summary>
    public int Submitting { get; }

    /// <summary>Submits waiting for their turn (a slot, or the end of a pause).</summary>
    public int WaitingSubmits { get; }

    /// <summary>
    /// Room for more submits: <see cref="Capacity"/> minus the tasks in flight and the submits on the wire (never
    /// below zero); null while the capacity is unknown (then submits go through, at most two at a time).
    /// </summary>
    public int? FreeSlots => Capacity is int capacity ? System.Math.Max(0, capacity - InFlight - Submitting) : null;

    /// <summary>True while submits wait out a rate limit (HTTP 429) or a back-off after a full queue.</summary>
    public bool SubmitsPaused { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"in flight {InFlight}, capacity {Capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, free {FreeSlots?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, "
        + $"submitting {Submitting}, waiting {WaitingSubmits}{(SubmitsPaused ? ", paused" : string.Empty)}";
}
