using Midjourney.Client;
using Xunit;

namespace Midjourney.Client.Tests.Buttons;

public class CustomIdParserTests
{
    private const string Grid = "5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13";
    private const string Up = "a7d3c0e2-91b4-4f5e-8c26-3e9b1f0d5c47";

    [Theory]
    // §3.2 grid (literal ids of the reference's IMAGINE example).
    [InlineData("MJ::JOB::upsample::1::" + Grid, MjButtonKind.Upscale, 1)]
    [InlineData("MJ::JOB::upsample::2::" + Grid, MjButtonKind.Upscale, 2)]
    [InlineData("MJ::JOB::upsample::3::" + Grid, MjButtonKind.Upscale, 3)]
    [InlineData("MJ::JOB::upsample::4::" + Grid, MjButtonKind.Upscale, 4)]
    [InlineData("MJ::JOB::reroll::0::" + Grid + "::SOLO", MjButtonKind.Reroll, null)]
    [InlineData("MJ::JOB::variation::1::" + Grid, MjButtonKind.Variation, 1)]
    [InlineData("MJ::JOB::variation::2::" + Grid, MjButtonKind.Variation, 2)]
    [InlineData("MJ::JOB::variation::3::" + Grid, MjButtonKind.Variation, 3)]
    [InlineData("MJ::JOB::variation::4::" + Grid, MjButtonKind.Variation, 4)]
    // Older v4/v5.0 upscale: "Make Variations" and Favorite.
    [InlineData("MJ::JOB::variation::1::" + Up + "::SOLO", MjButtonKind.Variation, 1)]
    [InlineData("MJ::BOOKMARK::" + Up, MjButtonKind.Bookmark, null)]
    // §3.3 upscaled image, every model version.
    [InlineData("MJ::JOB::upsample_v7_2x_subtle::1::" + Up + "::SOLO", MjButtonKind.UpscaleSubtle, null)]
    [InlineData("MJ::JOB::upsample_v7_2x_creative::1::" + Up + "::SOLO", MjButtonKind.UpscaleCreative, null)]
    [InlineData("MJ::JOB::upsample_v6r1_2x_subtle::1::" + Up + "::SOLO", MjButtonKind.UpscaleSubtle, null)]
    [InlineData("MJ::JOB::upsample_v6r1_2x_creative::1::" + Up + "::SOLO", MjButtonKind.UpscaleCreative, null)]
    [InlineData("MJ::JOB::upsample_v6_2x_subtle::1::" + Up + "::SOLO", MjButtonKind.UpscaleSubtle, null)]
    [InlineData("MJ::JOB::upsample_v6_2x_creative::1::" + Up + "::SOLO", MjButtonKind.UpscaleCreative, null)]
    [InlineData("MJ::JOB::upsample_v5_2x::1::" + Up + "::SOLO", MjButtonKind.Upscale2x, null)]
    [InlineData("MJ::JOB::upsample_v5_4x::1::" + Up + "::SOLO", MjButtonKind.Upscale4x, null)]
    [InlineData("MJ::JOB::low_variation::1::" + Up + "::SOLO", MjButtonKind.VarySubtle, null)]
    [InlineData("MJ::JOB::high_variation::1::" + Up + "::SOLO", MjButtonKind.VaryStrong, null)]
    [InlineData("MJ::Outpaint::50::1::" + Up + "::SOLO", MjButtonKind.ZoomOut2x, null)]
    [InlineData("MJ::Outpaint::75::1::" + Up + "::SOLO", MjButtonKind.ZoomOut1_5x, null)]
    [InlineData("MJ::Outpaint::100::1::" + Up + "::SOLO", MjButtonKind.MakeSquare, null)]
    [InlineData("MJ::JOB::pan_left::1::" + Up + "::SOLO", MjButtonKind.PanLeft, null)]
    [InlineData("MJ::JOB::pan_right::1::" + Up + "::SOLO", MjButtonKind.PanRight, null)]
    [InlineData("MJ::JOB::pan_up::1::" + Up + "::SOLO", MjButtonKind.PanUp, null)]
    [InlineData("MJ::JOB::pan_down::1::" + Up + "::SOLO", MjButtonKind.PanDown, null)]
    [InlineData("MJ::JOB::animate_high::1::" + Up + "::SOLO", MjButtonKind.AnimateHigh, null)]
    [InlineData("MJ::JOB::animate_low::1::" + Up + "::SOLO", MjButtonKind.AnimateLow, null)]
    // Video results.
    [InlineData("MJ::JOB::video_virtual_upscale::1::" + Up, MjButtonKind.VideoUpscale, 1)]
    [InlineData("MJ::JOB::video_virtual_upscale::4::" + Up, MjButtonKind.VideoUpscale, 4)]
    [InlineData("MJ::JOB::animate_high_extend::1::" + Up, MjButtonKind.ExtendHigh, null)]
    [InlineData("MJ::JOB::animate_low_extend::1::" + Up, MjButtonKind.ExtendLow, null)]
    // §3.4 describe.
    [InlineData("MJ::Job::PicReader::all", MjButtonKind.DescribeAll, null)]
    [InlineData("MJ::Picread::Retry", MjButtonKind.DescribeRetry, null)]
    public void Parses_ids_that_never_need_a_modal(string customId, MjButtonKind kind, int? index)
    {
        var parsed = CustomIdParser.Parse(customId);

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(index, parsed.Index);
        Assert.False(parsed.AlwaysModal);
    }

    [Theory]
    [InlineData("MJ::Inpaint::1::" + Up + "::SOLO", MjButtonKind.VaryRegion, null)]
    [InlineData("MJ::CustomZoom::" + Up, MjButtonKind.CustomZoom, null)]
    [InlineData("MJ::CustomZoom::1::" + Up, MjButtonKind.CustomZoom, null)]
    [InlineData("MJ::JOB::video::1::" + Up + "::manual", MjButtonKind.AnimateManual, null)]
    [InlineData("MJ::Job::PicReader::1", MjButtonKind.DescribePick, 1)]
    [InlineData("MJ::Job::PicReader::2", MjButtonKind.DescribePick, 2)]
    [InlineData("MJ::Job::PicReader::3", MjButtonKind.DescribePick, 3)]
    [InlineData("MJ::Job::PicReader::4", MjButtonKind.DescribePick, 4)]
    [InlineData("MJ::Job::PromptAnalyzer::1", MjButtonKind.ShortenPick, null)]
    [InlineData("MJ::Job::PromptAnalyzer::1257355580906373232::5", MjButtonKind.ShortenPick, null)]
    public void Parses_always_modal_ids(string customId, MjButtonKind kind, int? index)
    {
        var parsed = CustomIdParser.Parse(customId);

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(index, parsed.Index);
        Assert.True(parsed.AlwaysModal);
    }

    [Theory]
    [InlineData("change:UPSCALE:1", MjButtonKind.Upscale, 1)]
    [InlineData("change:UPSCALE:4", MjButtonKind.Upscale, 4)]
    [InlineData("change:VARIATION:2", MjButtonKind.Variation, 2)]
    [InlineData("change:VARIATION:3", MjButtonKind.Variation, 3)]
    [InlineData("change:REROLL:0", MjButtonKind.Reroll, null)]
    [InlineData("CHANGE:upscale:2", MjButtonKind.Upscale, 2)]
    public void Parses_synthetic_change_ids(string customId, MjButtonKind kind, int? index)
    {
        var parsed = CustomIdParser.Parse(customId);

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(index, parsed.Index);
        Assert.False(parsed.AlwaysModal);
    }

    [Theory]
    [InlineData("mj::job::UPSAMPLE::3::" + Grid, MjButtonKind.Upscale, 3)]
    [InlineData("MJ::JOB::Pan_Left::1::" + Up + "::SOLO", MjButtonKind.PanLeft, null)]
    [InlineData("MJ::INPAINT::1::" + Up + "::SOLO", MjButtonKind.VaryRegion, null)]
    [InlineData("mj::job::picreader::ALL", MjButtonKind.DescribeAll, null)]
    [InlineData("MJ::JOB::UPSAMPLE_V7_2X_SUBTLE::1::" + Up + "::SOLO", MjButtonKind.UpscaleSubtle, null)]
    public void Ignores_case(string customId, MjButtonKind kind, int? index)
    {
        var parsed = CustomIdParser.Parse(customId);

        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(index, parsed.Index);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MJ")]
    [InlineData("MJ::")]
    [InlineData("MJ::JOB")]
    [InlineData("MJ::JOB::")]
    [InlineData("::::")]
    [InlineData("U1")]
    [InlineData("https://discord.com")]
    [InlineData("XX::JOB::upsample::1::" + Grid)]
    [InlineData("MJ::JOB::dance::1::" + Grid)]
    [InlineData("MJ::JOB::upsample_v7_2x_weird::1::" + Up)]
    [InlineData("MJ::JOB::pan_sideways::1::" + Up)]
    [InlineData("MJ::JOB::animate_medium::1::" + Up)]
    [InlineData("MJ::JOB::video::1::" + Up)]
    [InlineData("MJ::Outpaint::60::1::" + Up + "::SOLO")]
    [InlineData("MJ::Outpaint")]
    [InlineData("MJ::Picread::Again")]
    [InlineData("MJ::Job::PicReader::5")]
    [InlineData("MJ::Job::PicReader::")]
    [InlineData("MJ::Something::1::" + Up)]
    [InlineData("change:")]
    [InlineData("change:ZOOM:1")]
    [InlineData("MJ:JOB:upsample:1:" + Grid)]
    public void Unknown_for_anything_else(string? customId)
    {
        var parsed = CustomIdParser.Parse(customId);

        Assert.Equal(MjButtonKind.Unknown, parsed.Kind);
        Assert.Null(parsed.Index);
        Assert.False(parsed.AlwaysModal);
    }

    [Theory]
    [InlineData("MJ::JOB::upsample::0::" + Grid, MjButtonKind.Upscale)]
    [InlineData("MJ::JOB::upsample::5::" + Grid, MjButtonKind.Upscale)]
    [InlineData("MJ::JOB::upsample::12::" + Grid, MjButtonKind.Upscale)]
    [InlineData("MJ::JOB::variation::x::" + Grid, MjButtonKind.Variation)]
    [InlineData("MJ::JOB::variation", MjButtonKind.Variation)]
    [InlineData("change:UPSCALE:9", MjButtonKind.Upscale)]
    [InlineData("change:VARIATION", MjButtonKind.Variation)]
    public void Out_of_range_image_number_keeps_the_kind_without_an_index(string customId, MjButtonKind kind)
    {
        var parsed = CustomIdParser.Parse(customId);

        Assert.Equal(kind, parsed.Kind);
        Assert.Null(parsed.Index);
    }

    [Fact]
    public void MjButton_takes_kind_index_and_modal_from_the_parser()
    {
        var button = new MjButton("1", "MJ::Job::PicReader::3", emoji: "3️⃣");

        Assert.Equal(MjButtonKind.DescribePick, button.Kind);
        Assert.Equal(3, button.Index);
        Assert.True(button.AlwaysModal);
    }
}
