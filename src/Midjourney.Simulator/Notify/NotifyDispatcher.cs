using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Notify;

/// <summary>
/// Delivers notifyHook callbacks (reference §4.4): a loop looks at the tasks that have a hook and POSTs the full task
/// JSON whenever its status/progress moved forward. One POST per task at a time keeps each task's callbacks in order.
/// No retries; failures are only logged. With nothing to watch the loop sleeps on a signal, so an idle simulator uses no CPU.
/// </summary>
internal sealed class NotifyDispatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Watched> _watched = new();
    private readonly SimulatorServices _services;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _work = new(0, 1);
    private readonly object _gate = new();
    private PeriodicTimer? _timer;
    private readonly Task _loop;

    public NotifyDispatcher(SimulatorServices services, ILogger logger)
    {
        _services = services;
        _logger = logger;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Starts watching a task if it has a hook.</summary>
    public void Track(SimTask task)
    {
        if (task.NotifyHook is null || !Uri.TryCreate(task.NotifyHook, UriKind.Absolute, out _)) return;
        _watched[task.Id] = new Watched(task);
        lock (_gate)
        {
            // The timer starts here, on the submitting request's thread, so it counts time from now even when the
            // clock moves before the loop wakes (a test's fake clock); the loop stops it again when idle.
            if (_timer is not null) return;
            _timer = new PeriodicTimer(_services.Options.NotifyInterval, _services.Clock.Time);
        }

        Wake();
    }

    public void Clear() => _watched.Clear();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                // Idle: no timer ticks while nothing is watched; Track starts one and wakes us.
                await _work.WaitAsync(cancellationToken);
                PeriodicTimer? timer;
                lock (_gate) timer = _timer;
                while (timer is not null && await timer.WaitForNextTickAsync(cancellationToken))
                {
                    await SendRoundAsync(cancellationToken);
                    lock (_gate)
                    {
                        if (!_watched.IsEmpty) continue;
                        _timer!.Dispose();
                        _timer = null;
                        timer = null;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>POSTs every watched task whose state moved forward; waiting for the round keeps each task's callbacks in order.</summary>
    private async Task SendRoundAsync(CancellationToken cancellationToken)
    {
        long now = _services.Clock.NowMs();
        var sends = new List<Task>();
        foreach (Watched watched in _watched.Values)
        {
            TaskState state = watched.Task.StateAt(now);
            if (state.Rank <= watched.LastRank) continue;
            watched.LastRank = state.Rank;
            if (state.IsTerminal) _watched.TryRemove(watched.Task.Id, out _);
            sends.Add(SendAsync(watched.Task, state, now, cancellationToken));
        }

        await Task.WhenAll(sends);
    }

    private async Task SendAsync(SimTask task, TaskState state, long now, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
            using (var writer = new Utf8JsonWriter(buffer, EnvelopeJson.WriterOptions))
            {
                _services.Profile.WriteTask(writer, task, state, _services.DefaultBaseUrl, _services.Links, _services.Options, now);
            }

            using var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using HttpResponseMessage response = await _http.PostAsync(task.NotifyHook, content, cancellationToken);
            if (!response.IsSuccessStatusCode) _logger.LogWarning("notifyHook {Hook} answered {Status} for task {Id}", task.NotifyHook, (int)response.StatusCode, task.Id);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            if (!cancellationToken.IsCancellationRequested) _logger.LogWarning("notifyHook {Hook} failed for task {Id}: {Message}", task.NotifyHook, task.Id, exception.Message);
        }
    }

    private void Wake()
    {
        try
        {
            _work.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _work.Dispose();
        _timer?.Dispose();
        _http.Dispose();
    }

    private sealed class Watched
    {
        public Watched(SimTask task) => Task = task;

        public SimTask Task { get; }
        public int LastRank { get; set; }
    }
}
