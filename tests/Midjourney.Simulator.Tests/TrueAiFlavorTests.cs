using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class TrueAiFlavorTests
{
    [Fact]
    public async Task Imagine_goes_through_every_state_with_rising_progress_and_a_preview()
    {
        // Turbo at full scale on the harness's fake clock: ~1 s SUBMITTED, ~12 s IN_PROGRESS of simulated time, looked
        // at every 250 ms of simulated time. The clock moves only between fetches, so every phase is seen on any machine.
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.TimeScale = 1);
        string id = await sim.SubmitAsync("/mj-turbo/mj/submit/imagine", new { prompt = "a red fox" });
        var statuses = new List<string>();
        var progress = new List<string>();
        bool sawPreview = false;
        var timeline = new List<string>();
        JsonElement task;
        int step = 0;
        do
        {
            task = await sim.FetchAsync(id);
            string status = SimHarness.StatusOf(task);
            if (statuses.Count == 0 || statuses[^1] != status)
            {
                statuses.Add(status);
                timeline.Add($"{status}@{step * 250}ms");
            }

            if (status == "IN_PROGRESS")
            {
                progress.Add(task.GetProperty("progress").GetString()!);
                sawPreview |= task.GetProperty("imageUrl").GetString()?.Contains("/preview.png") == true;
            }

            Assert.True(++step < 1000, "the task never finished");
            sim.Advance(TimeSpan.FromMilliseconds(250));
        }
        while (SimHarness.StatusOf(task) != "SUCCESS");

        Assert.True(statuses.SequenceEqual(new[] { "SUBMITTED", "IN_PROGRESS", "SUCCESS" }), "seen: " + string.Join(", ", timeline));
        int[] percents = progress.Select(p => int.Parse(p.TrimEnd('%'))).ToArray();
        Assert.True(percents.Distinct().Count() >= 3, string.Join(",", progress));
        Assert.Equal(percents.OrderBy(p => p), percents);
        Assert.True(sawPreview);
        Assert.Equal("100%", task.GetProperty("progress").GetString());
        Assert.Equal("IMAGINE", task.GetProperty("action").GetString());
        Assert.Equal(4, task.GetProperty("imageUrls").GetArrayLength());
        Assert.Contains("--turbo", task.GetProperty("properties").GetProperty("finalPrompt").GetString());
        Assert.Equal("TURBO", task.GetProperty("mode").GetString());
        Assert.True(task.GetProperty("finishTime").GetInt64() >= task.GetProperty("startTime").GetInt64());
    }

    [Fact]
    public async Task Grid_buttons_have_the_exact_custom_id_formats_and_a_fresh_hash_per_task()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        JsonElement first = await sim.WaitForSuccessAsync(await sim.ImagineAsync());
        JsonElement second = await sim.WaitForSuccessAsync(await sim.ImagineAsync());
        string hash = first.GetProperty("properties").GetProperty("messageHash").GetString()!;
        Assert.True(Guid.TryParse(hash, out _));
        Assert.NotEqual(hash, second.GetProperty("properties").GetProperty("messageHash").GetString());
        Assert.Equal(new[]
        {
            $"MJ::JOB::upsample::1::{hash}", $"MJ::JOB::upsample::2::{hash}", $"MJ::JOB::upsample::3::{hash}", $"MJ::JOB::upsample::4::{hash}",
            $"MJ::JOB::reroll::0::{hash}::SOLO",
            $"MJ::JOB::variation::1::{hash}", $"MJ::JOB::variation::2::{hash}", $"MJ::JOB::variation::3::{hash}", $"MJ::JOB::variation::4::{hash}",
        }, SimHarness.CustomIds(first));
        JsonElement reroll = first.GetProperty("buttons")[4];
        Assert.Equal("🔄", reroll.GetProperty("emoji").GetString());
        Assert.Equal(2, reroll.GetProperty("type").GetInt32());
    }

    [Theory]
    [InlineData("--v 7", "upsample_v7_2x_subtle", "upsample_v7_2x_creative")]
    [InlineData("--v 6.1", "upsample_v6r1_2x_subtle", "upsample_v6r1_2x_creative")]
    [InlineData("--v 6", "upsample_v6_2x_subtle", "upsample_v6_2x_creative")]
    [InlineData("--niji 6", "upsample_v6_2x_subtle", "upsample_v6_2x_creative")]
    [InlineData("--v 5.2", "upsample_v5_2x", "upsample_v5_4x")]
    [InlineData("", "upsample_v7_2x_subtle", "upsample_v7_2x_creative")]
    public async Task Upscale_buttons_follow_the_model_version(string version, string first, string second)
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string parentId = await sim.ImagineAsync("castle " + version);
        JsonElement parent = await sim.WaitForSuccessAsync(parentId);
        string u2 = SimHarness.CustomIds(parent)[1];
        string childId = await sim.SubmitAsync("/mj/submit/action", new { taskId = parentId, customId = u2 });
        JsonElement child = await sim.WaitForSuccessAsync(childId);
        Assert.Equal("UPSCALE", child.GetProperty("action").GetString());
        Assert.Equal(parentId, child.GetProperty("parentId").GetString());
        string h = child.GetProperty("properties").GetProperty("messageHash").GetString()!;
        Assert.NotEqual(parent.GetProperty("properties").GetProperty("messageHash").GetString(), h);
        Assert.Equal(new[]
        {
            $"MJ::JOB::{first}::1::{h}::SOLO", $"MJ::JOB::{second}::1::{h}::SOLO",
            $"MJ::JOB::low_variation::1::{h}::SOLO", $"MJ::JOB::high_variation::1::{h}::SOLO",
            $"MJ::Inpaint::1::{h}::SOLO", $"MJ::Outpaint::50::1::{h}::SOLO", $"MJ::Outpaint::75::1::{h}::SOLO",
            $"MJ::CustomZoom::{h}",
            $"MJ::JOB::pan_left::1::{h}::SOLO", $"MJ::JOB::pan_right::1::{h}::SOLO", $"MJ::JOB::pan_up::1::{h}::SOLO", $"MJ::JOB::pan_down::1::{h}::SOLO",
            $"MJ::JOB::animate_high::1::{h}::SOLO", $"MJ::JOB::animate_low::1::{h}::SOLO", $"MJ::BOOKMARK::{h}",
        }, SimHarness.CustomIds(child));
        string[] labels = child.GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("label").GetString()!).ToArray();
        Assert.Contains("Vary (Subtle)", labels);
        Assert.Contains("Vary (Strong)", labels);
        Assert.Contains("Vary (Region)", labels);
        Assert.Contains("Zoom Out 2x", labels);
        Assert.Contains("Zoom Out 1.5x", labels);
        Assert.Contains("Custom Zoom", labels);
        Assert.Single(child.GetProperty("imageUrls").EnumerateArray());
    }

    [Theory]
    [InlineData("mug", false)]
    [InlineData("mug --ar 3:2", true)]
    public async Task Only_a_non_square_upscale_offers_Make_Square(string prompt, bool offered)
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string gridId = await sim.ImagineAsync(prompt);
        JsonElement grid = await sim.WaitForSuccessAsync(gridId);
        string upId = await sim.SubmitAsync("/mj/submit/action", new { taskId = gridId, customId = SimHarness.CustomIds(grid)[0] });
        JsonElement up = await sim.WaitForSuccessAsync(upId);
        string? makeSquare = SimHarness.CustomIds(up).SingleOrDefault(id => id.StartsWith("MJ::Outpaint::100::1::", StringComparison.Ordinal));
        Assert.Equal(offered, makeSquare is not null);
        if (makeSquare is null) return;

        Assert.Contains(up.GetProperty("buttons").EnumerateArray(), b => b.GetProperty("label").GetString() == "Make Square");
        string squareId = await sim.SubmitAsync("/mj/submit/action", new { taskId = upId, customId = makeSquare });
        JsonElement squared = await sim.WaitForSuccessAsync(squareId);
        Assert.Equal("ZOOM", squared.GetProperty("action").GetString());
        Assert.Equal(squared.GetProperty("width").GetInt32(), squared.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task Child_actions_are_classified_like_trueai()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string gridId = await sim.ImagineAsync("lake --v 7");
        string[] grid = SimHarness.CustomIds(await sim.WaitForSuccessAsync(gridId));
        async Task<JsonElement> Press(string parent, string customId) =>
            await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/action", new { taskId = parent, customId }));

        Assert.Equal("VARIATION", (await Press(gridId, grid[6])).GetProperty("action").GetString());
        Assert.Equal("IMAGINE", (await Press(gridId, grid[4])).GetProperty("action").GetString());
        JsonElement upscale = await Press(gridId, grid[0]);
        string upId = upscale.GetProperty("id").GetString()!;
        string[] up = SimHarness.CustomIds(upscale);
        Assert.Equal("UPSCALE_HD", (await Press(upId, up[0])).GetProperty("action").GetString());
        Assert.Equal("VARIATION", (await Press(upId, up[2])).GetProperty("action").GetString());
        Assert.Equal("ZOOM", (await Press(upId, up[5])).GetProperty("action").GetString());
        Assert.Equal("PAN", (await Press(upId, up[8])).GetProperty("action").GetString());
        JsonElement video = await Press(upId, up[12]);
        Assert.Equal("VIDEO", video.GetProperty("action").GetString());
        Assert.Equal(4, video.GetProperty("videoUrls").GetArrayLength());
        Assert.Contains("/video_0.png", video.GetProperty("videoUrl").GetString());

        // ❤️ is carried (Discord's button) but not routed by 11.x's controller.
        Reply bookmark = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = up[14] });
        Assert.Equal((4, "未知的 Action 类型"), (bookmark.Code, bookmark.Root.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Removed_and_unknown_routes_answer_404()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        foreach (string path in new[] { "/mj/submit/change", "/mj/submit/simple-change", "/mj/submit/show", "/mj/task/queue" })
        {
            Reply reply = path.EndsWith("queue") ? await sim.GetAsync(path) : await sim.PostAsync(path, new { content = "1 U1" });
            Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        }
    }

    [Fact]
    public async Task Missing_task_fetch_is_204_and_unknown_parent_is_code_3_with_http_404()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        Reply fetch = await sim.GetAsync("/mj/task/123/fetch");
        Assert.Equal(HttpStatusCode.NoContent, fetch.Status);
        Reply action = await sim.PostAsync("/mj/submit/action", new { taskId = "123", customId = "MJ::JOB::upsample::1::x" });
        Assert.Equal(HttpStatusCode.NotFound, action.Status);
        Assert.Equal(3, action.Code);
        Reply modal = await sim.PostAsync("/mj/submit/modal", new { taskId = "123", prompt = "x" });
        Assert.Equal(HttpStatusCode.NotFound, modal.Status);
    }

    [Fact]
    public async Task Parent_must_be_success_and_custom_id_must_belong_to_it()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.TimeScale = 1);
        string running = await sim.ImagineAsync();
        Reply early = await sim.PostAsync("/mj/submit/action", new { taskId = running, customId = "MJ::JOB::upsample::1::abc" });
        Assert.Equal(4, early.Code);
        Assert.Equal("关联任务状态错误", early.Root.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Foreign_custom_id_is_rejected_with_code_4()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string id = await sim.ImagineAsync();
        await sim.WaitForSuccessAsync(id);
        Reply reply = await sim.PostAsync("/mj/submit/action", new { taskId = id, customId = "MJ::JOB::upsample::1::00000000-0000-0000-0000-000000000000" });
        Assert.Equal(4, reply.Code);
    }

    [Fact]
    public async Task Malformed_json_gets_trueai_model_binding_envelope()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        Reply reply = await sim.SendAsync(HttpMethod.Post, "/mj/submit/imagine", "{\"prompt\": ");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.False(reply.Root.GetProperty("success").GetBoolean());
        Assert.Equal(-1, reply.Root.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(reply.Root.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(reply.Root.GetProperty("timestamp").GetString()));
        Assert.Equal(0, sim.Server.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Validation_errors_are_code_4()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        Reply empty = await sim.PostAsync("/mj/submit/imagine", new { prompt = "  " });
        Assert.Equal((4, "prompt不能为空"), (empty.Code, empty.Root.GetProperty("description").GetString()));
        Reply badBase64 = await sim.PostAsync("/mj/submit/imagine", new { prompt = "x", base64Array = new[] { "data:image/png;base64,@@@" } });
        Assert.Equal((4, "base64格式错误"), (badBase64.Code, badBase64.Root.GetProperty("description").GetString()));
        Reply oneImage = await sim.PostAsync("/mj/submit/blend", new { base64Array = new[] { TestImages.DataUrl(8, 8) } });
        Assert.Equal(4, oneImage.Code);
        Reply sixImages = await sim.PostAsync("/mj/submit/blend", new { base64Array = Enumerable.Repeat(TestImages.DataUrl(8, 8), 6).ToArray() });
        Assert.Equal(4, sixImages.Code);
        Reply badDimensions = await sim.PostAsync("/mj/submit/blend", new { base64Array = new[] { TestImages.DataUrl(8, 8), TestImages.DataUrl(8, 8) }, dimensions = "ROUND" });
        Assert.False(badDimensions.Root.GetProperty("success").GetBoolean());
        Assert.Equal(0, sim.Server.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Banned_prompt_is_accepted_then_fails_with_sensitive_word_reason()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.BannedWords = new List<string> { "forbidden" });
        Reply reply = await sim.PostAsync("/mj/submit/imagine", new { prompt = "a Forbidden garden" });
        Assert.Equal(1, reply.Code);
        JsonElement task = await sim.WaitForAsync(reply.Result!, "FAILURE");
        Assert.Equal("可能包含敏感词", task.GetProperty("failReason").GetString());
        Assert.Equal("", task.GetProperty("progress").GetString());
    }

    [Fact]
    public async Task Queue_full_is_code_9_and_creates_nothing()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.TimeScale = 1; o.Concurrency = 1; o.Queue = 1; });
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "a" })).Code);
        Reply waiting = await sim.PostAsync("/mj/submit/imagine", new { prompt = "b" });
        Assert.Equal(22, waiting.Code);
        Assert.Equal(0, waiting.Root.GetProperty("properties").GetProperty("numberOfQueues").GetInt32());
        Assert.Equal("NOT_START", SimHarness.StatusOf(await sim.FetchAsync(waiting.Result!)));
        Reply full = await sim.PostAsync("/mj/submit/imagine", new { prompt = "c" });
        Assert.Equal(9, full.Code);
        Assert.Equal("提交失败，队列已满，请稍后重试", full.Root.GetProperty("description").GetString());
        Assert.Equal(2, sim.Server.GetStats().TasksCreated);
    }

    [Fact]
    public async Task A_queued_task_starts_when_the_slot_frees_and_then_succeeds()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.Concurrency = 1; o.TimeScale = 0.01; }); // simulated time stands still until WaitFor moves it
        string first = await sim.ImagineAsync("first");
        Reply second = await sim.PostAsync("/mj/submit/imagine", new { prompt = "second" });
        Assert.Equal(22, second.Code);
        JsonElement waiting = await sim.FetchAsync(second.Result!);
        Assert.Equal("NOT_START", SimHarness.StatusOf(waiting));
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("startTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("progress").ValueKind);
        JsonElement a = await sim.WaitForSuccessAsync(first);
        JsonElement b = await sim.WaitForSuccessAsync(second.Result!);
        Assert.True(b.GetProperty("startTime").GetInt64() >= a.GetProperty("finishTime").GetInt64());
        Assert.Equal(0, sim.Server.GetStats().TasksWaiting);
    }

    [Fact]
    public async Task Cancel_marks_failure_with_trueai_reason_and_frees_the_slot()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.TimeScale = 1; o.Concurrency = 1; o.Queue = 0; o.AdminKey = "admin"; });
        string id = await sim.ImagineAsync();
        Assert.Equal(9, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "b" })).Code);
        Reply cancel = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel", null, r => r.Headers.TryAddWithoutValidation("Authorization", "admin"));
        Assert.Equal((HttpStatusCode.OK, ""), (cancel.Status, cancel.Text));
        JsonElement task = await sim.FetchAsync(id);
        Assert.Equal("FAILURE", SimHarness.StatusOf(task));
        Assert.Equal("取消任务", task.GetProperty("failReason").GetString());
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "c" })).Code);
    }

    [Fact]
    public async Task Sim_fail_and_sim_hang_markers_fail_the_task()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.Timeout = TimeSpan.FromMinutes(1));
        JsonElement failed = await sim.WaitForAsync(await sim.ImagineAsync("boat --sim-fail"), "FAILURE", "SUCCESS");
        Assert.Equal("FAILURE", SimHarness.StatusOf(failed));
        Assert.Contains("--sim-fail", failed.GetProperty("failReason").GetString());
        JsonElement hung = await sim.WaitForAsync(await sim.ImagineAsync("boat --sim-hang"), "FAILURE", "SUCCESS");
        Assert.Equal("执行超时 1 分钟", hung.GetProperty("failReason").GetString());
        long ran = hung.GetProperty("finishTime").GetInt64() - hung.GetProperty("startTime").GetInt64();
        Assert.InRange(ran, 100, 5_000); // 1 min × 0.002 = 120 ms
    }

    [Fact]
    public async Task A_run_longer_than_the_timeout_fails_with_timeout()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.Timeout = TimeSpan.FromSeconds(5); o.DefaultMode = SpeedMode.Relax; });
        JsonElement task = await sim.WaitForAsync(await sim.ImagineAsync("slow"), "FAILURE", "SUCCESS");
        Assert.Equal("执行超时 0.08 分钟", task.GetProperty("failReason").GetString());
    }

    [Fact]
    public async Task List_list_by_condition_and_alias_return_tasks()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string a = await sim.ImagineAsync("a");
        string b = await sim.ImagineAsync("b");
        JsonElement list = (await sim.GetAsync("/mj/task/list")).Root;
        Assert.Equal(new[] { b, a }, list.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToArray());
        foreach (string path in new[] { "/mj/task/list-by-condition", "/mj/task/list-by-ids" })
        {
            JsonElement found = (await sim.PostAsync(path, new { ids = new[] { a, "nope", b } })).Root;
            Assert.Equal(new[] { a, b }, found.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToArray());
        }

        Assert.Equal(0, (await sim.PostAsync("/mj/task/list-by-condition", new { ids = Array.Empty<string>() })).Root.GetArrayLength());
    }

    [Fact]
    public async Task Image_seed_answers_a_seed_for_finished_tasks()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string id = await sim.ImagineAsync();
        await sim.WaitForSuccessAsync(id);
        Reply seed = await sim.GetAsync($"/mj/task/{id}/image-seed");
        Assert.Equal(1, seed.Code);
        Assert.True(long.TryParse(seed.Result, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await sim.GetAsync("/mj/task/42/image-seed")).Status);
    }

    [Fact]
    public async Task Describe_gives_four_suggestions_and_picreader_buttons()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string id = await sim.SubmitAsync("/mj/submit/describe", new { base64 = TestImages.DataUrl(32, 32) });
        JsonElement task = await sim.WaitForSuccessAsync(id);
        string text = task.GetProperty("properties").GetProperty("finalPrompt").GetString()!;
        Assert.StartsWith("1️⃣ ", text);
        Assert.Contains("\n\n2️⃣ ", text);
        Assert.Contains("\n\n4️⃣ ", text);
        Assert.Equal(text, task.GetProperty("prompt").GetString());
        Assert.Contains("/sim/attachments/", task.GetProperty("imageUrl").GetString());
        Assert.Equal(new[] { "MJ::Job::PicReader::1", "MJ::Job::PicReader::2", "MJ::Job::PicReader::3", "MJ::Job::PicReader::4", "MJ::Picread::Retry", "MJ::Job::PicReader::all" },
            SimHarness.CustomIds(task));

        Reply pick = await sim.PostAsync("/mj/submit/action", new { taskId = id, customId = "MJ::Job::PicReader::2" });
        Assert.Equal(21, pick.Code);
        Assert.True(pick.Root.GetProperty("properties").GetProperty("remix").GetBoolean());
        string suggested = pick.Root.GetProperty("properties").GetProperty("finalPrompt").GetString()!;
        Assert.Contains(suggested, text);
        Assert.Equal("MODAL", SimHarness.StatusOf(await sim.FetchAsync(pick.Result!)));
        Reply modal = await sim.PostAsync("/mj/submit/modal", new { taskId = pick.Result });
        Assert.Equal((1, pick.Result), (modal.Code, modal.Result));
        JsonElement imagine = await sim.WaitForSuccessAsync(pick.Result!);
        Assert.Equal("IMAGINE", imagine.GetProperty("action").GetString());
        Assert.Equal(suggested, imagine.GetProperty("prompt").GetString());

        Reply all = await sim.PostAsync("/mj/submit/action", new { taskId = id, customId = "MJ::Job::PicReader::all" });
        Assert.Equal(4, all.Result!.Split(',').Length);
        JsonElement retry = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/action", new { taskId = id, customId = "MJ::Picread::Retry" }));
        Assert.Equal("DESCRIBE", retry.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Shorten_video_edits_blend_and_upload_work()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        JsonElement shorten = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/shorten", new { prompt = "a very long prompt about a tiny red robot" }));
        Assert.Contains("## Shortened prompts", shorten.GetProperty("properties").GetProperty("finalPrompt").GetString());
        Assert.StartsWith("MJ::Job::PromptAnalyzer::", SimHarness.CustomIds(shorten)[0]);

        JsonElement video = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/video", new { prompt = "waves", image = TestImages.DataUrl(16, 16), batchSize = 2 }));
        Assert.Equal(2, video.GetProperty("videoUrls").GetArrayLength());
        Reply file = await sim.GetAsync(video.GetProperty("videoUrl").GetString()!);
        Assert.Equal("image/apng", file.ContentType);

        JsonElement edit = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/edits", new { prompt = "make it blue", image = TestImages.DataUrl(16, 16) }));
        Assert.Equal("EDIT", edit.GetProperty("action").GetString());

        JsonElement blend = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/blend",
            new { base64Array = new[] { TestImages.DataUrl(8, 8), TestImages.DataUrl(8, 8), TestImages.DataUrl(8, 8) }, dimensions = "LANDSCAPE" }));
        Assert.Equal("BLEND", blend.GetProperty("action").GetString());
        Assert.True(blend.GetProperty("width").GetInt32() > blend.GetProperty("height").GetInt32());
        Assert.Matches(@"^/blend \d+ 3$", blend.GetProperty("description").GetString());

        Reply upload = await sim.PostAsync("/mj/submit/upload-discord-images", new { base64Array = new[] { TestImages.DataUrl(10, 10) } });
        Assert.Equal(1, upload.Code);
        string url = upload.Root.GetProperty("result")[0].GetString()!;
        Assert.Contains("?ex=", url);
        Reply image = await sim.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.Status);
        Assert.Equal("image/png", image.ContentType);
    }

    [Fact]
    public async Task Speed_prefix_sets_the_mode_and_turbo_is_faster_than_relax()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string turbo = await sim.SubmitAsync("/mj-turbo/mj/submit/imagine", new { prompt = "t" });
        string relax = await sim.SubmitAsync("/mj-relax/mj/submit/imagine", new { prompt = "r" });
        string fast = await sim.SubmitAsync("/mj-fast/mj/submit/imagine", new { prompt = "f" });
        JsonElement t = await sim.WaitForSuccessAsync(turbo);
        JsonElement r = await sim.WaitForSuccessAsync(relax);
        JsonElement f = await sim.WaitForSuccessAsync(fast);
        Assert.Equal(("TURBO", "RELAX", "FAST"), (t.GetProperty("mode").GetString(), r.GetProperty("mode").GetString(), f.GetProperty("mode").GetString()));
        Assert.EndsWith("--relax", r.GetProperty("properties").GetProperty("finalPrompt").GetString());
        static long Run(JsonElement e) => e.GetProperty("finishTime").GetInt64() - e.GetProperty("startTime").GetInt64();
        Assert.True(Run(t) < Run(f) && Run(f) < Run(r), $"{Run(t)} {Run(f)} {Run(r)}");
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync($"/mj-relax/mj/task/{turbo}/fetch")).Status);
    }
}
