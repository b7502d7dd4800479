namespace Midjourney.Client.Tests.Prompts;

public sealed class PromptBuilderTests
{
    [Theory]
    [InlineData("red mug --v 7", "https://a.png red mug --v 7")]
    [InlineData("https://a.png red mug", "https://a.png red mug")]
    [InlineData("  red mug", "https://a.png red mug")]
    public void Image_prompt_urls_go_first_once(string prompt, string expected)
    {
        Assert.Equal(expected, MjPromptBuilder.WithImagePrompts(new[] { "https://a.png", "https://a.png" }, prompt));
    }

    [Theory]
    [InlineData("https://a.png red mug --v 7", "red mug --v 7")]
    [InlineData("https://a.png  http://b.example/x.jpg?w=2 red mug", "red mug")]
    [InlineData("<https://a.png> red mug", "red mug")]
    [InlineData("red mug --sref https://a.png", "red mug --sref https://a.png")]
    [InlineData("  red mug", "red mug")]
    [InlineData("https://a.png https://b.png", "")]
    [InlineData("ftp://a.png red mug", "ftp://a.png red mug")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Image_prompt_links_at_the_start_are_left_out_for_showing(string? prompt, string expected)
    {
        Assert.Equal(expected, MjPromptBuilder.WithoutImagePrompts(prompt));
    }

    [Fact]
    public void Leaving_out_the_links_undoes_adding_them()
    {
        Assert.Equal("red mug --ar 3:2", MjPromptBuilder.WithoutImagePrompts(MjPromptBuilder.WithImagePrompts(new[] { "https://a.png", "https://b.png" }, "red mug --ar 3:2")));
    }

    [Fact]
    public void No_image_prompts_leave_the_prompt_as_it_is()
    {
        Assert.Equal("  red mug", MjPromptBuilder.WithImagePrompts(Array.Empty<string>(), "  red mug"));
    }

    [Fact]
    public void Typed_parameters_go_after_the_text()
    {
        var prompt = MjPromptBuilder.Build("red ceramic mug", new MjPromptParameters { AspectRatio = "16:9", Version = "7", Stylize = 250, No = { "text" } });

        Assert.Equal("red ceramic mug --ar 16:9 --v 7 --s 250 --no text", prompt);
    }

    [Fact]
    public void Inline_parameters_stay_as_written_and_typed_ones_follow()
    {
        var prompt = MjPromptBuilder.Build("red mug --stylize 250", new MjPromptParameters { AspectRatio = "3:2" });

        Assert.Equal("red mug --stylize 250 --ar 3:2", prompt);
    }

    [Fact]
    public void The_same_value_inline_and_typed_is_written_once()
    {
        var prompt = MjPromptBuilder.Build("red mug --ar 16:9 --style raw", new MjPromptParameters { AspectRatio = "16:9", Raw = true });

        Assert.Equal("red mug --ar 16:9 --style raw", prompt);
    }

    [Fact]
    public void Different_values_inline_and_typed_name_both()
    {
        var e = Assert.Throws<MjPromptException>(() => MjPromptBuilder.Build("red mug --ar 1:1", new MjPromptParameters { AspectRatio = "16:9" }));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(MjPromptProblemKind.Conflict, problem.Kind);
        Assert.Contains("-AspectRatio 16:9", problem.Message);
        Assert.Contains("'--ar 1:1'", problem.Message);
    }

    [Fact]
    public void Typed_values_get_the_same_checks_as_inline_ones()
    {
        var e = Assert.Throws<MjPromptException>(() => MjPromptBuilder.Build("mug", new MjPromptParameters { Stylize = 2000, OmniReference = "https://example.com/a.png", Version = "6" }));

        Assert.Contains(e.Problems, p => p.Kind == MjPromptProblemKind.OutOfRange && p.Message.Contains("(-Stylize)"));
        Assert.Contains(e.Problems, p => p.Kind == MjPromptProblemKind.WrongVersion && p.Message.Contains("--oref"));
    }

    [Fact]
    public void Unchecked_build_sends_the_prompt_as_it_is()
    {
        Assert.Equal("mug --newflag 3 --ar 2:1", MjPromptBuilder.Build("mug --newflag 3", new MjPromptParameters { AspectRatio = "2:1" }, check: false));
    }

    [Fact]
    public void Permutations_multiply_and_each_is_checked()
    {
        var prompts = MjPromptBuilder.BuildAll("{red, green} mug --ar {1:1, 16:9}");

        Assert.Equal(new[] { "red mug --ar 1:1", "red mug --ar 16:9", "green mug --ar 1:1", "green mug --ar 16:9" }, prompts);
    }

    [Fact]
    public void Nested_groups_and_escapes()
    {
        Assert.Equal(new[] { "a big red mug", "a big blue mug", "a small mug" }, MjPromptPermutations.Expand("a {big {red, blue}, small} mug"));
        Assert.Equal(new[] { "json \\{ \"a\": 1 } mug" .Replace("\\", string.Empty) }, MjPromptPermutations.Expand("json \\{ \"a\": 1 \\} mug"));
        Assert.Equal(new[] { "salt, pepper mug", "oil mug" }, MjPromptPermutations.Expand("{salt\\, pepper, oil} mug"));
    }

    [Fact]
    public void More_than_40_permutations_fail_before_anything_is_made()
    {
        var e = Assert.Throws<MjPromptException>(() => MjPromptPermutations.Expand("{a,b,c,d,e,f,g} {1,2,3,4,5,6,7} mug"));

        Assert.Contains("makes 49 prompts", e.Message);
        Assert.Equal(MjPromptProblemKind.Permutation, e.Problems[0].Kind);
    }

    [Fact]
    public void Unbalanced_braces_say_how_to_escape()
    {
        Assert.Contains("\\{", Assert.Throws<MjPromptException>(() => MjPromptPermutations.Expand("a {red mug")).Message);
        Assert.Contains("\\}", Assert.Throws<MjPromptException>(() => MjPromptPermutations.Expand("a red} mug")).Message);
    }
}
