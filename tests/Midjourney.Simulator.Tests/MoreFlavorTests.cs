using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class MoreFlavorTests
{
    [Fact]
    public async Task V8_upscale_has_no_hd_zoom_or_pan_buttons()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string grid = await sim.ImagineAsync("dune --v 8");
        string up = await sim.SubmitAsync("/mj/submit/action", new { taskId = grid, customId = SimHarness.CustomIds(await sim.WaitForSuccessAsync(grid))[0] });
        JsonElement task = await sim.WaitForSuccessAsync(up);
        string h = task.GetProperty("properties").GetProperty("messageHash").GetString()!;
        Assert.Equal(new[]
        {
            $"MJ::JOB::low_variation::1::{h}::SOLO", $"MJ::JOB::high_variation::1::{h}::SOLO", $"MJ::Inpaint::1::{h}::SOLO",
            $"MJ::JOB::animate_high::1::{h}::SOLO", $"MJ::JOB::animate_low::1::{h}::SOLO", $"MJ::BOOKMARK::{h}",
        }, SimHarness.CustomIds(task));
    }

    [Fact]
    public async Task Gateway_inpaint_modal_completes_through_submit_modal()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Gateway);
        string grid = await sim.ImagineAsync("pier");
        string upId = await sim.SubmitAsync("/mj-fast/mj/submit/action", new { taskId = grid, customId = SimHarness.CustomIds(await sim.WaitForSuccessAsync(grid))[3] });
        JsonElement up = await sim.WaitForSuccessAsync(upId);
        Reply inpaint = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = SimHarness.CustomIds(up).Single(c => c.StartsWith("MJ::Inpaint", StringComparison.Ordinal)) });
        Assert.Equal(21, inpaint.Code);
        Reply wrongMask = await sim.PostAsync("/mj/submit/modal", new { taskId = inpaint.Result, prompt = "a crane", maskBase64 = TestImages.DataUrl(10, 10) });
        Assert.Equal((HttpStatusCode.BadRequest, 4), (wrongMask.Status, wrongMask.Code));
        Reply modal = await sim.PostAsync("/mj/submit/modal", new { taskId = inpaint.Result, prompt = "a crane", maskBase64 = TestImages.DataUrl(512, 512) });
        Assert.Equal((HttpStatusCode.OK, 1, inpaint.Result), (modal.Status, modal.Code, modal.Result));
        Assert.Equal("VARIATION", (await sim.WaitForSuccessAsync(inpaint.Result!)).GetProperty("action").GetString());
    }

    [Fact]
    public async Task TrueAi_describe_accepts_a_link_and_rejects_garbage()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        JsonElement task = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/describe", new { link = "https://example.com/cat.png" }));
        Assert.Equal("https://example.com/cat.png", task.GetProperty("imageUrl").GetString());
        Assert.Equal(4, (await sim.PostAsync("/mj/submit/describe", new { link = "ftp://nope" })).Code);
        Assert.Equal(4, (await sim.PostAsync("/mj/submit/describe", new { })).Code);
    }

    [Fact]
    public async Task Plus_banned_modal_prompt_is_code_24_and_task_stays_modal()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => o.Remix = true);
        string grid = await sim.ImagineAsync("meadow");
        Reply v1 = await sim.PostAsync("/mj/submit/action", new { taskId = grid, customId = SimHarness.CustomIds(await sim.WaitForSuccessAsync(grid))[5] });
        Assert.Equal(21, v1.Code);
        Assert.Equal(24, (await sim.PostAsync("/mj/submit/modal", new { taskId = v1.Result, prompt = "meadow with blood" })).Code);
        Assert.Equal("MODAL", SimHarness.StatusOf(await sim.FetchAsync(v1.Result!)));
    }

    [Fact]
    public async Task Same_seed_gives_the_same_job_hashes_and_durations()
    {
        async Task<(string Hash, long Run)> OnceAsync()
        {
            await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.Seed = 1234);
            JsonElement task = await sim.WaitForSuccessAsync(await sim.ImagineAsync());
            JsonElement schedule = (await sim.GetAsync("/sim/tasks")).Root[0];
            return (task.GetProperty("properties").GetProperty("messageHash").GetString()!, schedule.GetProperty("endAt").GetInt64() - schedule.GetProperty("startAt").GetInt64());
        }

        Assert.Equal(await OnceAsync(), await OnceAsync());
    }
}
