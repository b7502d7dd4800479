using System;
using System.Collections.Generic;

namespace Midjourney.Simulator.Engine;

/// <summary>
/// Concurrency slots as an array of "free at" times, plus the start times of tasks still waiting.
/// A task takes the slot that frees first, so its start time is known at submit and tasks start in FIFO order.
/// Not thread-safe: the engine calls it under its lock.
/// </summary>
internal sealed class SlotScheduler
{
    private readonly long[] _freeAt;
    private readonly Queue<long> _waitingStarts = new();

    public SlotScheduler(int slots) => _freeAt = new long[slots];

    public int Slots => _freeAt.Length;

    /// <summary>Tasks that got a start time later than <paramref name="now"/>.</summary>
    public int Waiting(long now)
    {
        // Start times are non-decreasing, so the ones that passed are at the front.
        while (_waitingStarts.Count > 0 && _waitingStarts.Peek() <= now) _waitingStarts.Dequeue();
        return _waitingStarts.Count;
    }

    /// <summary>Slots busy at <paramref name="now"/>: a slot is booked without gaps from now to its free-at time.</summary>
    public int Busy(long now)
    {
        int busy = 0;
        foreach (long freeAt in _freeAt)
        {
            if (freeAt > now) busy++;
        }

        return busy;
    }

    /// <summary>Finds the earliest slot; false when all slots are busy and <paramref name="queueLimit"/> tasks already wait.</summary>
    public bool TryReserve(long now, int queueLimit, out int slot, out long startAt, out int ahead)
    {
        slot = 0;
        for (int i = 1; i < _freeAt.Length; i++)
        {
            if (_freeAt[i] < _freeAt[slot]) slot = i;
        }

        startAt = Math.Max(now, _freeAt[slot]);
        ahead = Waiting(now);
        return startAt <= now || ahead < queueLimit;
    }

    /// <summary>Books the slot until <paramref name="endAt"/>.</summary>
    public void Commit(int slot, long startAt, long endAt, long now)
    {
        _freeAt[slot] = endAt;
        if (startAt > now) _waitingStarts.Enqueue(startAt);
    }

    /// <summary>
    /// Gives back what a cancelled task held at <paramref name="now"/>: its place in the queue when it had not started
    /// (as the real proxies take a cancelled task out of their queue), and its slot from its start on, unless a later
    /// task already booked the slot after <paramref name="bookedEnd"/>. Tasks booked after it keep their start times.
    /// </summary>
    public void Release(int slot, long startAt, long bookedEnd, long now)
    {
        if (startAt > now) ForgetWaiting(startAt);
        if (slot >= 0 && slot < _freeAt.Length && _freeAt[slot] == bookedEnd) _freeAt[slot] = Math.Max(now, startAt);
    }

    /// <summary>Takes one waiting start time out of the queue (it holds at most the queue limit, so a rebuild is cheap).</summary>
    private void ForgetWaiting(long startAt)
    {
        bool removed = false;
        int count = _waitingStarts.Count;
        for (int i = 0; i < count; i++)
        {
            long start = _waitingStarts.Dequeue();
            if (!removed && start == startAt)
            {
                removed = true;
                continue;
            }

            _waitingStarts.Enqueue(start);
        }
    }

    public void Clear()
    {
        Array.Clear(_freeAt);
        _waitingStarts.Clear();
    }
}
