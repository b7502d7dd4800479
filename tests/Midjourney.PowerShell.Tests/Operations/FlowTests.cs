using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Midjourney.Simulator;
using Xunit;

namespace Midjourney.PowerShell.Tests.Operations;

/// <summary>The button flows of issue 9: MODAL steps, picks, remix, bookmarks and what Save-MjImage says.</summary>
public class FlowTests
{
    [Fact]
    public async Task Custom_Zoom_with_a_prompt_emits_the_real_task_as_a_child_of_the_clicked_one()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");

        var output = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Custom Zoom", Prompt = "mug --zoom 1.5" });

        Assert.Empty(output.Errors);
        Assert.Empty(output.Warnings);
        var zoom = Assert.Single(output.Tasks);
        Assert.Equal("ZOOM", zoom.Action);
        Assert.NotEqual(MjTaskStatus.Modal, zoom.Status);
        Assert.Equal(upscale.Id, zoom.ParentId);
        var journal = await sim.Connection.Client.GetRecentAsync(50);
        Assert.Single(journal, e => e.Id == zoom.Id);
    }

    [Theory]
    [InlineData("mug")]
    [InlineData("mug --zoom 2.5")]
    [InlineData("mug --zoom 1")]
    [InlineData("mug --zoom")]
    public async Task Custom_Zoom_without_a_zoom_between_1_and_2_is_refused_before_the_click(string prompt)
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var before = sim.Submits();

        var output = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Custom Zoom", Prompt = prompt });

        var error = Assert.Single(output.Errors);
        Assert.Equal(MjErrorIds.InvalidInput, error.ErrorId);
        // The prompt checker or the Custom Zoom check, whichever sees it first, says what to write.
        Assert.Contains("--zoom", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was", error.Message, StringComparison.Ordinal);
        Assert.Empty(output.Tasks);
        Assert.Equal(before, sim.Submits());
    }

    [Fact]
    public async Task A_MODAL_step_that_fails_after_the_click_emits_the_task_and_names_it_with_how_to_finish()
    {
        // Plus refuses a banned prompt at submit time (code 24), so the MODAL step itself fails.
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var mask = Path.Combine(sim.Folder, "small.png");
        File.WriteAllBytes(mask, TestPng.Mask(8, 8));

        // The mask is fine (scaled to the image); the server refuses the banned prompt only at the MODAL step.
        var output = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Vary (Region)", Prompt = "a gore mug", MaskPath = mask });

        var modal = Assert.Single(output.Tasks);
        Assert.Equal(MjTaskStatus.Modal, modal.Status);
        var error = Assert.Single(output.Errors);
        Assert.Contains($"made task {modal.Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("left waiting for input (MODAL)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Submit-MjModal -Id {modal.Id} -MaskPath", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Same(modal, error.Target);
        Assert.IsAssignableFrom<MjException>(error.Exception.InnerException);
        Assert.Empty(output.Warnings);
    }

    [Fact]
    public async Task Submit_MjModal_emits_the_real_task_with_the_clicked_parent_and_writes_no_second_journal_line()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var modal = Assert.Single((await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Custom Zoom" })).Tasks);

        var output = new RecordingOutput();
        await new SubmitModalOperation(sim.Session).ProcessAsync(new SubmitModalOptions { Id = modal.Id, Prompt = "mug --zoom 1.8" }, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        var sent = Assert.Single(output.Tasks);
        Assert.Equal((modal.Id, "ZOOM", upscale.Id), (sent.Id, sent.Action, sent.ParentId));
        Assert.NotEqual(MjTaskStatus.Modal, sent.Status);
        var journal = await sim.Connection.Client.GetRecentAsync(50);
        Assert.Single(journal, e => e.Id == modal.Id);
    }

    [Fact]
    public async Task Submit_MjModal_reads_the_task_first_and_refuses_a_Custom_Zoom_without_zoom()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var modal = Assert.Single((await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Custom Zoom" })).Tasks);
        var before = sim.Submits();

        var output = new RecordingOutput();
        await new SubmitModalOperation(sim.Session).ProcessAsync(new SubmitModalOptions { Id = modal.Id, Prompt = "just a mug" }, output, CancellationToken.None);

        Assert.Equal(MjErrorIds.InvalidInput, Assert.Single(output.Errors).ErrorId);
        Assert.Equal(before, sim.Submits());
    }

    [Fact]
    public async Task The_MODAL_warning_is_given_once_per_task_and_says_what_it_needs()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");

        var clicked = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Vary (Region)" });
        var modal = Assert.Single(clicked.Tasks);
        var waited = new RecordingOutput();
        var wait = new WaitTaskOperation(sim.Session);
        wait.Add(modal);
        await wait.EndAsync(new WaitTaskOptions { PollInterval = SimHarness.Poll }, waited, CancellationToken.None);

        var warning = Assert.Single(clicked.Warnings);
        Assert.Contains("waits for a mask and a prompt", warning, StringComparison.Ordinal);
        Assert.Contains($"Submit-MjModal -Id {modal.Id} -MaskPath", warning, StringComparison.Ordinal);
        Assert.Equal(MjTaskStatus.Modal, Assert.Single(waited.Tasks).Status);
        Assert.Empty(waited.Warnings);

        var zoom = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Custom Zoom" });
        Assert.Contains("--zoom", Assert.Single(zoom.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_describe_pick_imagines_that_suggestion_in_the_same_call()
    {
        await using var sim = await SimHarness.StartAsync();
        var describe = await Describe(sim);
        Assert.Equal(4, describe.Prompts.Count);

        var output = await Click(sim, new InvokeButtonOptions { Task = describe, Index = 3, Kind = MjButtonKind.DescribePick, Wait = true, PollInterval = SimHarness.Poll });

        Assert.Empty(output.Errors);
        Assert.Empty(output.Warnings);
        var imagine = Assert.Single(output.Tasks);
        Assert.Equal((MjTaskStatus.Success, "IMAGINE", describe.Id), (imagine.Status, imagine.Action, imagine.ParentId));
        Assert.StartsWith(describe.Prompts[2], imagine.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_remix_account_UseSuggestedPrompt_sends_a_V_click_on_and_without_it_the_warning_needs_nothing()
    {
        await using var sim = await SimHarness.StartAsync(remix: true);
        var grid = await sim.ImagineAndWaitAsync();

        var modal = await Click(sim, new InvokeButtonOptions { Task = grid, Label = "V1" });
        Assert.Equal(MjTaskStatus.Modal, Assert.Single(modal.Tasks).Status);
        var warning = Assert.Single(modal.Warnings);
        Assert.Contains("needs nothing more", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("MaskPath", warning, StringComparison.Ordinal);

        var sent = await Click(sim, new InvokeButtonOptions { Task = grid, Label = "V2", UseSuggestedPrompt = true, Wait = true, PollInterval = SimHarness.Poll });
        Assert.Empty(sent.Errors);
        Assert.Empty(sent.Warnings);
        var variation = Assert.Single(sent.Tasks);
        Assert.Equal((MjTaskStatus.Success, "VARIATION", grid.Id), (variation.Status, variation.Action, variation.ParentId));
    }

    [Fact]
    public async Task UseSuggestedPrompt_is_refused_before_the_click_where_it_cannot_work()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var before = sim.Submits();

        var zoom = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Custom Zoom", UseSuggestedPrompt = true });
        var both = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Vary (Subtle)", UseSuggestedPrompt = true, Prompt = "x" });

        Assert.Equal(MjErrorIds.InvalidInput, Assert.Single(zoom.Errors).ErrorId);
        Assert.Equal(MjErrorIds.InvalidInput, Assert.Single(both.Errors).ErrorId);
        Assert.Equal(before, sim.Submits());
    }

    [Fact]
    public async Task A_bookmark_click_on_TrueAI_is_refused_in_English_and_emits_nothing()
    {
        // TrueAI 11 carries Discord's ❤️ on an upscale but its action route has no branch for it (未知的 Action 类型).
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var journal = (await sim.Connection.Client.GetRecentAsync(50)).Count;

        var output = await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "❤️" });

        Assert.Empty(output.Objects);
        Assert.Empty(output.Warnings);
        var error = Assert.Single(output.Errors);
        Assert.Equal(MjErrorIds.ApiError, error.ErrorId);
        Assert.Contains("does not route this button's action", error.Message, StringComparison.Ordinal);
        Assert.Contains("未知的 Action 类型", error.Message, StringComparison.Ordinal);
        Assert.Equal(journal, (await sim.Connection.Client.GetRecentAsync(50)).Count);
    }

    [Fact]
    public async Task A_shorten_pick_on_Plus_imagines_that_prompt_in_the_same_call()
    {
        // PLUS documents the shorten picks as a MODAL imagine (TrueAI 11 refuses them): the click sends the MODAL step on.
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        var submitted = new RecordingOutput();
        await new NewShortenOperation(sim.Session).ProcessAsync(
            new NewShortenOptions { Prompt = "a very detailed red ceramic mug on a wooden table in soft morning light", Wait = true, PollInterval = SimHarness.Poll },
            submitted, CancellationToken.None);
        var shorten = Assert.Single(submitted.Tasks);
        Assert.Equal(5, shorten.Prompts.Count);

        var output = await Click(sim, new InvokeButtonOptions { Task = shorten, Label = "3️⃣", Wait = true });

        Assert.Empty(output.Errors);
        Assert.Empty(output.Warnings);
        var imagine = Assert.Single(output.Tasks);
        Assert.Equal(("IMAGINE", MjTaskStatus.Success), (imagine.Action, imagine.Status));
        Assert.Equal(shorten.Prompts[2], imagine.Prompt);
    }

    [Fact]
    public async Task Save_MjImage_warns_for_no_tiles_and_for_no_image_and_says_to_finish_a_MODAL_step()
    {
        await using var sim = await SimHarness.StartAsync();
        var upscale = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1");
        var modal = Assert.Single((await Click(sim, new InvokeButtonOptions { Task = upscale, Label = "Custom Zoom" })).Tasks);
        var shorten = new MjTask("s1") { Action = "SHORTEN", Status = MjTaskStatus.Success, Server = upscale.Server };

        var single = await Save(sim, upscale, all: true);
        var nothing = await Save(sim, shorten, all: false);
        var waiting = await Save(sim, modal, all: false);

        Assert.Equal(upscale.Id + ".png", Assert.Single(single.Files).Name);
        Assert.Contains("without tiles", Assert.Single(single.Warnings), StringComparison.Ordinal);
        Assert.Empty(nothing.Errors);
        Assert.Contains("no image URL", Assert.Single(nothing.Warnings), StringComparison.Ordinal);
        var error = Assert.Single(waiting.Errors);
        Assert.Contains("MODAL step", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Submit-MjModal -Id {modal.Id} -Prompt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_MjImage_calls_every_file_of_a_TrueAI_video_a_video_the_first_one_too()
    {
        // TrueAI gives a video task's first video as its imageUrl too: it is saved once, as <id>, and is a video.
        await using var sim = await SimHarness.StartAsync();
        var video = await sim.ClickAndWaitAsync(await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1"), "Animate (High motion)");
        Assert.Equal(video.VideoUrls[0], video.ImageUrl);

        var output = new RecordingOutput();
        var folder = Path.Combine(sim.Folder, "video");
        await new SaveImageOperation(sim.Session).ProcessAsync(new SaveImageOptions { Tasks = new[] { video }, Folder = folder, IncludeVideo = true }, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        var saved = output.Objects.OfType<SavedFile>().ToList();
        Assert.Equal(new[] { video.Id + ".png" }.Concat(Enumerable.Range(2, video.VideoUrls.Count - 1).Select(n => $"{video.Id}_{n}.png")), saved.Select(f => f.File.Name));
        Assert.All(saved, f => Assert.Equal(SavedFile.Video, f.Kind));
    }

    [Fact]
    public async Task Save_MjImage_All_on_a_TrueAI_video_finds_videos_not_tiles()
    {
        await using var sim = await SimHarness.StartAsync();
        var video = await sim.ClickAndWaitAsync(await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync(), "U1"), "Animate (Low motion)");

        var all = await Save(sim, video, all: true);
        var both = new RecordingOutput();
        await new SaveImageOperation(sim.Session).ProcessAsync(
            new SaveImageOptions { Tasks = new[] { video }, Folder = Path.Combine(sim.Folder, "both"), All = true, IncludeVideo = true }, both, CancellationToken.None);

        Assert.Equal(video.Id + ".png", Assert.Single(all.Files).Name);
        Assert.Contains("has videos, not tiles", Assert.Single(all.Warnings), StringComparison.Ordinal);
        Assert.Empty(both.Warnings);
        Assert.Equal(video.VideoUrls.Count, both.Files.Count);
        Assert.All(both.Objects.OfType<SavedFile>(), f => Assert.Equal(SavedFile.Video, f.Kind));
    }

    [Theory]
    [InlineData(SimulatorFlavor.TrueAi)]
    [InlineData(SimulatorFlavor.Plus)]
    [InlineData(SimulatorFlavor.NoviceZk)]
    [InlineData(SimulatorFlavor.Gateway)]
    [InlineData(SimulatorFlavor.TaskApi)]
    public async Task Save_MjImage_names_the_grid_and_its_tiles_the_same_on_every_flavour(SimulatorFlavor flavor)
    {
        await using var sim = await SimHarness.StartAsync(flavor, scheme: flavor is SimulatorFlavor.Gateway or SimulatorFlavor.TaskApi ? AuthScheme.Bearer : AuthScheme.MjApiSecret);
        var grid = await sim.ImagineAndWaitAsync();

        var output = await Save(sim, grid, all: true);

        Assert.Empty(output.Errors);
        var names = output.Files.Select(f => f.Name).ToList();
        Assert.Equal(grid.Id + ".png", names[0]);
        if (names.Count > 1)
        {
            Assert.Equal(Enumerable.Range(1, 4).Select(n => $"{grid.Id}_{n}.png"), names.Skip(1));
            Assert.Empty(output.Warnings);
        }
        else
        {
            Assert.Contains("without separate tiles", Assert.Single(output.Warnings), StringComparison.Ordinal);
        }
    }

    private static async Task<RecordingOutput> Click(SimHarness sim, InvokeButtonOptions options)
    {
        var output = new RecordingOutput();
        options.PollInterval = SimHarness.Poll;
        await new InvokeButtonOperation(sim.Session).ProcessAsync(options, output, CancellationToken.None);
        return output;
    }

    private static async Task<RecordingOutput> Save(SimHarness sim, MjTask task, bool all)
    {
        var output = new RecordingOutput();
        var folder = Path.Combine(sim.Folder, "save-" + Guid.NewGuid().ToString("N"));
        await new SaveImageOperation(sim.Session).ProcessAsync(new SaveImageOptions { Tasks = new[] { task }, Folder = folder, All = all }, output, CancellationToken.None);
        return output;
    }

    private static async Task<MjTask> Describe(SimHarness sim)
    {
        var image = Path.Combine(sim.Folder, "photo.png");
        File.WriteAllBytes(image, TestPng.Mask(64, 48));
        var output = new RecordingOutput();
        await new NewDescribeOperation(sim.Session).ProcessAsync(new NewDescribeOptions { Image = image, Wait = true, PollInterval = SimHarness.Poll }, output, CancellationToken.None);
        Assert.Empty(output.Errors);
        return Assert.Single(output.Tasks);
    }
}
