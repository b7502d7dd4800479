using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

/// <summary>Cancel, the PLUS task query and image-seed, per flavour (reference §2.0, §2.15).</summary>
public sealed class CancelAndQueryTests
{
    [Theory]
    [InlineData(SimulatorFlavor.NoviceZk)]
    [InlineData(SimulatorFlavor.Gateway)]
    [InlineData(SimulatorFlavor.TaskApi)]
    public async Task Flavours_without_cancel_answer_404_and_leave_the_task_running(SimulatorFlavor flavor)
    {
        await using SimHarness sim = await SimHarness.StartAsync(flavor, o => o.TimeScale = 1);
        string id = await sim.ImagineAsync();
        Reply cancel = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel");
        Assert.Equal(HttpStatusCode.NotFound, cancel.Status);
        Assert.DoesNotContain("取消任务", (await sim.GetAsync($"/mj/task/{id}/fetch")).Text);
    }

    [Fact]
    public async Task TrueAi_cancel_is_for_the_administrator_only_and_refused_in_plain_text()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.TrueAi, o => { o.TimeScale = 1; o.ApiKey = "user"; o.AdminKey = "admin"; });
        string id = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "a mug" }, r => r.Headers.TryAddWithoutValidation("Authorization", "user"));
        Reply refused = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel", null, r => r.Headers.TryAddWithoutValidation("Authorization", "user"));
        Assert.Equal((HttpStatusCode.BadRequest, "text/plain", "演示模式，禁止操作"), (refused.Status, refused.ContentType, refused.Text));

        Reply done = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel", null, r => r.Headers.TryAddWithoutValidation("Authorization", "admin"));
        Assert.Equal((HttpStatusCode.OK, ""), (done.Status, done.Text));
        JsonElement task = await sim.FetchAsync(id, r => r.Headers.TryAddWithoutValidation("Authorization", "admin"));
        Assert.Equal(("FAILURE", "取消任务"), (SimHarness.StatusOf(task), task.GetProperty("failReason").GetString()));
    }

    [Fact]
    public async Task A_cancelled_task_that_waited_gives_its_queue_place_back()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => { o.TimeScale = 1; o.Concurrency = 1; o.Queue = 1; });
        await sim.ImagineAsync("running");
        string waiting = await sim.ImagineAsync("waiting");
        Assert.Equal(23, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "one too many" })).Code);

        Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(HttpMethod.Post, $"/mj/task/{waiting}/cancel")).Status);
        Reply again = await sim.PostAsync("/mj/submit/imagine", new { prompt = "now there is room" });
        Assert.Equal(22, again.Code);
    }

    [Fact]
    public async Task Plus_cancel_of_a_missing_task_is_code_3()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        Reply cancel = await sim.SendAsync(HttpMethod.Post, "/mj/task/1748339029401828/cancel");
        Assert.Equal((3, "任务不存在"), (cancel.Code, cancel.Root.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Plus_query_filters_by_action_status_and_prompt_and_pages_newest_first()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => { o.TimeScale = 1; o.Concurrency = 1; o.Queue = 5; });
        string mug = await sim.ImagineAsync("a blue mug");
        string cat = await sim.ImagineAsync("a cat");
        string mug2 = await sim.ImagineAsync("a red MUG on a table");

        JsonElement all = (await sim.PostAsync("/mj/task/query", new { pageNumber = 0, pageSize = 10 })).Root;
        Assert.Equal(new[] { mug2, cat, mug }, Ids(all));
        Assert.Equal(3, all.GetProperty("totalElements").GetInt32());

        JsonElement mugs = (await sim.PostAsync("/mj/task/query", new { prompt = "mug", action = "IMAGINE" })).Root;
        Assert.Equal(new[] { mug2, mug }, Ids(mugs));

        JsonElement waiting = (await sim.PostAsync("/mj/task/query", new { statusSet = new[] { "NOT_START" } })).Root;
        Assert.Equal(new[] { mug2, cat }, Ids(waiting));
        JsonElement running = (await sim.PostAsync("/mj/task/query", new { status = "SUBMITTED" })).Root;
        Assert.Equal(new[] { mug }, Ids(running));

        JsonElement page = (await sim.PostAsync("/mj/task/query", new { pageNumber = 1, pageSize = 2, sort = "id,asc" })).Root;
        Assert.Equal(new[] { mug2 }, Ids(page));
        Assert.True(page.GetProperty("last").GetBoolean());
        Assert.Equal(0, (await sim.PostAsync("/mj/task/query", new { action = "UPSCALE" })).Root.GetProperty("content").GetArrayLength());
    }

    [Theory]
    [InlineData(SimulatorFlavor.TrueAi)]
    [InlineData(SimulatorFlavor.NoviceZk)]
    [InlineData(SimulatorFlavor.Gateway)]
    [InlineData(SimulatorFlavor.TaskApi)]
    public async Task Only_plus_has_the_paged_query(SimulatorFlavor flavor)
    {
        await using SimHarness sim = await SimHarness.StartAsync(flavor);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj/task/query", new { pageSize = 1 })).Status);
    }

    [Theory]
    [InlineData(SimulatorFlavor.TrueAi, HttpStatusCode.BadRequest, 4, "关联任务状态错误")] // TA: no Discord message yet, BadRequest(...)
    [InlineData(SimulatorFlavor.Plus, HttpStatusCode.OK, 3, "未找到 seed")]
    public async Task Image_seed_of_a_task_that_has_not_started_is_refused(SimulatorFlavor flavor, HttpStatusCode status, int code, string text)
    {
        await using SimHarness sim = await SimHarness.StartAsync(flavor, o => o.TimeScale = 1);
        string id = await sim.ImagineAsync("a mug --seed 7");
        Reply seed = await sim.GetAsync($"/mj/task/{id}/image-seed");
        Assert.Equal((status, code, text), (seed.Status, seed.Code, seed.Root.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Image_seed_of_a_finished_grid_is_the_same_number_each_time()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        string grid = await sim.ImagineAsync();
        await sim.WaitForSuccessAsync(grid);
        Reply seed = await sim.GetAsync($"/mj/task/{grid}/image-seed");
        Assert.Equal(1, seed.Code);
        Assert.True(ulong.TryParse(seed.Result, out _));
        Assert.Equal(seed.Result, (await sim.GetAsync($"/mj/task/{grid}/image-seed")).Result);
    }

    [Theory]
    [InlineData(SimulatorFlavor.NoviceZk)]
    [InlineData(SimulatorFlavor.TaskApi)]
    public async Task Flavours_without_image_seed_answer_404(SimulatorFlavor flavor)
    {
        await using SimHarness sim = await SimHarness.StartAsync(flavor);
        string id = await sim.ImagineAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await sim.GetAsync($"/mj/task/{id}/image-seed")).Status);
    }

    private static string?[] Ids(JsonElement page) =>
        page.GetProperty("content").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToArray();
}
