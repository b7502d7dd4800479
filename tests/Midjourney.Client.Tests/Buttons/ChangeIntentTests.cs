using Midjourney.Client;
using Xunit;

namespace Midjourney.Client.Tests.Buttons;

public class ChangeIntentTests
{
    [Theory]
    [InlineData("change:UPSCALE:1", "UPSCALE", 1, "1320098173412546 U1")]
    [InlineData("change:UPSCALE:4", "UPSCALE", 4, "1320098173412546 U4")]
    [InlineData("change:VARIATION:2", "VARIATION", 2, "1320098173412546 V2")]
    [InlineData("change:REROLL:0", "REROLL", 1, "1320098173412546 R")]
    [InlineData("MJ::JOB::upsample::3::5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13", "UPSCALE", 3, "1320098173412546 U3")]
    [InlineData("MJ::JOB::variation::4::5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13", "VARIATION", 4, "1320098173412546 V4")]
    [InlineData("MJ::JOB::reroll::0::5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13::SOLO", "REROLL", 1, "1320098173412546 R")]
    public void Upscale_variation_and_reroll_become_change_requests(string customId, string action, int index, string content)
    {
        var button = new MjButton("1320098173412546", customId);

        Assert.True(ChangeIntent.TryFrom(button, out var intent));
        Assert.Equal(action, intent.Action);
        Assert.Equal(index, intent.Index);
        Assert.Equal(content, intent.SimpleChangeContent("1320098173412546"));
    }

    [Theory]
    [InlineData("MJ::Inpaint::1::a7d3c0e2-91b4-4f5e-8c26-3e9b1f0d5c47::SOLO")]
    [InlineData("MJ::JOB::low_variation::1::a7d3c0e2-91b4-4f5e-8c26-3e9b1f0d5c47::SOLO")]
    [InlineData("MJ::JOB::upsample_v7_2x_subtle::1::a7d3c0e2-91b4-4f5e-8c26-3e9b1f0d5c47::SOLO")]
    [InlineData("MJ::JOB::video_virtual_upscale::1::a7d3c0e2-91b4-4f5e-8c26-3e9b1f0d5c47")]
    [InlineData("MJ::Job::PicReader::1")]
    [InlineData("MJ::Picread::Retry")]
    [InlineData("MJ::JOB::upsample::7::5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13")]
    [InlineData("whatever")]
    public void Other_buttons_have_no_change_equivalent(string customId)
    {
        var button = new MjButton("1", customId);

        Assert.False(ChangeIntent.TryFrom(button, out var intent));
    }

    [Fact]
    public void Every_synthetic_button_has_an_intent()
    {
        foreach (var button in SyntheticButtons.For("9"))
        {
            Assert.True(ChangeIntent.TryFrom(button, out _), button.CustomId);
        }
    }
}
