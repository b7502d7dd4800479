using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;

namespace Midjourney.Bench;

/// <summary>
/// The user's script, through our client: <c>Get-Content prompts.txt | New-MjImagine | Wait-MjTask |
/// Invoke-MjButton -Label U1 | Wait-MjTask</c>, streamed: prompts are submitted one after another into an
/// <see cref="MjWaitQueue"/>, one long-lived WaitAllAsync batch-polls everything in it, each finished grid gets its
/// U1 click at once, and the upscales join the same queue. Every client delay is the library default scaled by the
/// time scale.
/// </summary>
public sealed class OursScript : IOursScript
{
    private readonly BenchOptions _o;
    private readonly RunMetrics _metrics;
    private readonly SemaphoreSlim? _window;
    private readonly ConcurrentBag<Task> _clicks = new();
    private readonly object _gate = new();
    private MjWaitQueue _queue = new();

    // Ids added to the queue and not yet seen to end: value true for an upscale. Guarded by _gate.
    private readonly Dictionary<string, bool> _pending = new(StringComparer.Ordinal);

    // Who can still add ids: the submit loop (1) plus every grid not yet ended or whose U1 click is running.
    // The queue is completed when this reaches 0. Guarded by _gate.
    private int _feeders = 1;
    private int _waitErrors;

    public OursScript(BenchOptions options, RunMetrics metrics)
    {
        _o = options;
        _metrics = metrics;
        _window = options.EffectiveWindow > 0 ? new SemaphoreSlim(options.EffectiveWindow) : null;
        Trace = new TraceCounter();
    }

    public string Shape => "streamed pipeline";

    public TraceCounter Trace { get; }

    public RequestCounter? Wire { get; private set; }

    /// <summary>WaitAllAsync calls that threw (the server stayed unreachable for MaxFailedPolls polls).</summary>
    public int WaitErrors => _waitErrors;

    /// <summary>The wait options the script uses: the library defaults scaled, or --poll-min/--poll-max. No timeout.</summary>
    public static MjWaitOptions WaitOptions(BenchOptions o) => new()
    {
        MinPollInterval = o.Scaled(o.PollMin),
        MaxPollInterval = o.Scaled(o.PollMax),
    };

    /// <summary>The client options the script uses: every delay of the library defaults scaled by the time scale.</summary>
    public static MjClientOptions ClientOptions(BenchOptions o, Uri server)
    {
        var defaults = new MjClientOptions(server);
        return new MjClientOptions(server)
        {
            RetryBaseDelay = o.Scaled(defaults.RetryBaseDelay),
            MaxRetryDelay = o.Scaled(defaults.MaxRetryDelay),
            QueueFullPatience = o.Scaled(defaults.QueueFullPatience),
            LostAnswerGrace = o.Scaled(defaults.LostAnswerGrace),
        };
    }

    public async Task RunAsync(Uri server, string journalFolder, CancellationToken deadline)
    {
        Wire = new RequestCounter(new HttpClientHandler
        {
            // The same settings as the client's own default handler (MjTransport.CreateHandler).
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            MaxConnectionsPerServer = 16,
        }, () => _metrics.InFlight);
        var clientOptions = ClientOptions(_o, server);
        clientOptions.JournalPath = Path.Combine(journalFolder, "journal.jsonl");
        clientOptions.Trace = Trace.Line;
        using var client = new MjClient(clientOptions, Wire, disposeHandler: true);

        var submitting = SubmitAllAsync(client, deadline);
        var waiting = WaitAllAsync(client, deadline);
        await Task.WhenAll(submitting, waiting).ConfigureAwait(false);
        await Task.WhenAll(_clicks).ConfigureAwait(false); // all done by now (the queue completes after the last click); surfaces any unexpected error
    }

    private async Task SubmitAllAsync(MjClient client, CancellationToken deadline)
    {
        try
        {
            for (var i = 0; i < _o.Prompts && !deadline.IsCancellationRequested; i++)
            {
                if (_window is not null) await _window.WaitAsync(deadline).ConfigureAwait(false);
                _metrics.SubmitCalled();
                try
                {
                    var task = await client.ImagineAsync(new MjImagineRequest($"benchmark prompt {i}, a lighthouse at dusk --v 7"), deadline).ConfigureAwait(false);
                    _metrics.Submitted(task.Id);
                    Add(task.Id, isUpscale: false);
                }
                catch (MjException e)
                {
                    _metrics.SubmitFailed(e.GetType().Name);
                    _window?.Release();
                }
            }
        }
        finally
        {
            FeederDone();
        }
    }

    /// <summary>One wait for the whole run; if it throws (server unreachable), wait again for what is still pending, as a user would.</summary>
    private async Task WaitAllAsync(MjClient client, CancellationToken deadline)
    {
        var options = WaitOptions(_o);
        var queue = CurrentQueue();
        while (true)
        {
            try
            {
                await foreach (var result in client.WaitAllAsync(queue, options, deadline).ConfigureAwait(false))
                {
                    Handle(client, result, deadline);
                }

                return;
            }
            catch (MjException)
            {
                Interlocked.Increment(ref _waitErrors);
                queue = Requeue();
            }
        }
    }

    private void Handle(MjClient client, MjWaitResult result, CancellationToken deadline)
    {
        var seenAt = DateTimeOffset.UtcNow;
        bool isUpscale;
        lock (_gate)
        {
            isUpscale = _pending[result.TaskId];
            _pending.Remove(result.TaskId);
        }

        var task = result.Task;
        var success = result.Outcome == MjWaitOutcome.Finished && task?.Status == MjTaskStatus.Success;
        _metrics.Ended(result.TaskId, success, isUpscale, task?.FinishTime, seenAt);
        if (success && !isUpscale)
        {
            _clicks.Add(ClickU1Async(client, task!, deadline)); // the grid's feeder place passes to its click
            return;
        }

        _window?.Release(); // the prompt's chain ended (upscale done, or the grid failed)
        if (!isUpscale) FeederDone();
    }

    private async Task ClickU1Async(MjClient client, MjTask grid, CancellationToken deadline)
    {
        _metrics.SubmitCalled();
        try
        {
            IReadOnlyList<MjTask> children = await client.ClickAsync(grid, "U1", cancellationToken: deadline).ConfigureAwait(false);
            foreach (var child in children)
            {
                _metrics.Submitted(child.Id);
                Add(child.Id, isUpscale: true);
            }
        }
        catch (MjException e)
        {
            _metrics.SubmitFailed(e.GetType().Name);
            _window?.Release();
        }
        catch (OperationCanceledException)
        {
            // the deadline: whatever is in flight counts as lost
        }
        finally
        {
            FeederDone();
        }
    }

    private void Add(string id, bool isUpscale)
    {
        lock (_gate)
        {
            _pending[id] = isUpscale;
            if (!isUpscale) _feeders++;
            _queue.Add(id);
        }
    }

    private void FeederDone()
    {
        lock (_gate)
        {
            if (--_feeders == 0) _queue.Complete();
        }
    }

    private MjWaitQueue CurrentQueue()
    {
        lock (_gate) return _queue;
    }

    /// <summary>A fresh queue holding every id not yet seen to end (the failed wait took the old one with it).</summary>
    private MjWaitQueue Requeue()
    {
        lock (_gate)
        {
            _queue = new MjWaitQueue();
            foreach (var id in _pending.Keys) _queue.Add(id);
            if (_feeders == 0) _queue.Complete();
            return _queue;
        }
    }
}
