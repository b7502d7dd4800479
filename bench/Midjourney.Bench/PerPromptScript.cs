using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;

namespace Midjourney.Bench;

/// <summary>
/// The "per-prompt waits" shape, the way most C# users write it: <c>Task.WhenAll</c> over every prompt at once, each
/// one <c>ImagineAsync</c> → <c>WaitAsync</c> → <c>ClickAsync("U1")</c> → <c>WaitAsync</c> on its own. No window and
/// no shared queue in the script: whatever sharing there is (one poller, submits that wait their turn) is the
/// client's. Every client delay is the library default scaled by the time scale.
/// </summary>
public sealed class PerPromptScript : IOursScript
{
    private readonly BenchOptions _o;
    private readonly RunMetrics _metrics;
    private int _waitErrors;

    public PerPromptScript(BenchOptions options, RunMetrics metrics)
    {
        _o = options;
        _metrics = metrics;
    }

    public string Shape => "per-prompt waits";

    public TraceCounter Trace { get; } = new();

    public RequestCounter? Wire { get; private set; }

    public int WaitErrors => _waitErrors;

    public async Task RunAsync(Uri server, string journalFolder, CancellationToken deadline)
    {
        Wire = new RequestCounter(new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            MaxConnectionsPerServer = 16,
        }, () => _metrics.InFlight);
        var clientOptions = OursScript.ClientOptions(_o, server);
        clientOptions.JournalPath = Path.Combine(journalFolder, "journal.jsonl");
        clientOptions.Trace = Trace.Line;
        using var client = new MjClient(clientOptions, Wire, disposeHandler: true);
        var wait = OursScript.WaitOptions(_o);
        await Task.WhenAll(Enumerable.Range(0, _o.Prompts).Select(i => OnePromptAsync(client, i, wait, deadline))).ConfigureAwait(false);
    }

    private async Task OnePromptAsync(MjClient client, int i, MjWaitOptions wait, CancellationToken deadline)
    {
        try
        {
            var grid = await SubmitAsync(() => client.ImagineAsync(new MjImagineRequest($"benchmark prompt {i}, a lighthouse at dusk --v 7"), deadline)).ConfigureAwait(false);
            if (grid is null) return;
            var done = await WaitAsync(client, grid.Id, isUpscale: false, wait, deadline).ConfigureAwait(false);
            if (done?.Status != MjTaskStatus.Success) return;
            var upscale = await SubmitAsync(async () => (await client.ClickAsync(done, "U1", cancellationToken: deadline).ConfigureAwait(false))[0]).ConfigureAwait(false);
            if (upscale is null) return;
            await WaitAsync(client, upscale.Id, isUpscale: true, wait, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // the deadline: whatever is in flight counts as lost
        }
    }

    private async Task<MjTask?> SubmitAsync(Func<Task<MjTask>> submit)
    {
        _metrics.SubmitCalled();
        try
        {
            var task = await submit().ConfigureAwait(false);
            _metrics.Submitted(task.Id);
            return task;
        }
        catch (MjException e)
        {
            _metrics.SubmitFailed(e.GetType().Name);
            return null;
        }
    }

    /// <summary>One task's wait; if it throws (server unreachable), wait again, as a user would.</summary>
    private async Task<MjTask?> WaitAsync(MjClient client, string id, bool isUpscale, MjWaitOptions wait, CancellationToken deadline)
    {
        while (true)
        {
            try
            {
                var task = await client.WaitAsync(id, wait, deadline).ConfigureAwait(false);
                _metrics.Ended(id, task.Status == MjTaskStatus.Success, isUpscale, task.FinishTime, DateTimeOffset.UtcNow);
                return task;
            }
            catch (MjException)
            {
                Interlocked.Increment(ref _waitErrors);
            }
        }
    }
}
