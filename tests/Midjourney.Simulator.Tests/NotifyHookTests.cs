using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Channels;
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
        var received = Channel.CreateUnbounded<JsonElement>();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using WebApplication hook = builder.Build();
        hook.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await received.Writer.WriteAsync(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone());
            return Results.Ok();
        });
        hook.MapPost("/broken", () => Results.StatusCode(500));
        await hook.StartAsync();
        string hookUrl = hook.Urls.First() + "/hook";

        // Simulated time moves only when the test says so: after each step the delivery loop ticks once and sees the
        // task exactly as a fetch at that instant does, so every forward move is announced whatever the machine's speed.
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.TimeScale = 0.1);
        string id = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "owl", notifyHook = hookUrl, state = "order-7" });
        string broken = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "owl", notifyHook = hook.Urls.First() + "/broken" });

        var calls = new List<JsonElement>();
        int lastRank = 0;
        for (int step = 0; lastRank < 1000; step++)
        {
            Assert.True(step < 1000, "the task never finished");
            sim.Advance(step == 0 ? sim.Server.Options.NotifyInterval : sim.Step);
            int rank = Rank(await sim.FetchAsync(id));
            if (rank <= lastRank) continue;

            // The tick that this step fired must announce the new state: wait for that callback (generous bound).
            JsonElement call = await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            calls.Add(call);
            Assert.Equal(rank, Rank(call));
            lastRank = rank;
        }

        await sim.WaitForSuccessAsync(broken); // its failing hook stops nothing
        Assert.All(calls, c => Assert.Equal(id, c.GetProperty("id").GetString()));
        Assert.All(calls, c => Assert.Equal("order-7", c.GetProperty("state").GetString()));
        Assert.Equal("SUCCESS", calls[^1].GetProperty("status").GetString());
        Assert.Equal("SUBMITTED", calls[0].GetProperty("status").GetString());
        Assert.True(calls.Count >= 3, string.Join(",", calls.Select(c => c.GetProperty("status").GetString() + c.GetProperty("progress").GetString())));
        int[] ranks = calls.Select(Rank).ToArray();
        Assert.Equal(ranks.Distinct().OrderBy(r => r), ranks);
        Assert.True(calls[^1].GetProperty("buttons").GetArrayLength() == 9);
        Assert.False(received.Reader.TryRead(out _)); // nothing beyond the final state
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
