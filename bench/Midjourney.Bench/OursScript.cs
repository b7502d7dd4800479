using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;

namespace Midjourney.Bench;

/// <summary>
/// The user's script, through our client: <c>Get-Content prompts.txt | New-MjImagine | Wait-MjTask |
/// Invoke-MjButton -Label U1 | Wait-MjTask</c>, streamed: prompts are submitted one after another, one waiter
/// batch-polls everything in flight (WaitAllAsync), each finished grid gets its U1 click at once, and the upscales
/// join the same wait. Every client delay is the library default scaled by the time scale.
/// </summary>
public sealed class OursScript
{
    private readonly BenchOptions _o;
    private readonly RunMetrics _metrics;
    private readonly WaitSet _waiting = new();
    private readonly ConcurrentBag<Task> _clicks = new();
    private readonly SemaphoreSlim? _window;
    private int _waitErrors;

    public OursScript(BenchOptions options, RunMetrics metrics)
    {
        _o = options;
        _metrics = metrics;
        _window = options.EffectiveWindow > 0 ? new SemaphoreSlim(options.EffectiveWindow) : null;
        Trace = new TraceCounter();
    }

    public TraceCounter Trace { get; }

    public RequestCounter? Wire { get; private set; }

    /// <summary>WaitAllAsync calls that threw (the server stayed unreachable for MaxFailedPolls polls).</summary>
    public int WaitErrors => _waitErrors;

    /// <summary>The wait options the script uses: the library defaults scaled, or --poll-min/--poll-max.</summary>
    public static MjWaitOptions WaitOptions(BenchOptions o) => new()
    {
        MinPollInterval = o.Scaled(o.PollMin),
        MaxPollInterval = o.Scaled(o.PollMax),
        // A round ends after one long interval so ids submitted meanwhile join the next batch (WaitAllAsync takes a fixed set).
        Timeout = o.Scaled(o.PollMax),
    };

    public async Task RunAsync(Uri server, string journalFolder, CancellationToken deadline)
    {
        Wire = new RequestCounter(new HttpClientHandler
        {
            // The same settings as the client's own default handler (MjTransport.CreateHandler).
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            MaxConnectionsPerServer = 16,
        }, () => _metrics.InFlight);
        var defaults = new MjClientOptions(server);
        using var client = new MjClient(new MjClientOptions(server)
        {
            RetryBaseDelay = _o.Scaled(defaults.RetryBaseDelay),
            MaxRetryDelay = _o.Scaled(defaults.MaxRetryDelay),
            QueueFullPatience = _o.Scaled(defaults.QueueFullPatience),
            JournalPath = Path.Combine(journalFolder, "journal.jsonl"),
            Trace = Trace.Line,
        }, Wire, disposeHandler: true);

        var submitting = SubmitAllAsync(client, deadline);
        var waiting = WaitLoopAsync(client, submitting, deadline);
        await Task.WhenAll(submitting, waiting).ConfigureAwait(false);
    }

    private async Task SubmitAllAsync(MjClient client, CancellationToken deadline)
    {
        for (var i = 0; i < _o.Prompts && !deadline.IsCancellationRequested; i++)
        {
            if (_window is not null) await _window.WaitAsync(deadline).ConfigureAwait(false);
            _metrics.SubmitCalled();
            try
            {
                var task = await client.ImagineAsync(new MjImagineRequest($"benchmark prompt {i}, a lighthouse at dusk --v 7"), deadline).ConfigureAwait(false);
                _metrics.Submitted(task.Id);
                _waiting.Add(task.Id, isUpscale: false);
            }
            catch (MjException e)
            {
                _metrics.SubmitFailed(e.GetType().Name);
                _window?.Release();
            }
        }
    }

    private async Task WaitLoopAsync(MjClient client, Task submitting, CancellationToken deadline)
    {
        var options = WaitOptions(_o);
        while (!deadline.IsCancellationRequested)
        {
            var ids = _waiting.Snapshot();
            if (ids.Count == 0)
            {
                if (submitting.IsCompleted && _clicks.All(c => c.IsCompleted) && _waiting.Snapshot().Count == 0) return;
                await Task.WhenAny(_waiting.Added, submitting, Task.Delay(options.MinPollInterval, deadline)).ConfigureAwait(false);
                continue;
            }

            try
            {
                await foreach (var result in client.WaitAllAsync(ids, options, deadline).ConfigureAwait(false))
                {
                    if (result.Outcome != MjWaitOutcome.TimedOut) Handle(client, result, deadline);
                }
            }
            catch (MjException)
            {
                Interlocked.Increment(ref _waitErrors); // the user would run Wait-MjTask again; so does the loop
            }

            // The round's last poll was just made: the next round starts one short interval later, not at once.
            await Task.Delay(options.MinPollInterval, deadline).ConfigureAwait(false);
        }
    }

    private void Handle(MjClient client, MjWaitResult result, CancellationToken deadline)
    {
        var seenAt = DateTimeOffset.UtcNow;
        var isUpscale = _waiting.IsUpscale(result.TaskId);
        _waiting.Remove(result.TaskId);
        var task = result.Task;
        var success = result.Outcome == MjWaitOutcome.Finished && task?.Status == MjTaskStatus.Success;
        _metrics.Ended(result.TaskId, success, isUpscale, task?.FinishTime, seenAt);
        if (success && !isUpscale) _clicks.Add(ClickU1Async(client, task!, deadline));
        else _window?.Release(); // the prompt's chain ended (upscale done, or the grid failed)
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
                _waiting.Add(child.Id, isUpscale: true);
            }
        }
        catch (MjException e)
        {
            _metrics.SubmitFailed(e.GetType().Name);
            _window?.Release();
        }
    }
}
