using System;
using Midjourney.Client;
using Xunit;

namespace Midjourney.Client.Tests.Buttons;

public class MjButtonFinderTests
{
    private readonly MjTask _grid = ButtonTasks.Grid();
    private readonly MjTask _upscaled = ButtonTasks.Upscaled();

    [Theory]
    [InlineData("MJ::JOB::upsample::2::" + ButtonTasks.GridHash, "MJ::JOB::upsample::2::" + ButtonTasks.GridHash)]
    [InlineData("mj::job::variation::3::" + ButtonTasks.GridHash, "MJ::JOB::variation::3::" + ButtonTasks.GridHash)]
    [InlineData("U1", "MJ::JOB::upsample::1::" + ButtonTasks.GridHash)]
    [InlineData("u4", "MJ::JOB::upsample::4::" + ButtonTasks.GridHash)]
    [InlineData(" V2 ", "MJ::JOB::variation::2::" + ButtonTasks.GridHash)]
    [InlineData("🔄", "MJ::JOB::reroll::0::" + ButtonTasks.GridHash + "::SOLO")]
    [InlineData("Reroll", "MJ::JOB::reroll::0::" + ButtonTasks.GridHash + "::SOLO")]
    [InlineData("reroll", "MJ::JOB::reroll::0::" + ButtonTasks.GridHash + "::SOLO")]
    public void Finds_grid_buttons(string query, string customId)
    {
        Assert.Equal(customId, MjButtonFinder.Find(_grid, query).CustomId);
    }

    [Theory]
    [InlineData("Vary (Region)", MjButtonKind.VaryRegion)]
    [InlineData("vary (region)", MjButtonKind.VaryRegion)]
    [InlineData("VaryRegion", MjButtonKind.VaryRegion)]
    [InlineData("vary region", MjButtonKind.VaryRegion)]
    [InlineData("Zoom Out 1.5x", MjButtonKind.ZoomOut1_5x)]
    [InlineData("zoomout1.5x", MjButtonKind.ZoomOut1_5x)]
    [InlineData("ZoomOut1_5x", MjButtonKind.ZoomOut1_5x)]
    [InlineData("ZoomOut2x", MjButtonKind.ZoomOut2x)]
    [InlineData("Custom Zoom", MjButtonKind.CustomZoom)]
    [InlineData("Upscale (Creative)", MjButtonKind.UpscaleCreative)]
    [InlineData("UpscaleSubtle", MjButtonKind.UpscaleSubtle)]
    [InlineData("Animate (Low motion)", MjButtonKind.AnimateLow)]
    [InlineData("PanLeft", MjButtonKind.PanLeft)]
    [InlineData("pan_down", MjButtonKind.PanDown)]
    [InlineData("Bookmark", MjButtonKind.Bookmark)]
    [InlineData("🖌️", MjButtonKind.VaryRegion)]
    [InlineData("🖌", MjButtonKind.VaryRegion)]
    [InlineData("⬅️", MjButtonKind.PanLeft)]
    [InlineData("⬅", MjButtonKind.PanLeft)]
    [InlineData("➡", MjButtonKind.PanRight)]
    [InlineData("⬆", MjButtonKind.PanUp)]
    [InlineData("⬇️", MjButtonKind.PanDown)]
    [InlineData("❤", MjButtonKind.Bookmark)]
    public void Finds_upscale_buttons_by_label_emoji_or_kind(string query, MjButtonKind kind)
    {
        Assert.Equal(kind, MjButtonFinder.Find(_upscaled, query).Kind);
    }

    [Fact]
    public void Label_wins_over_kind_and_customId_wins_over_label()
    {
        // A button labelled "Reroll" that is not a reroll, next to the real 🔄: the label level is checked first.
        var task = new MjTask("7")
        {
            Status = MjTaskStatus.Success,
            Buttons = new[]
            {
                new MjButton("7", "MJ::JOB::reroll::0::h::SOLO", "", "🔄"),
                new MjButton("7", "custom::thing", "Reroll"),
                new MjButton("7", "U1", "something else"),
                new MjButton("7", "other", "U1"),
            },
        };

        Assert.Equal("custom::thing", MjButtonFinder.Find(task, "reroll").CustomId);
        Assert.Equal("U1", MjButtonFinder.Find(task, "U1").CustomId);
    }

    [Fact]
    public void Ambiguous_kind_lists_the_matches()
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_grid, "Upscale"));

        Assert.Contains("ambiguous", error.Message);
        Assert.Contains("U1 [MJ::JOB::upsample::1::" + ButtonTasks.GridHash + "]", error.Message);
        Assert.Contains("U4 [MJ::JOB::upsample::4::" + ButtonTasks.GridHash + "]", error.Message);
        Assert.DoesNotContain("V1", error.Message);
        Assert.Equal(new[] { "U1", "U2", "U3", "U4" }, Array.ConvertAll(ToArray(error), b => b.Label));
        Assert.Equal("Upscale", error.Query);
        Assert.Equal(_grid.Id, error.TaskId);
    }

    [Fact]
    public void Ambiguous_emoji_lists_the_three_zoom_buttons()
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_upscaled, "🔍"));

        Assert.Contains("ambiguous", error.Message);
        Assert.Equal(
            new[] { MjButtonKind.ZoomOut2x, MjButtonKind.ZoomOut1_5x, MjButtonKind.CustomZoom },
            Array.ConvertAll(ToArray(error), b => b.Kind));
        Assert.Contains("Custom Zoom [MJ::CustomZoom::" + ButtonTasks.UpscaleHash + "]", error.Message);
    }

    [Fact]
    public void Miss_lists_what_the_task_offers()
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_grid, "U5"));

        Assert.Contains("U1, U2, U3, U4, 🔄 (Reroll), V1, V2, V3, V4", error.Message);
        Assert.Contains("'U5'", error.Message);
        Assert.DoesNotContain("upscale", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(9, error.Available.Count);
        Assert.Equal("U5", error.Query);
    }

    [Fact]
    public void Miss_on_an_upscale_names_emoji_buttons_with_their_kind()
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_upscaled, "U1"));

        Assert.Contains("Vary (Region), Zoom Out 2x", error.Message);
        Assert.Contains("⬅️ (PanLeft), ➡️ (PanRight)", error.Message);
        Assert.Contains("❤️ (Bookmark)", error.Message);
        Assert.DoesNotContain("Click U1..U4 first", error.Message);
    }

    [Theory]
    [InlineData("Vary (Region)")]
    [InlineData("VaryRegion")]
    [InlineData("Custom Zoom")]
    [InlineData("Zoom Out 2x")]
    [InlineData("zoom")]
    [InlineData("PanLeft")]
    [InlineData("⬅")]
    [InlineData("🔍")]
    [InlineData("Vary (Subtle)")]
    [InlineData("Vary (Strong)")]
    [InlineData("Upscale (Subtle)")]
    [InlineData("Upscale (Creative)")]
    [InlineData("Upscale (2x)")]
    [InlineData("Upscale4x")]
    public void Miss_on_a_grid_for_an_upscaled_only_button_says_to_upscale_first(string query)
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_grid, query));

        Assert.Contains($"Click U1..U4 first: '{query}' is only offered on an upscaled image.", error.Message);
        Assert.Contains("U1, U2, U3, U4", error.Message);
    }

    [Fact]
    public void No_upscale_first_hint_when_the_task_is_not_a_grid()
    {
        var describe = new MjTask("9")
        {
            Action = "DESCRIBE",
            Status = MjTaskStatus.Success,
            Buttons = new[]
            {
                new MjButton("9", "MJ::Job::PicReader::1", "", "1️⃣"),
                new MjButton("9", "MJ::Picread::Retry", "", "🔄"),
            },
        };

        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(describe, "Vary (Region)"));

        Assert.DoesNotContain("first", error.Message);
        Assert.Contains("1️⃣ (DescribePick), 🔄 (DescribeRetry)", error.Message);
    }

    [Fact]
    public void Unfinished_task_says_buttons_come_on_success()
    {
        var running = new MjTask("5") { Action = "IMAGINE", Status = MjTaskStatus.InProgress };

        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(running, "U1"));

        Assert.Contains("task is InProgress; buttons appear when it succeeds", error.Message);
        Assert.Empty(error.Available);
    }

    [Fact]
    public void Failed_task_says_only_success_has_buttons()
    {
        var failed = new MjTask("5") { Action = "IMAGINE", Status = MjTaskStatus.Failure };

        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(failed, "U1"));

        Assert.Contains("task is Failure; only a successful task has buttons", error.Message);
    }

    [Fact]
    public void Finished_task_without_buttons_says_the_server_sent_none()
    {
        var upscale = new MjTask("6") { Action = "UPSCALE", Status = MjTaskStatus.Success };

        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(upscale, "Vary (Region)"));

        Assert.Contains("no buttons at all", error.Message);
        Assert.Contains("finished (UPSCALE) but the server sent no buttons", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!")]
    public void Empty_or_punctuation_queries_match_nothing(string query)
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_upscaled, query));

        Assert.Contains("It offers:", error.Message);
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => MjButtonFinder.Find(null!, "U1"));
        Assert.Throws<ArgumentNullException>(() => MjButtonFinder.Find(_grid, (string)null!));
    }

    [Theory]
    [InlineData(MjButtonKind.Upscale, 2, "MJ::JOB::upsample::2::" + ButtonTasks.GridHash)]
    [InlineData(MjButtonKind.Variation, 4, "MJ::JOB::variation::4::" + ButtonTasks.GridHash)]
    [InlineData(MjButtonKind.Reroll, null, "MJ::JOB::reroll::0::" + ButtonTasks.GridHash + "::SOLO")]
    public void Finds_by_kind_and_index(MjButtonKind kind, int? index, string customId)
    {
        Assert.Equal(customId, MjButtonFinder.Find(_grid, kind, index).CustomId);
    }

    [Fact]
    public void Kind_without_index_must_be_unique()
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_grid, MjButtonKind.Variation));

        Assert.Contains("ambiguous", error.Message);
        Assert.Equal(4, error.Available.Count);
    }

    [Fact]
    public void Kind_miss_on_a_grid_says_to_upscale_first()
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_grid, MjButtonKind.VaryRegion));

        Assert.Contains("Click U1..U4 first: 'VaryRegion'", error.Message);
    }

    [Fact]
    public void Kind_with_a_missing_index_lists_the_offer()
    {
        var error = Assert.Throws<MjButtonNotFoundException>(() => MjButtonFinder.Find(_grid, MjButtonKind.Upscale, 5));

        Assert.Contains("'Upscale 5'", error.Message);
        Assert.Contains("U1, U2, U3, U4, 🔄 (Reroll)", error.Message);
        Assert.DoesNotContain("first", error.Message);
    }

    [Fact]
    public void Finds_synthetic_buttons_like_real_ones()
    {
        var task = new MjTask("42") { Action = "IMAGINE", Status = MjTaskStatus.Success, Buttons = SyntheticButtons.For("42") };

        Assert.Equal("change:VARIATION:3", MjButtonFinder.Find(task, "V3").CustomId);
        Assert.Equal("change:REROLL:0", MjButtonFinder.Find(task, "🔄").CustomId);
        Assert.Equal("change:UPSCALE:2", MjButtonFinder.Find(task, MjButtonKind.Upscale, 2).CustomId);
    }

    private static MjButton[] ToArray(MjButtonNotFoundException error)
    {
        var buttons = new MjButton[error.Available.Count];
        for (var i = 0; i < buttons.Length; i++)
        {
            buttons[i] = error.Available[i];
        }

        return buttons;
    }
}
