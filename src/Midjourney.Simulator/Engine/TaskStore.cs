using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Midjourney.Simulator.Engine;

/// <summary>
/// All tasks by id (lock-free reads for fetch) plus their submit order (for list and eviction).
/// Memory bound: past <c>MaxTasks</c> the oldest finished task is evicted; if none has finished, the oldest task is.
/// </summary>
internal sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, SimTask> _byId = new();
    private readonly LinkedList<SimTask> _order = new();
    private readonly object _gate = new();
    private readonly int _maxTasks;
    private long _evictedBusyMs;

    public TaskStore(int maxTasks) => _maxTasks = maxTasks;

    public int Count => _byId.Count;

    public SimTask? Get(string id) => _byId.TryGetValue(id, out SimTask? task) ? task : null;

    public void Add(SimTask task, long now)
    {
        lock (_gate)
        {
            _byId[task.Id] = task;
            _order.AddLast(task);
            while (_order.Count > _maxTasks) EvictOne(now);
        }
    }

    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    public List<SimTask> Newest(int limit)
    {
        lock (_gate)
        {
            var list = new List<SimTask>(System.Math.Min(limit, _order.Count));
            for (LinkedListNode<SimTask>? node = _order.Last; node is not null && list.Count < limit; node = node.Previous) list.Add(node.Value);
            return list;
        }
    }

    /// <summary>Oldest first.</summary>
    public List<SimTask> All()
    {
        lock (_gate) return new List<SimTask>(_order);
    }

    /// <summary>Sum of busy slot time of stored and evicted tasks, in milliseconds.</summary>
    public long BusyMs(long now)
    {
        lock (_gate)
        {
            long sum = _evictedBusyMs;
            foreach (SimTask task in _order) sum += task.Schedule.BusyMs(now);
            return sum;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byId.Clear();
            _order.Clear();
            _evictedBusyMs = 0;
        }
    }

    private void EvictOne(long now)
    {
        LinkedListNode<SimTask>? victim = null;
        int scanned = 0;
        for (LinkedListNode<SimTask>? node = _order.First; node is not null && scanned < 4096; node = node.Next, scanned++)
        {
            if (node.Value.StateAt(now).IsTerminal)
            {
                victim = node;
                break;
            }
        }

        victim ??= _order.First!;
        _evictedBusyMs += victim.Value.Schedule.BusyMs(now);
        _order.Remove(victim);
        _byId.TryRemove(victim.Value.Id, out _);
    }
}
