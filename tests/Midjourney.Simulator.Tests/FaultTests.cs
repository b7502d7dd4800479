using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class FaultTests
{
    /// <summary>One fresh connection per request, so HttpClient cannot silently retry a reset on a pooled connection.</summary>
    private static async Task<string> ClassifyAsync(SimHarness sim, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.ConnectionClose = true;
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        try
        {
            using HttpResponseMessage response = await sim.Http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.InternalServerError) return "serverError";
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
                return "tooManyRequests";
            }

            try
            {
                JsonDocument.Parse(body).Dispose();
                return "ok";
            }
            catch (JsonException)
            {
                return "malformedJson";
            }
        }
        catch (HttpRequestException)
        {
            return "reset";
        }
    }

    [Fact]
    public async Task Each_fault_kind_appears_at_roughly_its_rate_and_is_counted()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.Faults = new FaultOptions
        {
            ServerErrorRate = 0.1, TooManyRequestsRate = 0.1, ResetRate = 0.1, MalformedJsonRate = 0.1, Phase = FaultPhase.Before,
        });
        var seen = new System.Collections.Generic.Dictionary<string, int>();
        const int requests = 400;
        for (int i = 0; i < requests; i++)
        {
            string kind = await ClassifyAsync(sim, HttpMethod.Get, "/mj/task/list");
            seen[kind] = seen.GetValueOrDefault(kind) + 1;
        }

        SimulatorStats stats = sim.Server.GetStats();
        foreach (string kind in new[] { "serverError", "tooManyRequests", "reset", "malformedJson" })
        {
            Assert.InRange(seen.GetValueOrDefault(kind), 20, 65);
            Assert.Equal(seen[kind], stats.Faults[kind]);
        }

        Assert.InRange(seen["ok"], 200, 300);
        Assert.Equal(requests, stats.Requests["/mj/task/list"]);

    }

    [Fact]
    public async Task Same_seed_gives_the_same_fault_sequence()
    {
        async Task<string> SequenceAsync()
        {
            await using SimHarness sim = await SimHarness.StartAsync(configure: o =>
            {
                o.Seed = 7;
                o.Faults = new FaultOptions { ServerErrorRate = 0.3, MalformedJsonRate = 0.3, Phase = FaultPhase.Before };
            });
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < 30; i++) text.Append((await ClassifyAsync(sim, HttpMethod.Get, "/mj/task/list"))[0]);
            return text.ToString();
        }

        Assert.Equal(await SequenceAsync(), await SequenceAsync());
    }

    [Fact]
    public async Task Before_phase_faults_create_nothing_and_sim_routes_are_never_faulted()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.Faults = new FaultOptions { ServerErrorRate = 1, Phase = FaultPhase.Before });
        for (int i = 0; i < 5; i++) Assert.Equal("serverError", await ClassifyAsync(sim, HttpMethod.Post, "/mj/submit/imagine", "{\"prompt\":\"x\"}"));
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync("/sim/stats")).Status);
        Assert.Equal(0, sim.Server.GetStats().TasksCreated);
        Assert.Equal(5, sim.Server.GetStats().Faults["serverError"]);
    }

    [Theory]
    [InlineData("serverError")]
    [InlineData("reset")]
    [InlineData("malformedJson")]
    public async Task After_phase_faults_run_the_logic_then_spoil_the_answer(string kind)
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.Faults = new FaultOptions
        {
            ServerErrorRate = kind == "serverError" ? 1 : 0,
            ResetRate = kind == "reset" ? 1 : 0,
            MalformedJsonRate = kind == "malformedJson" ? 1 : 0,
            Phase = FaultPhase.After,
        });
        Assert.Equal(kind, await ClassifyAsync(sim, HttpMethod.Post, "/mj/submit/imagine", "{\"prompt\":\"x\"}"));
        Assert.Equal(1, sim.Server.GetStats().TasksCreated);
        Assert.Single((await sim.GetAsync("/sim/tasks")).Root.EnumerateArray());
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(499, 0)]
    [InlineData(500, 1)]
    [InlineData(1000, 1)]
    [InlineData(1200, 2)]
    public void Retry_after_is_whole_seconds_rounded_up_and_zero_under_half_a_second(int milliseconds, int seconds)
    {
        Assert.Equal(seconds, Midjourney.Simulator.Http.FaultMiddleware.RetryAfterSeconds(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public async Task Route_filter_glob_limits_faults_and_429_carries_retry_after()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.Faults = new FaultOptions
        {
            TooManyRequestsRate = 1, RetryAfter = TimeSpan.FromSeconds(3), RouteFilter = "/mj/task/*/fetch",
        });
        string id = await sim.ImagineAsync();
        Reply limited = await sim.GetAsync($"/mj/task/{id}/fetch");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync("/mj/task/list")).Status);
    }

    [Fact]
    public async Task Latency_fault_delays_then_serves_normally()
    {
        TimeSpan latency = TimeSpan.FromMilliseconds(250);
        var time = new DelayWatchingTime(latency);
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.Faults = new FaultOptions { LatencyRate = 1, Latency = latency }, clock: time);
        Task<Reply> pending = sim.GetAsync("/mj/task/list");

        // The request waits on the simulated clock: not answered 1 ms before the latency has passed, answered at it.
        await time.DelayStarted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        sim.Advance(latency - TimeSpan.FromMilliseconds(1));
        Assert.False(pending.IsCompleted);
        sim.Advance(TimeSpan.FromMilliseconds(1));
        Reply reply = await pending.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, sim.Server.GetStats().Faults["latency"]);
    }

    /// <summary>A fake clock that says when a one-shot timer of the given length (the latency delay) is started.</summary>
    private sealed class DelayWatchingTime(TimeSpan due) : FakeTimeProvider(SimHarness.Epoch)
    {
        public TaskCompletionSource DelayStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == due && period == Timeout.InfiniteTimeSpan) DelayStarted.TrySetResult();
            return timer;
        }
    }
}
