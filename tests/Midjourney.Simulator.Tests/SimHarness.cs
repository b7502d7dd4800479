using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

/// <summary>A simulator on 127.0.0.1:0 plus a raw HttpClient and small JSON helpers.</summary>
public sealed class SimHarness : IAsyncDisposable
{
    private SimHarness(MjSimulator server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public MjSimulator Server { get; }
    public HttpClient Http { get; }

    public static async Task<SimHarness> StartAsync(SimulatorFlavor flavor = SimulatorFlavor.TrueAi, Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Flavor = flavor, TimeScale = 0.002, NotifyInterval = TimeSpan.FromMilliseconds(5) };
        configure?.Invoke(options);
        return new SimHarness(await MjSimulator.StartAsync(options));
    }

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

    /// <summary>Polls fetch until the status is one of <paramref name="statuses"/> (deadline 15 s).</summary>
    public async Task<JsonElement> WaitForAsync(string id, params string[] statuses)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            JsonElement task = await FetchAsync(id);
            string status = StatusOf(task);
            if (statuses.Contains(status)) return task;
            if (clock.Elapsed > TimeSpan.FromSeconds(15)) throw new TimeoutException($"task {id} stayed {status}, wanted {string.Join('/', statuses)}");
            await Task.Delay(3);
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
