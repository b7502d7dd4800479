using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class GatewayAndTaskApiTests
{
    [Theory]
    [InlineData("Authorization", "Bearer sk-abc", true)]
    [InlineData("Authorization", "Bearer abc", true)]
    [InlineData("Authorization", "sk-abc", true)]
    [InlineData("Authorization", "abc", true)]
    [InlineData("Authorization", "Bearer wrong", false)]
    [InlineData("mj-api-secret", "sk-abc", true)]
    [InlineData("X-Other", "abc", false)]
    public async Task Gateway_accepts_bearer_keys_with_optional_prefixes(string header, string value, bool accepted)
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Gateway, o => o.ApiKey = "sk-abc");
        Reply reply = await sim.PostAsync("/mj/submit/imagine", new { prompt = "x" }, r => r.Headers.TryAddWithoutValidation(header, value));
        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, reply.Status);
        if (!accepted) Assert.Equal("new_api_error", reply.Root.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Gateway_strips_any_mode_segment_and_rewrites_codes()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Gateway, o => o.Remix = true);
        string id = await sim.SubmitAsync("/mj-turbo-relay/mj/submit/imagine", new { prompt = "city" });
        Assert.Equal("TURBO", (await sim.GetAsync("/sim/tasks")).Root[0].GetProperty("mode").GetString());
        JsonElement grid = await sim.WaitForSuccessAsync(id);
        Assert.NotEqual(0, grid.GetProperty("finishTime").GetInt64());
        Assert.Equal(new[] { "finalPrompt", "finalZhPrompt" }, grid.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray());

        // Remix V1 would be 21 upstream: the gateway says 1, the child is MODAL.
        Reply v1 = await sim.PostAsync("/anything/mj/submit/action", new { taskId = id, customId = SimHarness.CustomIds(grid)[5] });
        Assert.Equal(1, v1.Code);
        Assert.Equal("MODAL", SimHarness.StatusOf(await sim.FetchAsync(v1.Result!)));

        string upId = await sim.SubmitAsync("/mj/submit/action", new { taskId = id, customId = SimHarness.CustomIds(grid)[0] });
        string[] up = SimHarness.CustomIds(await sim.WaitForSuccessAsync(upId));
        Reply inpaint = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = up.Single(b => b.StartsWith("MJ::Inpaint", StringComparison.Ordinal)) });
        Assert.Equal(21, inpaint.Code);
        Reply zoom = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = up.Single(b => b.StartsWith("MJ::CustomZoom", StringComparison.Ordinal)) });
        Assert.Equal(21, zoom.Code);

        Reply unknown = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = "MJ::BOOKMARK::" + Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(4, unknown.Code);
        Assert.StartsWith("unknown_action:MJ::BOOKMARK::", unknown.Root.GetProperty("description").GetString());
        Assert.Equal("upstream_error", unknown.Root.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Gateway_missing_task_queue_full_and_errors_use_its_error_shape()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Gateway, o => { o.TimeScale = 1; o.Concurrency = 1; o.Queue = 1; });
        Reply missing = await sim.GetAsync("/mj/task/1/fetch");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(("task_no_found", "upstream_error", 4), (missing.Root.GetProperty("description").GetString(), missing.Root.GetProperty("type").GetString(), missing.Code));
        Assert.Equal(HttpStatusCode.NotFound, (await sim.GetAsync("/mj/task/list")).Status);
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "a" })).Code);
        Reply queued = await sim.PostAsync("/mj/submit/imagine", new { prompt = "b" });
        Assert.Equal(1, queued.Code); // 22 rewritten to 1
        Reply full = await sim.PostAsync("/mj/submit/imagine", new { prompt = "c" });
        Assert.Equal((HttpStatusCode.TooManyRequests, 30), (full.Status, full.Code));
        Assert.StartsWith("当前分组负载已饱和", full.Root.GetProperty("description").GetString());
        Reply invalid = await sim.PostAsync("/mj/submit/imagine", new { prompt = "" });
        Assert.Equal((HttpStatusCode.BadRequest, 4), (invalid.Status, invalid.Code));
        Reply parent = await sim.PostAsync("/mj/submit/action", new { taskId = "5", customId = "MJ::JOB::upsample::1::x" });
        Assert.Equal((HttpStatusCode.BadRequest, "task_not_found"), (parent.Status, parent.Root.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task TaskApi_fetch_has_the_task_status_shape()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.TaskApi, o => o.ApiKey = "k");
        Action<HttpRequestMessage> auth = r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer k");
        Assert.Equal(HttpStatusCode.Unauthorized, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "mug" }, r => r.Headers.TryAddWithoutValidation("Authorization", "k"))).Status);
        string id = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "A simple red ceramic mug" }, auth);
        JsonElement first = await sim.FetchAsync(id, auth);
        Assert.Contains(first.GetProperty("task").GetProperty("status").GetString(), new[] { "TASK_STATUS_QUEUED", "TASK_STATUS_PROCESSING", "TASK_STATUS_SUCCEED" });
        JsonElement done = await sim.WaitForAsync(id, auth, "TASK_STATUS_SUCCEED");

        JsonElement task = done.GetProperty("task");
        Assert.Equal(id, task.GetProperty("task_id").GetString());
        Assert.Equal("MIDJOURNEY_TEXT_TO_IMAGE_FAST_MODE", task.GetProperty("task_type").GetString());
        Assert.Equal(("", 0, 100), (task.GetProperty("reason").GetString(), task.GetProperty("eta").GetInt32(), task.GetProperty("progress_percent").GetInt32()));
        Assert.Equal(4, done.GetProperty("images").GetArrayLength());
        JsonElement image = done.GetProperty("images")[0];
        Assert.Equal("png", image.GetProperty("image_type").GetString());
        Assert.Equal(JsonValueKind.String, image.GetProperty("image_url_ttl").ValueKind);
        Assert.Equal(JsonValueKind.Null, image.GetProperty("nsfw_detection_result").ValueKind);
        Assert.Equal(0, done.GetProperty("videos").GetArrayLength());
        Assert.Equal(0, done.GetProperty("audios").GetArrayLength());
        Assert.True(done.GetProperty("extra").TryGetProperty("has_nsfw_contents", out _));
        Assert.False(done.TryGetProperty("buttons", out _));

        string up = await sim.SubmitAsync("/mj/submit/change", new { taskId = id, action = "UPSCALE", index = 1 }, auth);
        string v = await sim.SubmitAsync("/mj/submit/simple-change", new { content = id + " V1" }, auth);
        string r = await sim.SubmitAsync("/mj/submit/simple-change", new { content = id + " R" }, auth);
        sim.Advance(TimeSpan.FromHours(1)); // long past the end of all three (simulated time)
        JsonElement upDone = await sim.FetchAsync(up, auth);
        Assert.Equal("MIDJOURNEY_UPSCALE_FAST_MODE", upDone.GetProperty("task").GetProperty("task_type").GetString());
        Assert.Single(upDone.GetProperty("images").EnumerateArray());
        Assert.Equal("MIDJOURNEY_VARIATION_FAST_MODE", (await sim.FetchAsync(v, auth)).GetProperty("task").GetProperty("task_type").GetString());
        Assert.Equal("MIDJOURNEY_REROLL_FAST_MODE", (await sim.FetchAsync(r, auth)).GetProperty("task").GetProperty("task_type").GetString());

        Reply missing = await sim.GetAsync("/mj/task/404/fetch", auth);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("TASK_NOT_FOUND", missing.Root.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj/submit/action", new { taskId = id, customId = "x" }, auth)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj/submit/blend", new { }, auth)).Status);
    }

    [Fact]
    public async Task TaskApi_failure_maps_to_failed_with_reason()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.TaskApi);
        string id = await sim.ImagineAsync("x --sim-fail");
        JsonElement task = (await sim.WaitForAsync(id, "TASK_STATUS_FAILED")).GetProperty("task");

        Assert.Contains("--sim-fail", task.GetProperty("reason").GetString());
    }
}
