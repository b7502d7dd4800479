namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>
/// What the batch scheduler knows of one server's load besides its own rows in flight. Today the batch counts only
/// its own rows (<see cref="OwnCountLoad"/>); an adapter over the client's learnt load (free slots, paused while the
/// queue is full) plugs in here without changing the scheduler. Call <see cref="BatchScheduler.Changed"/> when it changes.
/// </summary>
internal interface IBatchLoad
{
    /// <summary>Free slots the server is known to have; null when unknown (then only -MaxInFlight bounds the lane).</summary>
    int? FreeSlots { get; }

    /// <summary>True while the server asks for nothing new (queue full, back-off).</summary>
    bool Paused { get; }
}

/// <summary>No knowledge of the server: the lane is bounded by the batch's own count and -MaxInFlight alone.</summary>
internal sealed class OwnCountLoad : IBatchLoad
{
    /// <summary>The one instance.</summary>
    public static readonly OwnCountLoad Instance = new();

    /// <inheritdoc />
    public int? FreeSlots => null;

    /// <inheritdoc />
    public bool Paused => false;
}
