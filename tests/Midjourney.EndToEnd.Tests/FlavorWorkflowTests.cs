using Midjourney.Client;
using Midjourney.Client.Tests.Fakes;
using Client = Midjourney.Client;
using Midjourney.Simulator;

namespace Midjourney.EndToEnd.Tests;

/// <summary>The client against the simulator over real loopback HTTP, for every flavour.</summary>
public sealed class FlavorWorkflowTests
{
    [Theory]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.Raw)]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.MjApiSecret)]
    [InlineData(SimulatorFlavor.Plus, AuthScheme.MjApiSecret)]
    [InlineData(SimulatorFlavor.Gateway, AuthScheme.Bearer)]
    public async Task Imagine_wait_upscale_vary_region_modal_wait_download(SimulatorFlavor flavor, AuthScheme scheme)
    {
        await using var rig = await Rig.StartAsync(flavor, scheme);
        var client = rig.Client;

        var submitted = await client.ImagineAsync(new MjImagineRequest("red ceramic mug --v 7") { Mode = Client.SpeedMode.Fast });
        var grid = await client.WaitAsync(submitted.Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Success, grid.Status);
        Assert.NotNull(grid.ImageUrl);
        Assert.Equal(flavor == SimulatorFlavor.TrueAi ? 4 : 0, grid.ImageUrls.Count); // only TrueAI lists the tiles
        Assert.Contains(grid.Buttons, b => b.Label == "U1" && !b.IsSynthetic);

        var upscaling = Assert.Single(await client.ClickAsync(grid, "U1"));
        var upscale = await client.WaitAsync(upscaling.Id, Rig.Wait);
        Assert.Equal((MjTaskStatus.Success, "UPSCALE"), (upscale.Status, upscale.Action));
        Assert.Contains(upscale.Buttons, b => b.Kind == MjButtonKind.UpscaleSubtle); // --v 7 upscale set

        var upscaleFiles = await client.DownloadAsync(upscale, rig.Folder);
        var size = MaskPng.ReadSize(File.ReadAllBytes(Assert.Single(upscaleFiles).FullName));

        var modal = Assert.Single(await client.ClickAsync(upscale, "Vary (Region)"));
        var waiting = await client.WaitAsync(modal.Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Modal, waiting.Status); // needs input: returned, not a hang

        var mask = Convert.ToBase64String(MaskPng.Create(size.Width, size.Height));
        var resumed = await client.SubmitModalAsync(new MjModalRequest(modal.Id) { Prompt = "a blue mug", MaskBase64 = mask, ParentId = modal.ParentId });
        Assert.Equal(modal.Id, resumed.Id);
        Assert.Contains(resumed.Action, new[] { "VARIATION", "INPAINT" }); // the real task, read back, not a placeholder
        Assert.NotEqual(MjTaskStatus.Modal, resumed.Status);
        Assert.Equal(upscaling.Id, resumed.ParentId);
        var varied = await client.WaitAsync(modal.Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Success, varied.Status);

        var files = await client.DownloadAsync(varied, Path.Combine(rig.Folder, "final"), new MjDownloadOptions { All = true });
        Assert.True(files.Count >= 1);
        Assert.All(files, f => MaskPng.ReadSize(File.ReadAllBytes(f.FullName)));
        Assert.Equal(varied.Id + ".png", files[0].Name);

        var journal = await client.GetRecentAsync(10);
        Assert.Equal(new[] { modal.Id, upscaling.Id, submitted.Id }, journal.Select(e => e.Id)); // one line per task
        Assert.Equal(grid.Id, journal.Single(e => e.Id == upscaling.Id).ParentId);

        var stats = rig.Simulator.GetStats();
        Assert.Equal(3, stats.TasksCreated); // imagine, upscale, vary (region): nothing twice
    }

    [Theory]
    [InlineData(SimulatorFlavor.NoviceZk, AuthScheme.MjApiSecret)]
    [InlineData(SimulatorFlavor.TaskApi, AuthScheme.Bearer)]
    public async Task Change_only_servers_upscale_through_synthetic_buttons(SimulatorFlavor flavor, AuthScheme scheme)
    {
        await using var rig = await Rig.StartAsync(flavor, scheme);
        var client = rig.Client;

        var grid = await client.WaitAsync((await client.ImagineAsync(new MjImagineRequest("a lighthouse at dusk"))).Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Success, grid.Status);
        Assert.All(grid.Buttons, b => Assert.True(b.IsSynthetic));

        var upscaling = Assert.Single(await client.ClickAsync(grid, "U2"));
        var upscale = await client.WaitAsync(upscaling.Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Success, upscale.Status);
        Assert.Null(client.Capabilities.HasAction);
        Assert.True(client.Capabilities.HasChange);

        var variation = await client.WaitAsync((await client.SimpleChangeAsync(grid.Id + " V3")).Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Success, variation.Status);

        var files = await client.DownloadAsync(upscale, rig.Folder);
        MaskPng.ReadSize(File.ReadAllBytes(Assert.Single(files).FullName));
        Assert.Equal(3, rig.Simulator.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Plus_takes_the_legacy_change_path_too()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.Plus, AuthScheme.MjApiSecret);
        var client = rig.Client;
        var grid = await client.WaitAsync((await client.ImagineAsync(new MjImagineRequest("a fox"))).Id, Rig.Wait);

        var reroll = await client.WaitAsync((await client.ChangeAsync(grid.Id, MjChangeAction.Reroll)).Id, Rig.Wait);
        var upscale = await client.WaitAsync((await client.ChangeAsync(grid.Id, MjChangeAction.Upscale, 4)).Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Success, reroll.Status);
        Assert.Equal((MjTaskStatus.Success, "UPSCALE"), (upscale.Status, upscale.Action));
    }

    [Fact]
    public async Task TrueAi_answers_a_missing_change_endpoint_so_a_synthetic_click_uses_the_real_button()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.TrueAi, AuthScheme.Raw);
        var client = rig.Client;
        var grid = await client.WaitAsync((await client.ImagineAsync(new MjImagineRequest("a fox"))).Id, Rig.Wait);

        var synthetic = new MjButton(grid.Id, "change:UPSCALE:3", "U3", isSynthetic: true);
        var child = Assert.Single(await client.ClickAsync(synthetic));
        Assert.Equal(MjTaskStatus.Success, (await client.WaitAsync(child.Id, Rig.Wait)).Status);
        Assert.False(client.Capabilities.HasChange);
    }

    [Fact]
    public async Task Many_tasks_are_waited_for_together_in_batches()
    {
        // One clock for both sides that moves only while the client sleeps between polls: which tasks are still
        // pending at each poll (one id: fetch; several: list-by-condition) no longer depends on the machine's speed.
        var clock = new SleepClock(skipSleeps: true);
        await using var rig = await Rig.StartAsync(SimulatorFlavor.TrueAi, AuthScheme.Raw, o => { o.Concurrency = 3; o.TimeProvider = clock; }, c => c.TimeProvider = clock);
        var client = rig.Client;
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add((await client.ImagineAsync(new MjImagineRequest($"prompt {i}"))).Id);
        }

        var results = new List<MjWaitResult>();
        await foreach (var result in client.WaitAllAsync(ids, Rig.Wait))
        {
            results.Add(result);
        }

        Assert.Equal(ids.OrderBy(x => x), results.Select(r => r.TaskId).OrderBy(x => x));
        Assert.All(results, r => Assert.Equal(MjTaskStatus.Success, r.Task!.Status));
        var stats = rig.Simulator.GetStats();
        Assert.True(stats.Requests.GetValueOrDefault("/mj/task/list-by-condition") > 0);
        Assert.Equal(0, stats.Requests.GetValueOrDefault("/mj/task/{id}/fetch") > stats.Requests.GetValueOrDefault("/mj/task/list-by-condition") ? 1 : 0);
    }

    [Fact]
    public async Task Errors_from_a_real_server_are_typed()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.Plus, AuthScheme.MjApiSecret);
        var client = rig.Client;

        await Assert.ThrowsAsync<MjBannedPromptException>(() => client.ImagineAsync(new MjImagineRequest("nude portrait")));
        await Assert.ThrowsAsync<MjNotFoundException>(() => client.GetTaskAsync("1000000000000000"));
        var failed = await client.WaitAsync((await client.ImagineAsync(new MjImagineRequest("a cat --sim-fail"))).Id, Rig.Wait);
        Assert.Equal(MjTaskStatus.Failure, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.FailReason));

        await using var wrongKey = await Rig.StartAsync(SimulatorFlavor.Gateway, AuthScheme.MjApiSecret, configureClient: o => o.ApiKey = "wrong");
        var auth = await Assert.ThrowsAsync<MjAuthenticationException>(() => wrongKey.Client.ImagineAsync(new MjImagineRequest("x")));
        Assert.Contains("Bearer", auth.Message);
    }
}
