using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Midjourney.Client;
using Midjourney.Client.Tests.Fakes;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Midjourney.Simulator;
using Xunit;

namespace Midjourney.PowerShell.Tests.Operations;

public class WorkflowTests
{
    [Fact]
    public async Task Imagine_wait_upscale_wait_save_lands_a_png()
    {
        await using var sim = await SimHarness.StartAsync();
        var submitted = new RecordingOutput();
        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a red ceramic mug" }, submitted, CancellationToken.None);
        var task = Assert.Single(submitted.Tasks);
        Assert.False(task.IsFinished);
        Assert.Contains(submitted.Verbose, line => line.Contains("POST /mj/submit/imagine", StringComparison.Ordinal) && line.Contains("200", StringComparison.Ordinal));
        Assert.Single(submitted.ShouldProcessCalls);

        var waited = new RecordingOutput();
        var wait = new WaitTaskOperation(sim.Session);
        wait.Add(task);
        await wait.EndAsync(new WaitTaskOptions { PollInterval = SimHarness.Poll }, waited, CancellationToken.None);
        var grid = Assert.Single(waited.Tasks);
        Assert.Equal(MjTaskStatus.Success, grid.Status);
        Assert.Empty(waited.Errors);
        Assert.Contains(waited.Progress, p => p.ParentActivityId == WaitProgress.OverallId);
        Assert.True(waited.Progress.Last().Completed);

        var upscale = await sim.ClickAndWaitAsync(grid, "U1");
        Assert.Equal(MjTaskStatus.Success, upscale.Status);
        Assert.Equal("UPSCALE", upscale.Action);

        var saved = new RecordingOutput();
        await new SaveImageOperation(sim.Session).ProcessAsync(new SaveImageOptions { Tasks = new[] { upscale }, Folder = sim.Folder }, saved, CancellationToken.None);
        Assert.Empty(saved.Errors);
        var file = Assert.Single(saved.Files);
        Assert.True(TestPng.IsPng(File.ReadAllBytes(file.FullName)));
        Assert.StartsWith(sim.Folder, file.FullName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_object_is_clicked_on_its_own()
    {
        await using var sim = await SimHarness.StartAsync();
        var grid = await sim.ImagineAndWaitAsync();
        var v2 = grid.Buttons.Single(b => b.Label == "V2");

        var output = new RecordingOutput();
        await new InvokeButtonOperation(sim.Session).ProcessAsync(new InvokeButtonOptions { Button = v2, Wait = true, PollInterval = SimHarness.Poll }, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        var variation = Assert.Single(output.Tasks);
        Assert.Equal(MjTaskStatus.Success, variation.Status);
        Assert.Equal("VARIATION", variation.Action);
    }

    [Fact]
    public async Task A_piped_button_goes_back_to_its_own_server_not_the_default()
    {
        await using var other = await SimHarness.StartAsync();
        var grid = await other.ImagineAndWaitAsync();
        await using var sim = await SimHarness.StartAsync();
        // Register the other server in this session too, then make this one the default again.
        await new ConnectServerOperation(sim.Session).RunAsync(SimHarness.Connect(other.Simulator.BaseAddress, "test-key", AuthScheme.MjApiSecret, sim.Folder), new RecordingOutput(), CancellationToken.None);
        await new ConnectServerOperation(sim.Session).RunAsync(SimHarness.Connect(sim.Simulator.BaseAddress, "test-key", AuthScheme.MjApiSecret, sim.Folder), new RecordingOutput(), CancellationToken.None);
        var before = sim.Submits();

        var output = new RecordingOutput();
        await new InvokeButtonOperation(sim.Session).ProcessAsync(new InvokeButtonOptions { Button = grid.Buttons.Single(b => b.Label == "U3"), Wait = true, PollInterval = SimHarness.Poll }, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.Equal(MjTaskStatus.Success, Assert.Single(output.Tasks).Status);
        Assert.Equal(before, sim.Submits());
        Assert.Equal(2, other.Submits());
    }

    [Fact]
    public async Task Index_and_kind_pick_the_button()
    {
        await using var sim = await SimHarness.StartAsync();
        var grid = await sim.ImagineAndWaitAsync();

        var output = new RecordingOutput();
        await new InvokeButtonOperation(sim.Session).ProcessAsync(new InvokeButtonOptions { Task = grid, Index = 3, Wait = true, PollInterval = SimHarness.Poll }, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.Equal("UPSCALE", Assert.Single(output.Tasks).Action);
    }

    [Fact]
    public async Task Vary_region_with_mask_and_prompt_finishes_the_modal_in_one_call()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var mask = await WriteMaskFor(sim, upscale);

        var output = new RecordingOutput();
        await new InvokeButtonOperation(sim.Session).ProcessAsync(
            new InvokeButtonOptions { Task = upscale, Label = "Vary (Region)", MaskPath = mask, Prompt = "a blue mug", Wait = true, PollInterval = SimHarness.Poll },
            output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.Empty(output.Warnings);
        Assert.Equal(MjTaskStatus.Success, Assert.Single(output.Tasks).Status);
    }

    [Fact]
    public async Task Vary_region_without_mask_emits_the_modal_task_with_a_warning_then_Submit_MjModal_finishes_it()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");

        var clicked = new RecordingOutput();
        await new InvokeButtonOperation(sim.Session).ProcessAsync(
            new InvokeButtonOptions { Task = upscale, Label = "Vary (Region)", Wait = true, PollInterval = SimHarness.Poll }, clicked, CancellationToken.None);
        var modal = Assert.Single(clicked.Tasks);
        Assert.Equal(MjTaskStatus.Modal, modal.Status);
        Assert.Contains(clicked.Warnings, w => w.Contains("Submit-MjModal", StringComparison.Ordinal) && w.Contains(modal.Id, StringComparison.Ordinal));

        var mask = await WriteMaskFor(sim, upscale);
        var finished = new RecordingOutput();
        await new SubmitModalOperation(sim.Session).ProcessAsync(
            new SubmitModalOptions { Task = modal, MaskPath = mask, Prompt = "a green mug", Wait = true, PollInterval = SimHarness.Poll }, finished, CancellationToken.None);
        Assert.Empty(finished.Errors);
        Assert.Equal(MjTaskStatus.Success, Assert.Single(finished.Tasks).Status);
    }

    [Theory]
    [InlineData(SimulatorFlavor.NoviceZk, AuthScheme.MjApiSecret)]
    [InlineData(SimulatorFlavor.TaskApi, AuthScheme.Bearer)]
    public async Task Change_only_flavours_upscale_through_synthetic_buttons(SimulatorFlavor flavor, AuthScheme scheme)
    {
        await using var sim = await SimHarness.StartAsync(flavor, "test-key", scheme);
        var grid = await sim.ImagineAndWaitAsync();
        Assert.Contains(grid.Buttons, b => b.IsSynthetic && b.Label == "U1");

        var upscale = await sim.ClickAndWaitAsync(grid, "U1");

        Assert.Equal(MjTaskStatus.Success, upscale.Status);
        Assert.Contains("/submit/change", string.Join(",", sim.Simulator.GetStats().Requests.Keys), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_sends_no_request()
    {
        await using var sim = await SimHarness.StartAsync();
        var output = new RecordingOutput { Confirm = false };

        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a cat", Wait = true }, output, CancellationToken.None);
        await new NewBlendOperation(sim.Session).ProcessAsync(new NewBlendOptions { Images = new[] { "https://example.com/a.png", "https://example.com/b.png" } }, output, CancellationToken.None);

        Assert.Equal(2, output.ShouldProcessCalls.Count);
        Assert.Contains("a cat", output.ShouldProcessCalls[0].Target, StringComparison.Ordinal);
        Assert.Empty(output.Objects);
        Assert.Empty(output.Errors);
        Assert.Equal(0, sim.Submits());
        Assert.Equal(0, sim.Simulator.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Failed_task_is_emitted_and_written_as_MjTaskFailed()
    {
        await using var sim = await SimHarness.StartAsync();
        var output = new RecordingOutput();

        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a mug --sim-fail", SkipParameterCheck = true, Wait = true, PollInterval = SimHarness.Poll }, output, CancellationToken.None);

        var task = Assert.Single(output.Tasks);
        Assert.Equal(MjTaskStatus.Failure, task.Status);
        var error = Assert.Single(output.Errors);
        Assert.Equal(MjErrorIds.TaskFailed, error.ErrorId);
        Assert.Equal(MjErrorCategory.InvalidResult, error.Category);
        Assert.Same(task, error.Target);
        // TrueAI's words for the bot's error ("Invalid parameter, …") read in English, the server's own words quoted after.
        Assert.StartsWith($"Task {task.Id} failed: Midjourney refused a parameter of the prompt.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("said: " + task.FailReason, error.Message, StringComparison.Ordinal);
        Assert.Contains("--sim-fail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_timeout_and_missing_task_are_non_terminating_errors()
    {
        // The simulator's clock stands still (the hung task stays IN_PROGRESS); the 1 s deadline and the polls run on a
        // clock that moves only while the client sleeps, so the unknown id's misses always come before the deadline.
        var clientTime = new SleepClock(skipSleeps: true);
        await using var sim = await SimHarness.StartAsync(simulatorTime: new FakeTimeProvider(), clientTime: clientTime);
        var submitted = new RecordingOutput();
        await new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a mug --sim-hang", SkipParameterCheck = true }, submitted, CancellationToken.None);
        var hanging = Assert.Single(submitted.Tasks);

        var output = new RecordingOutput();
        var wait = new WaitTaskOperation(sim.Session);
        wait.Add(hanging);
        wait.Add("1234567890123456789");
        await wait.EndAsync(new WaitTaskOptions { TimeoutSeconds = 1, PollInterval = SimHarness.Poll }, output, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), clientTime.Elapsed);

        Assert.Empty(output.Objects);
        Assert.Contains(output.Errors, e => e.ErrorId == MjErrorIds.WaitTimeout && e.Category == MjErrorCategory.OperationTimeout);
        Assert.Contains(output.Errors, e => e.ErrorId == MjErrorIds.TaskNotFound && e.Category == MjErrorCategory.ObjectNotFound && (string?)e.Target == "1234567890123456789");
    }

    [Fact]
    public async Task Cancelling_mid_wait_returns_promptly()
    {
        // Both clocks stand still: the task never finishes and the client's first sleep between polls never ends, so
        // only the cancellation can end the wait (the bound below is generous; nothing is timed).
        var clientTime = new SleepClock(skipSleeps: false);
        await using var sim = await SimHarness.StartAsync(simulatorTime: new FakeTimeProvider(), clientTime: clientTime);
        using var cancel = new CancellationTokenSource();
        var output = new RecordingOutput();
        var running = new NewImagineOperation(sim.Session).ProcessAsync(new NewImagineOptions { Prompt = "a mug --sim-hang", SkipParameterCheck = true, Wait = true, PollInterval = SimHarness.Poll }, output, cancel.Token);
        await clientTime.NextSleepAsync(); // submitted, polled once, now sleeping until the next poll
        Assert.False(running.IsCompleted);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.Zero, clientTime.Elapsed);
        Assert.Empty(output.Objects); // -Wait emits only finished tasks
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task Get_MjTask_by_ids_and_recent_from_the_journal()
    {
        await using var sim = await SimHarness.StartAsync();
        var a = await sim.ImagineAndWaitAsync("first");
        var b = await sim.ImagineAndWaitAsync("second");

        var byId = new RecordingOutput();
        await new GetTaskOperation(sim.Session).ProcessIdsAsync(new GetTaskByIdOptions { Ids = new[] { a.Id, b.Id, "999" } }, byId, CancellationToken.None);
        Assert.Equal(new[] { a.Id, b.Id }, byId.Tasks.Select(t => t.Id));
        Assert.Equal(MjErrorIds.TaskNotFound, Assert.Single(byId.Errors).ErrorId);

        var recent = new RecordingOutput();
        await new GetTaskOperation(sim.Session).ProcessRecentAsync(new GetRecentTasksOptions { Count = 2 }, recent, CancellationToken.None);
        Assert.Equal(new[] { b.Id, a.Id }, recent.Tasks.Select(t => t.Id));
        Assert.All(recent.Tasks, t => Assert.Equal(MjTaskStatus.Success, t.Status));

        var journal = new RecordingOutput();
        await new GetTaskOperation(sim.Session).ProcessRecentAsync(new GetRecentTasksOptions { Count = 1, FromJournal = true }, journal, CancellationToken.None);
        Assert.Equal(b.Id, Assert.IsType<MjJournalEntry>(Assert.Single(journal.Objects)).Id);
    }

    private static async Task<string> WriteMaskFor(SimHarness sim, MjTask task)
    {
        var saved = new RecordingOutput();
        var folder = Path.Combine(sim.Folder, "size-" + task.Id);
        await new SaveImageOperation(sim.Session).ProcessAsync(new SaveImageOptions { Tasks = new[] { task }, Folder = folder }, saved, CancellationToken.None);
        var (width, height) = TestPng.Size(File.ReadAllBytes(Assert.Single(saved.Files).FullName));
        var path = Path.Combine(sim.Folder, "mask-" + task.Id + ".png");
        await File.WriteAllBytesAsync(path, TestPng.Mask(width, height));
        return path;
    }
}
