using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>One server (connection) the batch sends rows to.</summary>
internal sealed class BatchLane
{
    /// <summary>Creates a lane.</summary>
    public BatchLane(string server, IBatchLoad load)
    {
        Server = server;
        Load = load;
    }

    /// <summary>The server's address, as the state file records it.</summary>
    public string Server { get; }

    /// <summary>What is known of the server's load.</summary>
    public IBatchLoad Load { get; }

    /// <summary>Rows of this batch in flight on the lane.</summary>
    public int InFlight { get; internal set; }
}

/// <summary>
/// Hands out lanes to rows: a row takes the lane with the most room, where room is the lane's free slots (when the
/// load knows them) bounded by -MaxInFlight less the batch's own rows there; a paused lane has none. Rows wait in
/// order for a release (or <see cref="Changed"/>). No clock: tests drive it by taking and releasing.
/// </summary>
internal sealed class BatchScheduler
{
    private readonly object _gate = new();
    private readonly List<BatchLane> _lanes;
    private readonly int _maxInFlight;
    private readonly LinkedList<Waiter> _waiters = new();

    /// <summary>Creates the scheduler over <paramref name="lanes"/>, each bounded by <paramref name="maxInFlight"/>.</summary>
    public BatchScheduler(IEnumerable<BatchLane> lanes, int maxInFlight)
    {
        _lanes = lanes.ToList();
        if (_lanes.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one server.", nameof(lanes));
        }

        _maxInFlight = maxInFlight > 0 ? maxInFlight : throw new ArgumentOutOfRangeException(nameof(maxInFlight));
    }

    /// <summary>The lanes.</summary>
    public IReadOnlyList<BatchLane> Lanes => _lanes;

    /// <summary>Rows in flight on every lane.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Sum(l => l.InFlight);
            }
        }
    }

    /// <summary>The room a lane has now.</summary>
    public int Room(BatchLane lane)
    {
        var own = _maxInFlight - lane.InFlight;

        // A lane with none of this batch's rows gets no Release to look again, so it always lets one row go: the
        // client's own admission makes that submit wait for the pause or a free slot.
        var probe = lane.InFlight == 0 ? Math.Min(1, own) : 0;
        if (lane.Load.Paused)
        {
            return probe;
        }

        return lane.Load.FreeSlots is int free ? Math.Max(probe, Math.Min(own, free)) : own;
    }

    /// <summary>Takes a lane now (only <paramref name="server"/>'s when given); null when none has room or others wait first.</summary>
    public BatchLane? TryTake(string? server = null)
    {
        lock (_gate)
        {
            return _waiters.Count == 0 ? TakeLocked(server) : null;
        }
    }

    /// <summary>
    /// Waits for a lane (only <paramref name="server"/>'s when given), in order of asking; a row pinned to a busy
    /// server does not hold up rows that may go anywhere.
    /// </summary>
    public Task<BatchLane> TakeAsync(string? server, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(server);
        LinkedListNode<Waiter> node;
        lock (_gate)
        {
            node = _waiters.AddLast(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (node.List is not null)
                    {
                        _waiters.Remove(node);
                    }
                }

                waiter.Source.TrySetCanceled(cancellationToken);
            });
        }

        Changed();
        return waiter.Source.Task;
    }

    /// <summary>A row left the lane: its room goes to the next waiting row.</summary>
    public void Release(BatchLane lane)
    {
        lock (_gate)
        {
            if (lane.InFlight > 0)
            {
                lane.InFlight--;
            }
        }

        Changed();
    }

    /// <summary>A lane's load changed (more free slots, no longer paused): hands room to waiting rows.</summary>
    public void Changed()
    {
        var granted = new List<(Waiter Waiter, BatchLane Lane)>();
        lock (_gate)
        {
            var node = _waiters.First;
            while (node is not null)
            {
                var next = node.Next;
                if (TakeLocked(node.Value.Server) is { } lane)
                {
                    _waiters.Remove(node);
                    granted.Add((node.Value, lane));
                }
                else if (node.Value.Server is null)
                {
                    break; // no lane has room: later rows wait behind this one
                }

                node = next;
            }
        }

        foreach (var (waiter, lane) in granted)
        {
            waiter.Registration.Dispose();
            if (!waiter.Source.TrySetResult(lane))
            {
                Release(lane); // cancelled meanwhile: give the room back
            }
        }
    }

    private BatchLane? TakeLocked(string? server)
    {
        BatchLane? best = null;
        var bestRoom = 0;
        foreach (var lane in _lanes)
        {
            if (server is not null && !string.Equals(lane.Server, server, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var room = Room(lane);
            if (room > bestRoom)
            {
                best = lane;
                bestRoom = room;
            }
        }

        if (best is not null)
        {
            best.InFlight++;
        }

        return best;
    }

    private sealed class Waiter
    {
        public Waiter(string? server) => Server = server;

        public string? Server { get; }

        public TaskCompletionSource<BatchLane> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
