using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class PlusAndNoviceZkTests
{
    [Fact]
    public async Task Plus_queue_codes_22_then_23_and_queue_endpoint()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => { o.TimeScale = 1; o.Concurrency = 1; o.Queue = 2; });
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "a" })).Code);
        Reply second = await sim.PostAsync("/mj/submit/imagine", new { prompt = "b" });
        Reply third = await sim.PostAsync("/mj/submit/imagine", new { prompt = "c" });
        Assert.Equal((22, 0), (second.Code, second.Root.GetProperty("properties").GetProperty("numberOfQueues").GetInt32()));
        Assert.Equal((22, 1), (third.Code, third.Root.GetProperty("properties").GetProperty("numberOfQueues").GetInt32()));
        Reply full = await sim.PostAsync("/mj/submit/imagine", new { prompt = "d" });
        Assert.Equal(23, full.Code);
        Assert.Null(full.Result);
        JsonElement queue = (await sim.GetAsync("/mj/task/queue")).Root;
        Assert.Equal(new[] { second.Result, third.Result }, queue.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToArray());
        Assert.Equal(3, sim.Server.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Plus_banned_prompt_is_code_24_and_creates_nothing()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        Reply reply = await sim.PostAsync("/mj/submit/imagine", new { prompt = "some gore here" });
        Assert.Equal(24, reply.Code);
        Assert.Equal("gore", reply.Root.GetProperty("properties").GetProperty("bannedWord").GetString());
        Assert.Equal("some gore here", reply.Root.GetProperty("properties").GetProperty("promptEn").GetString());
        Assert.Equal(0, sim.Server.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Plus_modal_is_code_21_and_change_routes_work()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        string gridId = await sim.ImagineAsync("a tree --v 6");
        await sim.WaitForSuccessAsync(gridId);
        JsonElement up = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/change", new { taskId = gridId, action = "UPSCALE", index = 3 }));
        Assert.Equal("UPSCALE", up.GetProperty("action").GetString());
        Assert.Equal($"/up {gridId} U3", up.GetProperty("description").GetString());
        Assert.DoesNotContain(SimHarness.CustomIds(up), id => id.Contains("animate", StringComparison.Ordinal) || id.Contains("BOOKMARK", StringComparison.Ordinal));
        Assert.Contains(SimHarness.CustomIds(up), id => id.StartsWith("MJ::JOB::upsample_v6_2x_subtle::1::", StringComparison.Ordinal));
        Reply inpaint = await sim.PostAsync("/mj/submit/action", new { taskId = up.GetProperty("id").GetString(), customId = SimHarness.CustomIds(up).Single(b => b.StartsWith("MJ::Inpaint", StringComparison.Ordinal)) });
        Assert.Equal((21, "窗口等待"), (inpaint.Code, inpaint.Root.GetProperty("description").GetString()));

        JsonElement reroll = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/simple-change", new { content = $"{gridId} r" }));
        Assert.Equal("REROLL", reroll.GetProperty("action").GetString());
        JsonElement variation = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/simple-change", new { content = $"{gridId} V2" }));
        Assert.Equal("VARIATION", variation.GetProperty("action").GetString());

        Assert.Equal(4, (await sim.PostAsync("/mj/submit/change", new { taskId = gridId, action = "UPSCALE", index = 5 })).Code);
        Assert.Equal(4, (await sim.PostAsync("/mj/submit/change", new { taskId = gridId, action = "UPSCALE", index = 0 })).Code);
        Assert.Equal(4, (await sim.PostAsync("/mj/submit/change", new { taskId = gridId, action = "ZOOM", index = 1 })).Code);
        Assert.Equal(4, (await sim.PostAsync("/mj/submit/simple-change", new { content = $"{gridId}  U1" })).Code);
        Assert.Equal(4, (await sim.PostAsync("/mj/submit/change", new { taskId = up.GetProperty("id").GetString(), action = "UPSCALE", index = 1 })).Code);
        Assert.Equal(3, (await sim.PostAsync("/mj/submit/change", new { taskId = "999", action = "VARIATION", index = 1 })).Code);
    }

    [Fact]
    public async Task Plus_shorten_picks_imagine_their_prompt_through_a_MODAL_step_and_a_bookmark_is_not_routed()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        string shortenId = await sim.SubmitAsync("/mj/submit/shorten", new { prompt = "a tiny red robot watering a garden at dawn" });
        JsonElement shorten = await sim.WaitForSuccessAsync(shortenId);
        string third = SimHarness.CustomIds(shorten)[2];
        Assert.StartsWith("MJ::Job::PromptAnalyzer::", third, StringComparison.Ordinal);

        Reply pick = await sim.PostAsync("/mj/submit/action", new { taskId = shortenId, customId = third });
        Assert.Equal((21, "窗口等待"), (pick.Code, pick.Root.GetProperty("description").GetString()));
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/modal", new { taskId = pick.Result })).Code);
        JsonElement imagine = await sim.WaitForSuccessAsync(pick.Result!);
        Assert.Equal("IMAGINE", imagine.GetProperty("action").GetString());
        string picked = shorten.GetProperty("properties").GetProperty("finalPrompt").GetString()!.Split('\n').Single(l => l.StartsWith("3️⃣", StringComparison.Ordinal))["3️⃣".Length..].Trim();
        Assert.Equal(picked, imagine.GetProperty("prompt").GetString());

        // PLUS's docs: every button but 🎉 Imagine all and ❤️.
        string gridId = await sim.ImagineAsync("a tree");
        string upId = await sim.SubmitAsync("/mj/submit/action", new { taskId = gridId, customId = SimHarness.CustomIds(await sim.WaitForSuccessAsync(gridId))[0] });
        string hash = (await sim.WaitForSuccessAsync(upId)).GetProperty("properties").GetProperty("messageHash").GetString()!;
        Reply bookmark = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = "MJ::BOOKMARK::" + hash });
        Assert.Equal((4, "未知的 Action 类型"), (bookmark.Code, bookmark.Root.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Plus_auth_uses_mj_api_secret_and_missing_fetch_is_empty_200()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => o.ApiKey = "s3cret");
        Reply none = await sim.GetAsync("/mj/task/1/fetch");
        Assert.Equal((HttpStatusCode.Unauthorized, ""), (none.Status, none.Text));
        Reply bearer = await sim.GetAsync("/mj/task/1/fetch", r => r.Headers.TryAddWithoutValidation("Authorization", "s3cret"));
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.Status);
        Reply ok = await sim.GetAsync("/mj/task/1/fetch", r => r.Headers.Add("mj-api-secret", "s3cret"));
        Assert.Equal((HttpStatusCode.OK, ""), (ok.Status, ok.Text));
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync("/sim/stats")).Status);
    }

    [Fact]
    public async Task Plus_cancel_answers_an_envelope()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => o.TimeScale = 1);
        string id = await sim.ImagineAsync();
        Reply cancel = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel");
        Assert.Equal(1, cancel.Code);
        Assert.Equal("取消任务", (await sim.FetchAsync(id)).GetProperty("failReason").GetString());
        Assert.Equal(4, (await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel")).Code);
    }

    [Fact]
    public async Task NoviceZk_has_no_buttons_no_action_and_needs_data_urls()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.NoviceZk);
        string id = await sim.ImagineAsync();
        JsonElement task = await sim.WaitForSuccessAsync(id);
        Assert.False(task.TryGetProperty("buttons", out _));
        Assert.False(task.TryGetProperty("imageUrls", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj/submit/action", new { taskId = id, customId = "x" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj/submit/modal", new { taskId = id })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj/submit/shorten", new { prompt = "x" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj-fast/mj/submit/imagine", new { prompt = "x" })).Status);
        Reply bare = await sim.PostAsync("/mj/submit/describe", new { base64 = Convert.ToBase64String(TestImages.Png(4, 4)) });
        Assert.Equal((4, "base64格式错误"), (bare.Code, bare.Root.GetProperty("description").GetString()));
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/describe", new { base64 = TestImages.DataUrl(4, 4) })).Code);
        Reply missing = await sim.GetAsync("/mj/task/77/fetch");
        Assert.Equal((HttpStatusCode.OK, ""), (missing.Status, missing.Text));
        JsonElement up = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/simple-change", new { content = $"{id} U1" }));
        Assert.Equal("UPSCALE", up.GetProperty("action").GetString());
    }

    [Fact]
    public async Task NoviceZk_codes_23_and_24_and_timeout_reason()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.NoviceZk, o => { o.Concurrency = 1; o.Queue = 0; o.Timeout = TimeSpan.FromSeconds(30); }); // the hang holds the slot until WaitFor moves simulated time
        Assert.Equal(24, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "nsfw art" })).Code);
        string hang = await sim.ImagineAsync("x --sim-hang");
        Assert.Equal(23, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "y" })).Code);
        Assert.Equal("任务超时", (await sim.WaitForAsync(hang, "FAILURE")).GetProperty("failReason").GetString());
        Reply malformed = await sim.SendAsync(HttpMethod.Post, "/mj/submit/imagine", "{oops");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
    }
}
