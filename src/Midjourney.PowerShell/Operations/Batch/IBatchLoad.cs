using Midjourney.Client;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>
/// What the batch scheduler knows of one server's load besides its own rows in flight: the client's learnt load
/// (<see cref="ClientLoad"/>), or nothing (<see cref="OwnCountLoad"/>, tests).
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

/// <summary>
/// The client's learnt load (<see cref="MjClient.Load"/>): free slots once a full queue has taught it the account's
/// capacity, and paused while the server asked every submit to wait (a 429).
/// </summary>
internal sealed class ClientLoad : IBatchLoad
{
    private readonly MjClient _client;

    /// <summary>Reads <paramref name="client"/>'s load.</summary>
    public ClientLoad(MjClient client) => _client = client;

    /// <inheritdoc />
    public int? FreeSlots => _client.Load.FreeSlots;

    /// <inheritdoc />
    public bool Paused => _client.Load.SubmitsPaused;
}
