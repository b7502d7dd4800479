using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class ModalTests
{
    private static async Task<(SimHarness Sim, string UpscaleId, string[] Buttons, JsonElement Upscale)> UpscaledAsync(SimulatorFlavor flavor = SimulatorFlavor.TrueAi, bool remix = false)
    {
        SimHarness sim = await SimHarness.StartAsync(flavor, o => o.Remix = remix);
        string gridId = await sim.ImagineAsync("harbor at dawn --v 7");
        JsonElement grid = await sim.WaitForSuccessAsync(gridId);
        string upId = await sim.SubmitAsync("/mj/submit/action", new { taskId = gridId, customId = SimHarness.CustomIds(grid)[2] });
        JsonElement up = await sim.WaitForSuccessAsync(upId);
        return (sim, upId, SimHarness.CustomIds(up), up);
    }

    [Fact]
    public async Task Vary_region_is_modal_and_needs_a_png_mask_of_the_upscale_size()
    {
        (SimHarness sim, string upId, string[] buttons, JsonElement up) = await UpscaledAsync();
        await using (sim)
        {
            string inpaint = buttons.Single(b => b.StartsWith("MJ::Inpaint::", StringComparison.Ordinal));
            Reply action = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = inpaint });
            Assert.Equal(21, action.Code);
            Assert.Equal("Waiting for window confirm", action.Root.GetProperty("description").GetString());
            string child = action.Result!;
            JsonElement modalTask = await sim.FetchAsync(child);
            Assert.Equal("MODAL", SimHarness.StatusOf(modalTask));
            Assert.Equal(JsonValueKind.Null, modalTask.GetProperty("progress").ValueKind);

            int w = up.GetProperty("width").GetInt32(), h = up.GetProperty("height").GetInt32();
            Reply noMask = await sim.PostAsync("/mj/submit/modal", new { taskId = child, prompt = "add a boat" });
            Assert.Equal(4, noMask.Code);
            Reply notPng = await sim.PostAsync("/mj/submit/modal", new { taskId = child, prompt = "add a boat", maskBase64 = Convert.ToBase64String(new byte[64]) });
            Assert.Equal(4, notPng.Code);
            Reply wrongSize = await sim.PostAsync("/mj/submit/modal", new { taskId = child, prompt = "add a boat", maskBase64 = TestImages.DataUrl(w / 2, h) });
            Assert.Equal(4, wrongSize.Code);
            Assert.Contains($"{w}x{h}", wrongSize.Root.GetProperty("description").GetString());
            byte[] corrupted = TestImages.Png(w, h);
            corrupted[20] ^= 0xFF; // inside IHDR: the CRC no longer matches
            Assert.Equal(4, (await sim.PostAsync("/mj/submit/modal", new { taskId = child, prompt = "p", maskBase64 = Convert.ToBase64String(corrupted) })).Code);
            Assert.Equal("MODAL", SimHarness.StatusOf(await sim.FetchAsync(child)));

            // The data-URL prefix is optional.
            Reply ok = await sim.PostAsync("/mj/submit/modal", new { taskId = child, prompt = "add a boat", maskBase64 = Convert.ToBase64String(TestImages.Png(w, h)) });
            Assert.Equal((1, child), (ok.Code, ok.Result));
            JsonElement done = await sim.WaitForSuccessAsync(child);
            Assert.Equal("VARIATION", done.GetProperty("action").GetString());
            Assert.Equal("add a boat", done.GetProperty("prompt").GetString());
            // TA does not check MODAL; the simulator answers a task that no longer waits like TA answers one with no modal parent.
            Reply again = await sim.PostAsync("/mj/submit/modal", new { taskId = child, prompt = "x" });
            Assert.Equal((HttpStatusCode.OK, 3, "目标任务不存在"), (again.Status, again.Code, again.Root.GetProperty("description").GetString()));
        }
    }

    [Theory]
    [InlineData("cat", 4)]
    [InlineData("cat --zoom 1", 4)]
    [InlineData("cat --zoom 2.5", 4)]
    [InlineData("cat --zoom abc", 4)]
    [InlineData("cat --zoom 1.5", 1)]
    [InlineData("cat --zoom 2", 1)]
    public async Task Custom_zoom_needs_zoom_between_1_and_2(string prompt, int expectedCode)
    {
        (SimHarness sim, string upId, string[] buttons, _) = await UpscaledAsync();
        await using (sim)
        {
            Reply action = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = buttons.Single(b => b.StartsWith("MJ::CustomZoom::", StringComparison.Ordinal)) });
            Assert.Equal(21, action.Code);
            Reply modal = await sim.PostAsync("/mj/submit/modal", new { taskId = action.Result, prompt });
            Assert.Equal(expectedCode, modal.Code);
            if (expectedCode == 1) Assert.Equal("ZOOM", (await sim.WaitForSuccessAsync(action.Result!)).GetProperty("action").GetString());
        }
    }

    [Fact]
    public async Task Modal_task_never_progresses_by_itself()
    {
        (SimHarness sim, string upId, string[] buttons, _) = await UpscaledAsync();
        await using (sim)
        {
            Reply action = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = buttons.Single(b => b.StartsWith("MJ::Inpaint::", StringComparison.Ordinal)) });
            sim.Advance(TimeSpan.FromHours(1)); // many times any task's whole duration, in simulated time
            Assert.Equal("MODAL", SimHarness.StatusOf(await sim.FetchAsync(action.Result!)));
        }
    }

    [Fact]
    public async Task Remix_makes_variation_reroll_pan_and_vary_modal_with_suggested_prompt()
    {
        (SimHarness sim, string upId, string[] buttons, _) = await UpscaledAsync(remix: true);
        await using (sim)
        {
            foreach (string customId in new[] { buttons[2], buttons[3], buttons.Single(b => b.Contains("pan_left", StringComparison.Ordinal)) })
            {
                Reply reply = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId });
                Assert.Equal(21, reply.Code);
                Assert.Equal("harbor at dawn --v 7", reply.Root.GetProperty("properties").GetProperty("finalPrompt").GetString());
                Assert.True(reply.Root.GetProperty("properties").GetProperty("remix").GetBoolean());
            }

            // Upscale buttons and zoom-out never go through modal.
            Reply zoom = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = buttons.Single(b => b.Contains("Outpaint::50", StringComparison.Ordinal)) });
            Assert.Equal(1, zoom.Code);
            Reply modalChild = await sim.PostAsync("/mj/submit/action", new { taskId = upId, customId = buttons[2] });
            Assert.Equal(1, (await sim.PostAsync("/mj/submit/modal", new { taskId = modalChild.Result, prompt = "harbor at night --v 7" })).Code);
            JsonElement done = await sim.WaitForSuccessAsync(modalChild.Result!);
            Assert.Equal("harbor at night --v 7", done.GetProperty("prompt").GetString());
        }
    }
}
