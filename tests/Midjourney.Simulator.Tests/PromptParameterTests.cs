using System.Threading.Tasks;
using Xunit;
using System.Text.Json;
using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Tests;

/// <summary>The simulator reads prompt parameters with the client's parser and fails what Midjourney's bot refuses.</summary>
public sealed class PromptParameterTests
{
    [Fact]
    public async Task An_invalid_parameter_is_accepted_then_fails_in_the_bots_words()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        JsonElement failed = await sim.WaitForAsync(await sim.ImagineAsync("boat --stylise 250"), "FAILURE", "SUCCESS");

        Assert.Equal("FAILURE", SimHarness.StatusOf(failed));
        string reason = failed.GetProperty("failReason").GetString()!;
        Assert.StartsWith("Invalid parameter, ", reason); // trueai (the default): its Discord handler's "{title}, {desc}"
        Assert.Contains("--stylize", reason);
    }

    [Fact]
    public async Task Other_flavours_put_the_bots_error_on_the_task_in_brackets()
    {
        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.NoviceZk);
        JsonElement failed = await sim.WaitForAsync(await sim.ImagineAsync("boat --stylise 250"), "FAILURE", "SUCCESS");

        Assert.StartsWith("[Invalid parameter] ", failed.GetProperty("failReason").GetString());
    }

    [Theory]
    [InlineData(SimulatorFlavor.NoviceZk)]
    [InlineData(SimulatorFlavor.TrueAi)]
    public async Task Images_in_base64Array_become_urls_at_the_start_of_the_prompt(SimulatorFlavor flavor)
    {
        await using SimHarness sim = await SimHarness.StartAsync(flavor);
        string id = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "boat --v 7", base64Array = new[] { TestImages.DataUrl(8, 8) } });

        string prompt = (await sim.FetchAsync(id)).GetProperty("prompt").GetString()!;

        Assert.Matches(@"^http://127\.0\.0\.1:\d+/\S+ boat --v 7$", prompt);
    }

    [Fact]
    public async Task A_valid_prompt_with_many_parameters_succeeds()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        JsonElement task = await sim.WaitForAsync(await sim.ImagineAsync("boat --ar 16:9 --v 7 --s 250 --no text, logo --oref https://example.com/a.png --ow 200"), "SUCCESS", "FAILURE");

        Assert.Equal("SUCCESS", SimHarness.StatusOf(task));
    }

    [Fact]
    public void Prompt_info_exposes_the_parsed_aspect_ratio_and_version_for_image_sizes()
    {
        PromptInfo info = PromptInfo.Parse("boat --ar 21:9 --v 6.1 --sim-fail");

        Assert.Equal(21, info.AspectWidth);
        Assert.Equal(9, info.AspectHeight);
        Assert.Equal("6.1", info.Parameters.Version);
        Assert.False(info.Parameters.Model.Niji);
        Assert.Null(info.InvalidReason);
        Assert.True(info.SimFail);
    }

    [Fact]
    public void Version_rules_are_the_clients()
    {
        Assert.Contains("--oref needs version 7", PromptInfo.Parse("boat --oref https://example.com/a.png --v 6").InvalidReason);
    }
}
