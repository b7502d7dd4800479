using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class NotifyHookTests
{
    [Fact]
    public async Task Hook_receives_forward_moves_up_to_the_final_task()
    {
        var received = new ConcurrentQueue<JsonElement>();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using WebApplication hook = builder.Build();
        hook.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone());
            return Results.Ok();
        });
        hook.MapPost("/broken", () => Results.StatusCode(500));
        await hook.StartAsync();
        string hookUrl = hook.Urls.First() + "/hook";

        // 0.1: a 3 s job with a 100 ms SUBMITTED phase, so the 20 ms delivery loop sees several phases even when
        // CI runs other test assemblies on the same 2 cores.
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.TimeScale = 0.1);
        string id = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "owl", notifyHook = hookUrl, state = "order-7" });
        string broken = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "owl", notifyHook = hook.Urls.First() + "/broken" });
        await sim.WaitForSuccessAsync(id);
        await sim.WaitForSuccessAsync(broken);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!received.Any(t => t.GetProperty("status").GetString() == "SUCCESS") && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        JsonElement[] calls = received.ToArray();
        Assert.All(calls, c => Assert.Equal(id, c.GetProperty("id").GetString()));
        Assert.All(calls, c => Assert.Equal("order-7", c.GetProperty("state").GetString()));
        Assert.Equal("SUCCESS", calls[^1].GetProperty("status").GetString());
        Assert.True(calls.Length >= 3, string.Join(",", calls.Select(c => c.GetProperty("status").GetString() + c.GetProperty("progress").GetString())));
        int[] ranks = calls.Select(Rank).ToArray();
        Assert.Equal(ranks.Distinct().OrderBy(r => r), ranks);
        Assert.True(calls[^1].GetProperty("buttons").GetArrayLength() == 9);
        await hook.StopAsync();
    }

    private static int Rank(JsonElement task) => task.GetProperty("status").GetString() switch
    {
        "SUBMITTED" => 10,
        "IN_PROGRESS" => 20 + int.Parse(task.GetProperty("progress").GetString()!.TrimEnd('%')),
        "SUCCESS" => 1000,
        var other => throw new InvalidOperationException(other),
    };
}
