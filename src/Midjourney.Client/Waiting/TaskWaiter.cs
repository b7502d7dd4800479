using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Polls many tasks together (one batch request per round where the server allows), hands each back the moment
/// it ends, and times the next poll by the soonest expected completion (from progress rates), otherwise
/// stretching the interval while nothing happens.
/// </summary>
internal sealed class TaskWaiter
{
    private readonly MjClient _client;

    public TaskWaiter(MjClient client) => _client = client;

    public async IAsyncEnumerable<MjWaitResult> WaitAsync(MjWaitQueue queue, MjWaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options.Validate();
        var pending = new Dictionary<string, Tracked>(StringComparer.Ordinal);
        var order = new List<string>();
        var arrived = new List<string>();
        var time = _client.Time;
        var started = time.GetTimestamp();
        var interval = options.MinPollInterval;
        var failedPolls = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            arrived.Clear();
            var complete = queue.Drain(arrived);
            foreach (var id in arrived)
            {
                if (!pending.ContainsKey(id))
                {
                    pending[id] = new Tracked();
                    order.Add(id);
                }
            }

            if (pending.Count == 0)
            {
                if (complete)
                {
                    yield break;
                }

                await queue.WhenChangedAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            IReadOnlyList<MjTask>? seen = null;
            try
            {
                seen = await _client.GetTasksAsync(order, cancellationToken).ConfigureAwait(false);
                failedPolls = 0;
            }
            catch (Exception e) when (e is MjServerException or MjProtocolException or MjServerBusyException && !cancellationToken.IsCancellationRequested)
            {
                // The tasks live on the server whatever happens here; keep polling through an outage, up to a point.
                if (++failedPolls >= options.MaxFailedPolls)
                {
                    throw;
                }
            }

            var now = time.GetElapsedTime(started);
            var anyEnded = false;
            if (seen is not null)
            {
                var byId = new Dictionary<string, MjTask>(StringComparer.Ordinal);
                foreach (var task in seen)
                {
                    byId[task.Id] = task;
                }

                foreach (var id in order.ToList())
                {
                    var tracked = pending[id];
                    if (!byId.TryGetValue(id, out var task))
                    {
                        if (++tracked.Misses >= options.NotFoundAfter)
                        {
                            Remove(id);
                            yield return new MjWaitResult(id, MjWaitOutcome.NotFound, tracked.Last,
                                new MjNotFoundException($"Task {id} was not found on {_client.BaseAddress}.", id, null, null, null, null));
                        }

                        continue;
                    }

                    tracked.Misses = 0;
                    if (tracked.Last is null || tracked.Last.Status != task.Status || tracked.Last.Progress != task.Progress)
                    {
                        options.Progress?.Report(task);
                    }

                    tracked.Observe(task, now);
                    if (task.Status.EndsWait())
                    {
                        anyEnded = true;
                        Remove(id);
                        yield return new MjWaitResult(id, task.Status == MjTaskStatus.Modal ? MjWaitOutcome.NeedsInput : MjWaitOutcome.Finished, task, null);
                    }
                }
            }

            if (pending.Count == 0)
            {
                continue; // the queue may still bring more ids
            }

            var remaining = options.Timeout is TimeSpan limit ? limit - time.GetElapsedTime(started) : (TimeSpan?)null;
            if (remaining is TimeSpan left && left <= TimeSpan.Zero)
            {
                foreach (var id in order.ToList())
                {
                    var last = pending[id].Last;
                    Remove(id);
                    yield return new MjWaitResult(id, MjWaitOutcome.TimedOut, last, new MjWaitTimeoutException(
                        $"Task {id} did not finish within {options.Timeout!.Value.TotalSeconds:0.###} s (last seen {last?.Status.ToString() ?? "never"}{(last?.Progress is int p ? $" {p}%" : string.Empty)}). It is still running on the server; wait again later.",
                        id, last));
                }

                yield break;
            }

            interval = NextInterval(pending.Values, now, interval, anyEnded, options);
            var delay = remaining is TimeSpan r && r < interval ? r : interval;
            await time.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        void Remove(string id)
        {
            pending.Remove(id);
            order.Remove(id);
        }
    }

    /// <summary>
    /// The soonest expected completion among tasks whose progress is moving (plus a small margin, so the poll
    /// lands just after it), within the min/max bounds; with no estimate, the last interval grown by the backoff.
    /// </summary>
    internal static TimeSpan NextInterval(IEnumerable<Tracked> pending, TimeSpan now, TimeSpan last, bool anyEnded, MjWaitOptions options)
    {
        TimeSpan? soonest = null;
        foreach (var tracked in pending)
        {
            if (tracked.ExpectedEnd(now) is TimeSpan eta && (soonest is null || eta < soonest))
            {
                soonest = eta;
            }
        }

        TimeSpan next;
        if (soonest is TimeSpan expected)
        {
            next = expected + TimeSpan.FromTicks(options.MinPollInterval.Ticks / 2);
        }
        else
        {
            // Nothing to go by: start short after an ending (the queue moves on), then stretch while nothing moves.
            next = anyEnded ? options.MinPollInterval : TimeSpan.FromTicks((long)(last.Ticks * options.Backoff));
        }

        return next < options.MinPollInterval ? options.MinPollInterval : next > options.MaxPollInterval ? options.MaxPollInterval : next;
    }

    /// <summary>What the waiter knows of one task: the last snapshot and how fast its progress moves.</summary>
    internal sealed class Tracked
    {
        private TimeSpan? _rateFrom;
        private int _rateFromProgress;
        private TimeSpan? _lastChange;
        private double? _percentPerSecond;

        public MjTask? Last { get; private set; }

        public int Misses { get; set; }

        public void Observe(MjTask task, TimeSpan now)
        {
            if (task.Status == MjTaskStatus.InProgress && task.Progress is int progress)
            {
                if (_rateFrom is null || progress < _rateFromProgress)
                {
                    _rateFrom = now;
                    _rateFromProgress = progress;
                }
                else if (Last?.Progress != progress && progress > _rateFromProgress)
                {
                    var seconds = (now - _rateFrom.Value).TotalSeconds;
                    if (seconds > 0)
                    {
                        _percentPerSecond = (progress - _rateFromProgress) / seconds;
                    }

                    _lastChange = now;
                }
            }

            Last = task;
        }

        /// <summary>Time until the task should end, from its progress rate; null when unknown or already overdue.</summary>
        public TimeSpan? ExpectedEnd(TimeSpan now)
        {
            if (_percentPerSecond is not double rate || rate <= 0 || Last?.Progress is not int progress || _lastChange is null)
            {
                return null;
            }

            var left = TimeSpan.FromSeconds((100 - progress) / rate) - (now - _lastChange.Value);
            return left > TimeSpan.Zero ? left : null;
        }
    }
}
