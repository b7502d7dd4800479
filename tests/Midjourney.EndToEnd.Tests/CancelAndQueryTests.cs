using Midjourney.Client;
using Midjourney.Simulator;

namespace Midjourney.EndToEnd.Tests;

/// <summary>The client's cancel, query and seed against every flavour of the simulator.</summary>
public sealed class CancelAndQueryTests
{
    [Theory]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.Raw, true, "GET /mj/task/list")]
    [InlineData(SimulatorFlavor.Plus, AuthScheme.MjApiSecret, true, "POST /mj/task/query")]
    [InlineData(SimulatorFlavor.NoviceZk, AuthScheme.MjApiSecret, false, "GET /mj/task/list")]
    [InlineData(SimulatorFlavor.Gateway, AuthScheme.Bearer, false, "journal")]
    [InlineData(SimulatorFlavor.TaskApi, AuthScheme.Bearer, false, "journal")]
    public async Task Cancel_and_query_follow_what_each_flavour_has(SimulatorFlavor flavor, AuthScheme scheme, bool canCancel, string listedBy)
    {
        // Real time and one slot: the second task stays NotStarted for the whole test.
        await using var rig = await Rig.StartAsync(flavor, scheme, o => { o.TimeScale = 1; o.Concurrency = 1; });
        var client = rig.Client;
        var first = await client.ImagineAsync(new MjImagineRequest("a blue mug"));
        var second = await client.ImagineAsync(new MjImagineRequest("a red mug"));
        await client.ImagineAsync(new MjImagineRequest("a cat"));

        var mugs = await client.ListTasksAsync(new MjTaskQuery { Prompt = "*MUG*", Action = { "Imagine" } });
        Assert.Equal(new[] { second.Id, first.Id }, mugs.Select(t => t.Id));
        var waiting = await client.ListTasksAsync(new MjTaskQuery { Status = { MjTaskStatus.NotStarted }, Prompt = "*mug*" });
        Assert.Equal(second.Id, waiting[0].Id); // TASK_STATUS gateways say QUEUED for the first one too, until it renders
        Assert.All(waiting, t => Assert.Equal(MjTaskStatus.NotStarted, t.Status));
        Assert.Equal(listedBy, client.Capabilities.HasTaskQuery == true ? "POST /mj/task/query" : client.Capabilities.HasList == true ? "GET /mj/task/list" : "journal");

        if (canCancel)
        {
            await client.CancelTaskAsync(second.Id);
            var cancelled = await client.GetTaskAsync(second.Id);
            Assert.Equal((MjTaskStatus.Cancelled, "取消任务"), (cancelled.Status, cancelled.FailReason)); // FAILURE "取消任务" reads as cancelled
            Assert.Equal(second.Id, Assert.Single(await client.ListTasksAsync(new MjTaskQuery { Status = { MjTaskStatus.Cancelled }, Prompt = "*mug*" })).Id);
        }
        else
        {
            var error = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.CancelTaskAsync(second.Id));
            Assert.Contains("cannot cancel tasks", error.Message);
            Assert.Equal(MjTaskStatus.NotStarted, (await client.GetTaskAsync(second.Id)).Status);
        }
    }

    [Theory]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.Raw)]
    [InlineData(SimulatorFlavor.Plus, AuthScheme.MjApiSecret)]
    [InlineData(SimulatorFlavor.Gateway, AuthScheme.Bearer)]
    public async Task The_seed_of_a_finished_grid_is_read_and_an_unfinished_one_has_none(SimulatorFlavor flavor, AuthScheme scheme)
    {
        await using var rig = await Rig.StartAsync(flavor, scheme);
        var done = await rig.Client.WaitAsync((await rig.Client.ImagineAsync(new MjImagineRequest("a mug for its seed"))).Id, Rig.Wait);
        var seeded = await rig.Client.WithSeedAsync(done);
        Assert.Matches("^[0-9]+$", seeded.Seed);
        Assert.Equal(seeded.Seed, await rig.Client.GetImageSeedAsync(done.Id));
    }

    [Fact]
    public async Task TrueAi_with_an_administrator_key_refuses_others_and_accepts_the_administrator()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.TrueAi, AuthScheme.Raw, o => { o.TimeScale = 1; o.AdminKey = "admin-token"; });
        var task = await rig.Client.ImagineAsync(new MjImagineRequest("a mug"));
        var refused = await Assert.ThrowsAsync<MjNotSupportedException>(() => rig.Client.CancelTaskAsync(task.Id));
        Assert.True(refused.NeedsAdministrator);

        using var admin = new MjClient(new MjClientOptions(rig.Simulator.BaseAddress) { ApiKey = "admin-token", AuthScheme = AuthScheme.Raw, EnableJournal = false });
        await admin.CancelTaskAsync(task.Id);
        Assert.Equal("取消任务", (await admin.GetTaskAsync(task.Id)).FailReason);
    }
}
