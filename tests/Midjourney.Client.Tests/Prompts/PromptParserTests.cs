namespace Midjourney.Client.Tests.Prompts;

public sealed class PromptParserTests
{
    [Fact]
    public void Parameters_are_read_into_typed_values()
    {
        var prompt = MjPromptParser.Parse("https://example.com/ref.png red fox, snow --ar 3:2 --v 6.1 --stylize 250 --c 10 --q .5 --seed 42 --no text, watermark --style raw --sref 123 https://example.com/s.png::2 --sw 50 --p abc --tile");
        var p = prompt.Parameters;

        Assert.Equal("https://example.com/ref.png red fox, snow", prompt.Text);
        Assert.Equal("3:2", p.AspectRatio);
        Assert.Equal("6.1", p.Version);
        Assert.Equal(250, p.Stylize);
        Assert.Equal(10, p.Chaos);
        Assert.Equal(0.5, p.Quality);
        Assert.Equal(42L, p.Seed);
        Assert.Equal(new[] { "text", "watermark" }, p.No);
        Assert.True(p.Raw);
        Assert.True(p.Tile);
        Assert.Equal(new[] { "123", "https://example.com/s.png::2" }, p.StyleReference);
        Assert.Equal(50, p.StyleWeight);
        Assert.Equal(new[] { "abc" }, p.Personalize);
        Assert.Equal(new MjModel(6.1, niji: false).ToString(), p.Model.ToString());
    }

    [Fact]
    public void Niji_and_bare_flags_and_unknown_flags_are_kept()
    {
        var p = MjPromptParser.Parse("girl --niji --p --sim-fail").Parameters;

        Assert.Equal(string.Empty, p.Niji);
        Assert.True(p.Model.Niji);
        Assert.NotNull(p.Personalize);
        Assert.Empty(p.Personalize!);
        Assert.Equal(new[] { "--sim-fail" }, p.Unknown);
    }

    [Fact]
    public void Glued_and_dashed_flags_still_yield_their_value()
    {
        var p = MjPromptParser.Parse("mug --ar16:9 \u2014v 7").Parameters;

        Assert.Equal("16:9", p.AspectRatio);
        Assert.Equal("7", p.Version);
    }

    [Fact]
    public void Prose_dashes_are_text_not_flags()
    {
        var prompt = MjPromptParser.Parse("a sci-fi mug \u2014 bright -ish, 50% off --ar 1:1");

        Assert.Equal("a sci-fi mug \u2014 bright -ish, 50% off", prompt.Text);
        Assert.Empty(prompt.SyntaxProblems);
    }

    [Fact]
    public void Parameters_print_in_Midjourney_syntax()
    {
        var p = new MjPromptParameters { AspectRatio = "16:9", Version = "7", Stylize = 250, Quality = 0.25, Raw = true, No = { "text", "logo" } };

        Assert.Equal("--ar 16:9 --v 7 --s 250 --q 0.25 --no text, logo --raw", p.ToString());
    }

    [Fact]
    public void A_task_reads_its_parameters_from_finalPrompt_first()
    {
        var task = new MjTask("1")
        {
            Prompt = "mug --ar 1:1",
            Properties = new Dictionary<string, object?> { ["finalPrompt"] = "mug --ar 16:9 --v 7 --s 250" },
        };

        Assert.Equal("16:9", task.Parameters.AspectRatio);
        Assert.Equal(250, task.Parameters.Stylize);
        Assert.Equal("7", task.Parameters.Version);
    }

    [Fact]
    public void A_task_without_prompt_has_empty_parameters()
    {
        Assert.True(new MjTask("1").Parameters.IsEmpty);
    }
}
