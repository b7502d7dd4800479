using System;
using System.Linq;
using Midjourney.Client;
using Xunit;

namespace Midjourney.Client.Tests.Buttons;

public class SyntheticButtonsTests
{
    [Fact]
    public void Grid_buttons_in_discord_order()
    {
        var buttons = SyntheticButtons.For("1320098173412546");

        Assert.Equal(
            new[] { "U1", "U2", "U3", "U4", "", "V1", "V2", "V3", "V4" },
            buttons.Select(b => b.Label).ToArray());
        Assert.Equal(
            new[]
            {
                "change:UPSCALE:1", "change:UPSCALE:2", "change:UPSCALE:3", "change:UPSCALE:4",
                "change:REROLL:0",
                "change:VARIATION:1", "change:VARIATION:2", "change:VARIATION:3", "change:VARIATION:4",
            },
            buttons.Select(b => b.CustomId).ToArray());
        Assert.Equal(
            new int?[] { 1, 2, 3, 4, null, 1, 2, 3, 4 },
            buttons.Select(b => b.Index).ToArray());
        Assert.All(buttons, b => Assert.True(b.IsSynthetic));
        Assert.All(buttons, b => Assert.Equal("1320098173412546", b.TaskId));
        Assert.All(buttons, b => Assert.False(b.AlwaysModal));
    }

    [Fact]
    public void Reroll_is_the_emoji_button()
    {
        var reroll = SyntheticButtons.For("1")[4];

        Assert.Equal(MjButtonKind.Reroll, reroll.Kind);
        Assert.Equal("🔄", reroll.Emoji);
        Assert.Equal("", reroll.Label);
        Assert.Equal("🔄", reroll.DisplayName);
    }

    [Fact]
    public void Kinds_come_from_the_synthetic_ids()
    {
        var kinds = SyntheticButtons.For("1").Select(b => b.Kind).ToArray();

        Assert.Equal(
            new[]
            {
                MjButtonKind.Upscale, MjButtonKind.Upscale, MjButtonKind.Upscale, MjButtonKind.Upscale,
                MjButtonKind.Reroll,
                MjButtonKind.Variation, MjButtonKind.Variation, MjButtonKind.Variation, MjButtonKind.Variation,
            },
            kinds);
    }

    [Theory]
    [InlineData("IMAGINE")]
    [InlineData("imagine")]
    [InlineData("VARIATION")]
    [InlineData("REROLL")]
    [InlineData("BLEND")]
    [InlineData("PAN")]
    [InlineData("ZOOM")]
    [InlineData("TEXT_TO_IMAGE")]
    [InlineData("TASK_TYPE_TEXT_TO_IMAGE")]
    [InlineData("MJ_IMAGINE")]
    [InlineData("mj_variation")]
    [InlineData("TASK_TYPE_REROLL")]
    public void Applies_to_successful_grids_without_buttons(string action)
    {
        var task = new MjTask("1") { Action = action, Status = MjTaskStatus.Success };

        Assert.True(SyntheticButtons.AppliesTo(task));
    }

    [Theory]
    [InlineData("UPSCALE")]
    [InlineData("DESCRIBE")]
    [InlineData("SHORTEN")]
    [InlineData("VIDEO")]
    [InlineData("")]
    [InlineData(null)]
    public void Does_not_apply_to_other_actions(string? action)
    {
        var task = new MjTask("1") { Action = action, Status = MjTaskStatus.Success };

        Assert.False(SyntheticButtons.AppliesTo(task));
    }

    [Theory]
    [InlineData(MjTaskStatus.InProgress)]
    [InlineData(MjTaskStatus.Failure)]
    [InlineData(MjTaskStatus.Modal)]
    [InlineData(MjTaskStatus.Unknown)]
    public void Does_not_apply_before_success(MjTaskStatus status)
    {
        var task = new MjTask("1") { Action = "IMAGINE", Status = status };

        Assert.False(SyntheticButtons.AppliesTo(task));
    }

    [Fact]
    public void Does_not_apply_when_the_server_sent_buttons()
    {
        Assert.False(SyntheticButtons.AppliesTo(ButtonTasks.Grid()));
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => SyntheticButtons.For(null!));
        Assert.Throws<ArgumentNullException>(() => SyntheticButtons.AppliesTo(null!));
    }
}
