using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Bench;

/// <summary>
/// The naive baseline, in plain HttpClient code that shares nothing with our client: each task is polled on its own
/// (GET /mj/task/{id}/fetch) every 5 s of real speed, no request is ever retried, and any refusal of a submit
/// (queue full included) fails that prompt. It gets the same prompt window as our script.
/// </summary>
public sealed class BaselineScript
{
    private readonly BenchOptions _o;
    private readonly RunMetrics _metrics;
    private long _submits;
    private long _polls;
    private long _pollsAt10;

    public BaselineScript(BenchOptions options, RunMetrics metrics)
    {
        _o = options;
        _metrics = metrics;
    }

    public RequestSplit Requests => new(_submits, _polls, 0, _pollsAt10, _submits + _polls) { WireSubmits = _submits, WirePolls = _polls };

    public async Task RunAsync(Uri server, CancellationToken deadline)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) };
        using var window = new SemaphoreSlim(Math.Max(1, _o.EffectiveWindow));
        var chains = new Task[_o.Prompts];
        for (var i = 0; i < _o.Prompts; i++)
        {
            await window.WaitAsync(deadline).ConfigureAwait(false);
            chains[i] = ChainAsync(http, i, window, deadline);
        }

        await Task.WhenAll(chains).ConfigureAwait(false);
    }

    private async Task ChainAsync(HttpClient http, int i, SemaphoreSlim window, CancellationToken deadline)
    {
        try
        {
            var gridId = await SubmitAsync(http, "mj/submit/imagine", $"{{\"prompt\":\"benchmark prompt {i}, a lighthouse at dusk --v 7\"}}", deadline).ConfigureAwait(false);
            if (gridId is null) return;
            var grid = await PollUntilEndedAsync(http, gridId, isUpscale: false, deadline).ConfigureAwait(false);
            if (grid?.U1 is not string customId) return;
            var upId = customId.Length > 0
                ? await SubmitAsync(http, "mj/submit/action", $"{{\"taskId\":\"{gridId}\",\"customId\":\"{customId}\"}}", deadline).ConfigureAwait(false)
                : await SubmitAsync(http, "mj/submit/change", $"{{\"taskId\":\"{gridId}\",\"action\":\"UPSCALE\",\"index\":1}}", deadline).ConfigureAwait(false);
            if (upId is null) return;
            await PollUntilEndedAsync(http, upId, isUpscale: true, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }
        finally
        {
            window.Release();
        }
    }

    /// <summary>One POST; the task id, or null after counting the failure (no retry, whatever went wrong).</summary>
    private async Task<string?> SubmitAsync(HttpClient http, string path, string json, CancellationToken deadline)
    {
        _metrics.SubmitCalled();
        Interlocked.Increment(ref _submits);
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(path, content, deadline).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return Refused($"HTTP {(int)response.StatusCode}");
            using var doc = JsonDocument.Parse(body);
            var code = doc.RootElement.GetProperty("code").GetInt32();
            if (code is not (1 or 21 or 22)) return Refused(code == 9 || code == 23 ? "queue full" : $"code {code}");
            var id = doc.RootElement.GetProperty("result").ToString();
            _metrics.Submitted(id);
            return id;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return Refused(e.GetType().Name);
        }
    }

    private string? Refused(string why)
    {
        _metrics.SubmitFailed(why);
        return null;
    }

    private async Task<Snapshot?> PollUntilEndedAsync(HttpClient http, string id, bool isUpscale, CancellationToken deadline)
    {
        var interval = _o.Scaled(_o.BaselinePoll);
        while (true)
        {
            await Task.Delay(interval, deadline).ConfigureAwait(false);
            Interlocked.Increment(ref _polls);
            if (_metrics.InFlight >= 10) Interlocked.Increment(ref _pollsAt10);
            var snapshot = await FetchAsync(http, id, deadline).ConfigureAwait(false);
            if (snapshot is null || !snapshot.Ended) continue; // a failed poll is just a missed poll: wait for the next
            _metrics.Ended(id, snapshot.Success, isUpscale, snapshot.FinishTime, DateTimeOffset.UtcNow);
            return snapshot;
        }
    }

    private static async Task<Snapshot?> FetchAsync(HttpClient http, string id, CancellationToken deadline)
    {
        try
        {
            using var response = await http.GetAsync($"mj/task/{id}/fetch", deadline).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return null;
            using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(deadline).ConfigureAwait(false));
            var root = doc.RootElement;
            var status = root.TryGetProperty("status", out var s) ? s.GetString() : null;
            DateTimeOffset? finish = root.TryGetProperty("finishTime", out var f) && f.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds(f.GetInt64()) : null;
            string? u1 = null;
            if (root.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array)
            {
                foreach (var b in buttons.EnumerateArray())
                {
                    if (b.TryGetProperty("label", out var l) && l.GetString() == "U1") u1 = b.GetProperty("customId").GetString();
                }
            }
            else
            {
                u1 = string.Empty; // no buttons (novicezk): click through /mj/submit/change
            }

            return new Snapshot(status is "SUCCESS" or "FAILURE" or "CANCEL", status == "SUCCESS", finish, status == "SUCCESS" ? u1 : null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or System.IO.IOException)
        {
            return null;
        }
    }

    private sealed record Snapshot(bool Ended, bool Success, DateTimeOffset? FinishTime, string? U1);
}

