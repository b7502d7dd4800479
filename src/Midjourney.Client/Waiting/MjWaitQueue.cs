using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Task ids to wait for that arrive while the wait is running (a pipeline that submits and waits at once).
/// Add ids as they are submitted, then <see cref="Complete"/>; <see cref="MjClient.WaitAllAsync(MjWaitQueue, MjWaitOptions?, CancellationToken)"/>
/// ends when every id added has ended.
/// </summary>
public sealed class MjWaitQueue
{
    private readonly object _gate = new();
    private readonly List<string> _added = new();
    private TaskCompletionSource<bool> _signal = NewSignal();
    private bool _completed;

    /// <summary>Adds an id to wait for. Throws after <see cref="Complete"/>.</summary>
    public void Add(string taskId)
    {
        if (string.IsNullOrWhiteSpace(taskId))
        {
            throw new ArgumentException("A task id is required.", nameof(taskId));
        }

        TaskCompletionSource<bool> signal;
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The wait queue is complete; no more ids can be added.");
            }

            _added.Add(taskId);
            signal = _signal;
            _signal = NewSignal();
        }

        signal.TrySetResult(true);
    }

    /// <summary>Says that no more ids will be added.</summary>
    public void Complete()
    {
        TaskCompletionSource<bool> signal;
        lock (_gate)
        {
            _completed = true;
            signal = _signal;
        }

        signal.TrySetResult(true);
    }

    /// <summary>Moves the ids added since the last call into <paramref name="into"/>; true when the queue is complete.</summary>
    internal bool Drain(ICollection<string> into)
    {
        lock (_gate)
        {
            foreach (var id in _added)
            {
                into.Add(id);
            }

            _added.Clear();
            return _completed;
        }
    }

    /// <summary>Completes when an id is added or the queue is completed.</summary>
    internal Task WhenChangedAsync(CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (_added.Count > 0 || _completed)
            {
                return Task.CompletedTask;
            }

            signal = _signal.Task;
        }

        return signal.IsCompleted ? signal : WaitAsync(signal, cancellationToken);
    }

    private static async Task WaitAsync(Task signal, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetCanceled()))
        {
            await (await Task.WhenAny(signal, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
