using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Midjourney.Simulator.Tests;

/// <summary>
/// A simulator on 127.0.0.1:0 plus a raw HttpClient and small JSON helpers. The simulator runs on a
/// <see cref="FakeTimeProvider"/>: simulated time stands still until a test moves it (<see cref="Advance"/>, or
/// <see cref="WaitForAsync(string, string[])"/> one step per poll), so no test depends on how fast the machine is.
/// </summary>
public sealed class SimHarness : IAsyncDisposable
{
    /// <summary>Where the fake clock starts (any fixed, realistic instant).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Polls <see cref="WaitForAsync(string, string[])"/> makes before giving up: thousands of simulated seconds, whatever the time scale.</summary>
    private const int MaxPolls = 20_000;

    private SimHarness(MjSimulator server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    public MjSimulator Server { get; }
    public HttpClient Http { get; }

    /// <summary>The simulator's clock; only the test moves it.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>How far <see cref="WaitForAsync(string, string[])"/> moves the clock per poll: one unscaled second.</summary>
    public TimeSpan Step => TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(1000 * Server.Options.TimeScale)));

    public static async Task<SimHarness> StartAsync(SimulatorFlavor flavor = SimulatorFlavor.TrueAi, Action<SimulatorOptions>? configure = null, FakeTimeProvider? clock = null)
    {
        FakeTimeProvider time = clock ?? new FakeTimeProvider(Epoch);
        var options = new SimulatorOptions { Flavor = flavor, TimeScale = 0.002, NotifyInterval = TimeSpan.FromMilliseconds(5), TimeProvider = time };
        configure?.Invoke(options);
        return new SimHarness(await MjSimulator.StartAsync(options), time);
    }

    /// <summary>Moves simulated time forward (fires due notifyHook ticks and latency delays).</summary>
    public void Advance(TimeSpan delta) => Time.Advance(delta);

    public static string Json(object body) => JsonSerializer.Serialize(body);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        headers?.Invoke(request);
        using HttpResponseMessage response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta);
    }

    public Task<Reply> PostAsync(string path, object body, Action<HttpRequestMessage>? headers = null) =>
        SendAsync(HttpMethod.Post, path, Json(body), headers);

    public Task<Reply> GetAsync(string path, Action<HttpRequestMessage>? headers = null) => SendAsync(HttpMethod.Get, path, null, headers);

    /// <summary>Submits and asserts code 1 or 22; returns the new task id.</summary>
    public async Task<string> SubmitAsync(string path, object body, Action<HttpRequestMessage>? headers = null)
    {
        Reply reply = await PostAsync(path, body, headers);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        int code = reply.Root.GetProperty("code").GetInt32();
        Assert.True(code is 1 or 22, $"code {code}: {reply.Text}");
        return reply.Root.GetProperty("result").GetString()!;
    }

    public Task<string> ImagineAsync(string prompt = "a red fox in snow") => SubmitAsync("/mj/submit/imagine", new { prompt });

    public async Task<JsonElement> FetchAsync(string id, Action<HttpRequestMessage>? headers = null)
    {
        Reply reply = await GetAsync($"/mj/task/{id}/fetch", headers);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Root;
    }

    /// <summary>
    /// Polls fetch until the status is one of <paramref name="statuses"/>, moving simulated time one <see cref="Step"/>
    /// after each poll that has not got there. The limit counts polls, not wall-clock time.
    /// </summary>
    public Task<JsonElement> WaitForAsync(string id, params string[] statuses) => WaitForAsync(id, null, statuses);

    /// <summary>Same as <see cref="WaitForAsync(string, string[])"/>, with request headers (e.g. authentication).</summary>
    public async Task<JsonElement> WaitForAsync(string id, Action<HttpRequestMessage>? headers, params string[] statuses)
    {
        for (int poll = 0; ; poll++)
        {
            JsonElement task = await FetchAsync(id, headers);
            string status = StatusOf(task);
            if (statuses.Contains(status)) return task;
            if (poll >= MaxPolls) throw new TimeoutException($"task {id} stayed {status} for {MaxPolls} steps, wanted {string.Join('/', statuses)}");
            Advance(Step);
        }
    }

    public Task<JsonElement> WaitForSuccessAsync(string id) => WaitForAsync(id, "SUCCESS");

    public static string StatusOf(JsonElement task) =>
        task.TryGetProperty("status", out JsonElement s) ? s.GetString()! : task.GetProperty("task").GetProperty("status").GetString()!;

    public static string[] CustomIds(JsonElement task) =>
        task.GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("customId").GetString()!).ToArray();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A raw HTTP answer.</summary>
public sealed record Reply(HttpStatusCode Status, string Text, string? ContentType, TimeSpan? RetryAfter)
{
    public JsonElement Root => JsonDocument.Parse(Text).RootElement.Clone();

    public int Code => Root.GetProperty("code").GetInt32();

    public string? Result => Root.GetProperty("result").ValueKind == JsonValueKind.String ? Root.GetProperty("result").GetString() : null;
}
