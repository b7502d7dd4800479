using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Bench;

/// <summary>The ids the user script is waiting for; new ids wake a waiter that has nothing to poll.</summary>
public sealed class WaitSet
{
    private readonly object _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _upscales = new(StringComparer.Ordinal);
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(string id, bool isUpscale)
    {
        lock (_gate)
        {
            _ids.Add(id);
            if (isUpscale) _upscales.Add(id);
            _added.TrySetResult();
        }
    }

    public bool IsUpscale(string id)
    {
        lock (_gate) return _upscales.Contains(id);
    }

    public void Remove(string id)
    {
        lock (_gate) _ids.Remove(id);
    }

    public List<string> Snapshot()
    {
        lock (_gate)
        {
            if (_ids.Count == 0 && _added.Task.IsCompleted) _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _ids.ToList();
        }
    }

    /// <summary>Completes when an id is added after the last empty <see cref="Snapshot"/>.</summary>
    public Task Added
    {
        get
        {
            lock (_gate) return _added.Task;
        }
    }
}
