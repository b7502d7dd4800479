using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class StatsAndAuthTests
{
    [Fact]
    public async Task Stats_count_normalised_routes_busy_time_and_reset_clears_everything()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string a = await sim.ImagineAsync();
        string b = await sim.SubmitAsync("/mj-fast/mj/submit/imagine", new { prompt = "b" });
        await sim.WaitForSuccessAsync(a);
        await sim.WaitForSuccessAsync(b);
        await sim.GetAsync($"/mj-relax/mj/task/{a}/fetch");
        await sim.GetAsync("/nowhere");

        JsonElement stats = (await sim.GetAsync("/sim/stats")).Root;
        JsonElement requests = stats.GetProperty("requests");
        Assert.Equal(2, requests.GetProperty("/mj/submit/imagine").GetInt64());
        Assert.True(requests.GetProperty("/mj/task/{id}/fetch").GetInt64() >= 3);
        Assert.Equal(1, requests.GetProperty("(unmatched)").GetInt64());
        Assert.Equal(2, stats.GetProperty("submitsAccepted").GetInt64());
        Assert.Equal(2, stats.GetProperty("tasksCreated").GetInt64());
        Assert.Equal(3, stats.GetProperty("slots").GetInt32());
        Assert.Equal(2, stats.GetProperty("tasksStored").GetInt32());
        Assert.Equal("trueai", stats.GetProperty("flavor").GetString());
        Assert.True(stats.GetProperty("uptimeSeconds").GetDouble() > 0);

        JsonElement[] tasks = (await sim.GetAsync("/sim/tasks")).Root.EnumerateArray().ToArray();
        double expectedBusy = tasks.Sum(t => t.GetProperty("endAt").GetInt64() - t.GetProperty("startAt").GetInt64()) / 1000.0;
        Assert.Equal(expectedBusy, stats.GetProperty("busySlotSeconds").GetDouble(), 3);
        Assert.True(expectedBusy > 0);

        Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(HttpMethod.Post, "/sim/reset")).Status);
        SimulatorStats after = sim.Server.GetStats();
        Assert.Equal((0, 0L, 0L, 0.0), (after.TasksStored, after.TasksCreated, after.SubmitsAccepted, after.BusySlotSeconds));
        Assert.Equal(HttpStatusCode.NoContent, (await sim.GetAsync($"/mj/task/{a}/fetch")).Status);

        string c = await sim.ImagineAsync();
        sim.Server.Reset();
        Assert.Equal(HttpStatusCode.NoContent, (await sim.GetAsync($"/mj/task/{c}/fetch")).Status);
    }

    [Fact]
    public async Task TrueAi_auth_takes_raw_authorization_or_mj_api_secret_and_authorization_wins()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.ApiKey = "tok");
        // Missing and wrong keys alike: 401 with the text and no content type (SimpleAuthMiddleware's WriteAsync).
        Reply missing = await sim.GetAsync("/mj/task/list");
        Assert.Equal((HttpStatusCode.Unauthorized, null, "Authorization header missing."), (missing.Status, missing.ContentType, missing.Text));
        Reply wrong = await sim.GetAsync("/mj/task/list", r => r.Headers.TryAddWithoutValidation("Authorization", "nope"));
        Assert.Equal((HttpStatusCode.Unauthorized, null, "Authorization header missing."), (wrong.Status, wrong.ContentType, wrong.Text));
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync("/mj/task/list", r => r.Headers.TryAddWithoutValidation("Authorization", "tok"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync("/mj/task/list", r => r.Headers.Add("mj-api-secret", "tok"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await sim.GetAsync("/mj/task/list", r =>
        {
            r.Headers.TryAddWithoutValidation("Authorization", "Bearer tok");
            r.Headers.Add("mj-api-secret", "tok");
        })).Status);

        // Images and /sim/* need no key.
        string id = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "x" }, r => r.Headers.TryAddWithoutValidation("Authorization", "tok"));
        JsonElement task = await sim.WaitForAsync(id, r => r.Headers.TryAddWithoutValidation("Authorization", "tok"), "SUCCESS");

        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(task.GetProperty("imageUrl").GetString()!)).Status);
    }

    [Fact]
    public async Task Max_tasks_evicts_the_oldest_finished_tasks()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.MaxTasks = 5; o.Concurrency = 10; });
        var ids = new System.Collections.Generic.List<string>();
        for (int i = 0; i < 8; i++)
        {
            string id = await sim.ImagineAsync("t" + i);
            await sim.WaitForSuccessAsync(id);
            ids.Add(id);
        }

        SimulatorStats stats = sim.Server.GetStats();
        Assert.Equal((5, 8L), (stats.TasksStored, stats.TasksCreated));
        Assert.Equal(HttpStatusCode.NoContent, (await sim.GetAsync($"/mj/task/{ids[0]}/fetch")).Status);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync($"/mj/task/{ids[7]}/fetch")).Status);
        Assert.True(stats.BusySlotSeconds > 0);
    }

    [Fact]
    public async Task Invalid_options_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => MjSimulator.StartAsync(new SimulatorOptions { Concurrency = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => MjSimulator.StartAsync(new SimulatorOptions { Faults = new FaultOptions { ServerErrorRate = 0.7, ResetRate = 0.7 } }));
    }
}
