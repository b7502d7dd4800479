using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Midjourney.Simulator.Engine;

/// <summary>Lock-free counters behind <c>/sim/stats</c>.</summary>
internal sealed class SimCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _routes = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> _faults = new();
    private long _submitsAccepted;
    private long _tasksCreated;

    public long SubmitsAccepted => Interlocked.Read(ref _submitsAccepted);
    public long TasksCreated => Interlocked.Read(ref _tasksCreated);

    public void CountRoute(string route) => Interlocked.Increment(ref _routes.GetOrAdd(route, static _ => new StrongBox<long>()).Value);
    public void CountFault(string kind) => Interlocked.Increment(ref _faults.GetOrAdd(kind, static _ => new StrongBox<long>()).Value);
    public void CountSubmitAccepted() => Interlocked.Increment(ref _submitsAccepted);
    public void CountTaskCreated() => Interlocked.Increment(ref _tasksCreated);

    public Dictionary<string, long> Routes() => Snapshot(_routes);
    public Dictionary<string, long> Faults() => Snapshot(_faults);

    public void Clear()
    {
        _routes.Clear();
        _faults.Clear();
        Interlocked.Exchange(ref _submitsAccepted, 0);
        Interlocked.Exchange(ref _tasksCreated, 0);
    }

    private static Dictionary<string, long> Snapshot(ConcurrentDictionary<string, StrongBox<long>> source)
    {
        var copy = new Dictionary<string, long>();
        foreach (KeyValuePair<string, StrongBox<long>> pair in source) copy[pair.Key] = Interlocked.Read(ref pair.Value.Value);
        return copy;
    }
}
