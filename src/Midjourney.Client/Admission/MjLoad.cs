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
    /// How many tasks the account holds at once (running and queued): the pool's own, read from its account list when
    /// the key may read it, else learnt from a full-queue answer (code 23, 9 with the queue-full text, or 30 with HTTP
    /// 429); null until either has said. <see cref="CapacitySource"/> tells which.
    /// </summary>
    public int? Capacity { get; }

    /// <summary>Where <see cref="Capacity"/> came from.</summary>
    public MjCapacitySource CapacitySource { get; internal init; }

    /// <summary>The last read of the pool's account list, when the key may read it (also after a full queue overrode it).</summary>
    public MjPoolCapacity? Pool { get; internal init; }

    /// <summary>The capacity and its source in words: "26 (from the accounts: 2 of 4 usable)", "13 (learnt from a full queue)".</summary>
    public string CapacityText => Capacity switch
    {
        int capacity when SourceText(CapacitySource, Pool) is { } source => $"{capacity} ({source})",
        int capacity => capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Pool is { UsableAccounts: 0 } empty ? $"none (no usable account of {empty.Accounts})" : "unknown",
    };

    /// <summary>
    /// Where a capacity came from, in words ("from the accounts: 2 of 4 usable", "learnt from a full queue"); null when
    /// nothing has said. The one wording of the sources: <see cref="CapacityText"/> and a waiting submit's reason use it.
    /// </summary>
    internal static string? SourceText(MjCapacitySource source, MjPoolCapacity? pool) => source switch
    {
        MjCapacitySource.Accounts => $"from the accounts: {pool?.UsableAccounts} of {pool?.Accounts} usable",
        MjCapacitySource.QueueFull => $"learnt from a full queue{(pool is { } known ? $"; the accounts say {known.Capacity}" : string.Empty)}",
        _ => null,
    };

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
        $"in flight {InFlight}, capacity {CapacityText}, free {FreeSlots?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, "
        + $"submitting {Submitting}, waiting {WaitingSubmits}{(SubmitsPaused ? ", paused" : string.Empty)}";
}

/// <summary>Where a client's capacity (<see cref="MjLoad.Capacity"/>) came from.</summary>
public enum MjCapacitySource
{
    /// <summary>Nothing has said yet.</summary>
    Unknown,

    /// <summary>The pool's account list: the sum of CoreSize + QueueSize over its usable accounts.</summary>
    Accounts,

    /// <summary>A full-queue refusal: the tasks of this client the server held at that moment.</summary>
    QueueFull,
}
