using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Midjourney.Simulator;
using Xunit;

namespace Midjourney.PowerShell.Tests.Operations;

/// <summary>Stop-MjTask's and Get-MjTask's query/seed logic, over the simulator with a frozen clock (tasks stay where they are).</summary>
public class StopAndQueryTests
{
    private static async Task<MjTask> ImagineAsync(SimHarness sim, string prompt)
    {
        var output = new RecordingOutput();
        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = prompt }, output, CancellationToken.None);
        return Assert.Single(output.Tasks);
    }

    [Fact]
    public async Task WhatIf_asks_and_sends_nothing_then_a_confirmed_cancel_passes_the_task_through()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, simulatorTime: new FakeTimeProvider());
        var task = await ImagineAsync(sim, "a blue mug");
        var operation = new StopTaskOperation(sim.Session);

        var whatIf = new RecordingOutput { Confirm = false };
        await operation.StopAsync(task.Id, new StopTaskOptions { PassThru = true }, whatIf, CancellationToken.None);
        var (target, action) = Assert.Single(whatIf.ShouldProcessCalls);
        Assert.Equal("Cancel", action);
        Assert.Contains(task.Id, target, StringComparison.Ordinal);
        Assert.Contains("a blue mug", target, StringComparison.Ordinal);
        Assert.Empty(whatIf.Objects);
        Assert.False(sim.Simulator.GetStats().Requests.ContainsKey("/mj/task/{id}/cancel"));

        var confirmed = new RecordingOutput();
        await operation.StopAsync(task, new StopTaskOptions { PassThru = true }, confirmed, CancellationToken.None);
        var cancelled = Assert.Single(confirmed.Tasks);
        Assert.Equal((MjTaskStatus.Cancelled, "取消任务"), (cancelled.Status, cancelled.FailReason)); // FAILURE "取消任务" reads as cancelled
        Assert.Contains(confirmed.Verbose, line => line.StartsWith("Cancelled task " + task.Id, StringComparison.Ordinal));

        var again = new RecordingOutput();
        await operation.StopAsync(cancelled, new StopTaskOptions(), again, CancellationToken.None);
        Assert.Empty(again.ShouldProcessCalls);
        Assert.Contains("is already cancelled", Assert.Single(again.Warnings), StringComparison.Ordinal);
        Assert.Equal(1, sim.Simulator.GetStats().Requests["/mj/task/{id}/cancel"]);
    }

    [Theory]
    [InlineData(SimulatorFlavor.NoviceZk)]
    [InlineData(SimulatorFlavor.Gateway)]
    public async Task A_server_without_cancel_is_an_endpoint_error_before_any_confirmation(SimulatorFlavor flavor)
    {
        await using var sim = await SimHarness.StartAsync(flavor, scheme: flavor == SimulatorFlavor.Gateway ? AuthScheme.Bearer : AuthScheme.MjApiSecret, simulatorTime: new FakeTimeProvider());
        var task = await ImagineAsync(sim, "a blue mug");
        var output = new RecordingOutput();

        await new StopTaskOperation(sim.Session).StopAsync(task, new StopTaskOptions(), output, CancellationToken.None);

        var error = Assert.Single(output.Errors);
        Assert.Equal((MjErrorIds.EndpointNotFound, MjErrorCategory.NotImplemented), (error.ErrorId, error.Category));
        Assert.Contains("cannot cancel tasks", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(output.ShouldProcessCalls);
    }

    [Fact]
    public async Task A_query_lists_matching_tasks_and_says_where_they_were_filtered()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.TrueAi, simulatorTime: new FakeTimeProvider());
        var mug = await ImagineAsync(sim, "a blue mug");
        await ImagineAsync(sim, "a cat");
        var output = new RecordingOutput();
        var query = new MjTaskQuery { Prompt = "*Mug", Action = { "Imagine" }, Status = { MjTaskStatus.NotStarted, MjTaskStatus.Submitted, MjTaskStatus.InProgress } };

        await new GetTaskOperation(sim.Session).ProcessQueryAsync(new QueryTasksOptions { Query = query }, output, CancellationToken.None);

        Assert.Equal(new[] { mug.Id }, output.Tasks.Select(t => t.Id));
        Assert.Contains(output.Verbose, line => line.Contains("the server's task list (GET /mj/task/list), filtered here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_warns_for_an_unfinished_task_and_fills_a_finished_one()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        var done = await sim.ImagineAndWaitAsync("a mug for its seed");
        var operation = new GetTaskOperation(sim.Session);

        var output = new RecordingOutput();
        await operation.ProcessIdsAsync(new GetTaskByIdOptions { Ids = new[] { done.Id }, Seed = true }, output, CancellationToken.None);
        Assert.Matches("^[0-9]+$", Assert.Single(output.Tasks).Seed);
        Assert.Empty(output.Warnings);

        var frozen = await SimHarness.StartAsync(SimulatorFlavor.Plus, simulatorTime: new FakeTimeProvider());
        await using (frozen)
        {
            var waiting = await ImagineAsync(frozen, "a mug");
            var unfinished = new RecordingOutput();
            await new GetTaskOperation(frozen.Session).ProcessIdsAsync(new GetTaskByIdOptions { Ids = new[] { waiting.Id }, Seed = true }, unfinished, CancellationToken.None);
            Assert.Null(Assert.Single(unfinished.Tasks).Seed);
            Assert.Contains("only a finished image (Success) has a seed", Assert.Single(unfinished.Warnings), StringComparison.Ordinal);
            Assert.False(frozen.Simulator.GetStats().Requests.ContainsKey("/mj/task/{id}/image-seed"));
        }
    }
}
