using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Polls many tasks together (one batch request per round where the server allows), hands each back the moment
/// it ends, and stretches the interval while nothing changes.
/// </summary>
internal sealed class TaskWaiter
{
    private readonly MjClient _client;

    public TaskWaiter(MjClient client) => _client = client;

    public async IAsyncEnumerable<MjWaitResult> WaitAsync(IReadOnlyList<string> taskIds, MjWaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options.Validate();
        var pending = new Dictionary<string, Tracked>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var id in taskIds)
        {
            if (!pending.ContainsKey(id))
            {
                pending[id] = new Tracked();
                order.Add(id);
            }
        }

        var clock = Stopwatch.StartNew();
        var interval = options.MinPollInterval;
        var failedPolls = 0;
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<MjTask>? seen = null;
            try
            {
                seen = await _client.GetTasksAsync(order.Where(pending.ContainsKey).ToList(), cancellationToken).ConfigureAwait(false);
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

            var changed = false;
            if (seen is not null)
            {
                var byId = new Dictionary<string, MjTask>(StringComparer.Ordinal);
                foreach (var task in seen)
                {
                    byId[task.Id] = task;
                }

                foreach (var id in order.Where(pending.ContainsKey).ToList())
                {
                    var tracked = pending[id];
                    if (!byId.TryGetValue(id, out var task))
                    {
                        if (++tracked.Misses >= options.NotFoundAfter)
                        {
                            pending.Remove(id);
                            yield return new MjWaitResult(id, MjWaitOutcome.NotFound, tracked.Last,
                                new MjNotFoundException($"Task {id} was not found on {_client.BaseAddress}.", id, null, null, null, null));
                        }

                        continue;
                    }

                    tracked.Misses = 0;
                    if (tracked.Last is null || tracked.Last.Status != task.Status || tracked.Last.Progress != task.Progress)
                    {
                        changed = true;
                        options.Progress?.Report(task);
                    }

                    tracked.Last = task;
                    if (task.Status.EndsWait())
                    {
                        pending.Remove(id);
                        yield return new MjWaitResult(id, task.Status == MjTaskStatus.Modal ? MjWaitOutcome.NeedsInput : MjWaitOutcome.Finished, task, null);
                    }
                }
            }

            if (pending.Count == 0)
            {
                yield break;
            }

            var remaining = options.Timeout is TimeSpan limit ? limit - clock.Elapsed : (TimeSpan?)null;
            if (remaining is TimeSpan left && left <= TimeSpan.Zero)
            {
                foreach (var id in order.Where(pending.ContainsKey).ToList())
                {
                    var last = pending[id].Last;
                    pending.Remove(id);
                    yield return new MjWaitResult(id, MjWaitOutcome.TimedOut, last, new MjWaitTimeoutException(
                        $"Task {id} did not finish within {options.Timeout!.Value.TotalSeconds:0.###} s (last seen {last?.Status.ToString() ?? "never"}{(last?.Progress is int p ? $" {p}%" : string.Empty)}). It is still running on the server; wait again later.",
                        id, last));
                }

                yield break;
            }

            interval = changed ? options.MinPollInterval : Grow(interval, options);
            var delay = remaining is TimeSpan r && r < interval ? r : interval;
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Grow(TimeSpan interval, MjWaitOptions options)
    {
        var next = TimeSpan.FromTicks((long)(interval.Ticks * options.Backoff));
        return next > options.MaxPollInterval ? options.MaxPollInterval : next;
    }

    private sealed class Tracked
    {
        public MjTask? Last { get; set; }

        public int Misses { get; set; }
    }
}
