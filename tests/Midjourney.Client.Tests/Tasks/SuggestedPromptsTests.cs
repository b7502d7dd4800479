using System.Collections.Generic;

namespace Midjourney.Client.Tests.Tasks;

public sealed class SuggestedPromptsTests
{
    private const string DescribeText = "1️⃣ a red fox, watercolor --ar 1:1\n\n2️⃣ a paper boat, oil painting --ar 1:1\n\n3️⃣ a koi pond --ar 1:1\n\n4️⃣ an old tram --ar 1:1";

    private const string ShortenText = "## Important tokens\nred, mug, table\n\n## Shortened prompts\n\n1️⃣ red mug on table\n2️⃣ red mug\n3⃣ mug";

    [Fact]
    public void A_describe_lists_its_four_suggestions_without_the_keycaps()
    {
        var task = Task("DESCRIBE", DescribeText);

        Assert.Equal(new[] { "a red fox, watercolor --ar 1:1", "a paper boat, oil painting --ar 1:1", "a koi pond --ar 1:1", "an old tram --ar 1:1" }, task.Prompts);
    }

    [Fact]
    public void A_shorten_lists_its_shortened_prompts_and_not_the_tokens()
    {
        // The keycap without U+FE0F (3⃣) is read too: some servers drop the variation selector.
        Assert.Equal(new[] { "red mug on table", "red mug", "mug" }, Task("SHORTEN", ShortenText).Prompts);
    }

    [Fact]
    public void The_prompt_is_read_when_properties_have_no_final_prompt()
    {
        var task = new MjTask("1") { Action = "DESCRIBE", Status = MjTaskStatus.Success, Prompt = DescribeText };

        Assert.Equal(4, task.Prompts.Count);
    }

    [Theory]
    [InlineData("IMAGINE", MjTaskStatus.Success)]
    [InlineData("DESCRIBE", MjTaskStatus.InProgress)]
    public void Other_tasks_and_unfinished_ones_have_none(string action, MjTaskStatus status)
    {
        var task = new MjTask("1") { Action = action, Status = status, Properties = new Dictionary<string, object?> { ["finalPrompt"] = DescribeText } };

        Assert.Empty(task.Prompts);
    }

    [Theory]
    [InlineData("mug --zoom 1.5", 1.5)]
    [InlineData("mug --ZOOM 2 --ar 3:2", 2.0)]
    [InlineData("mug --zoom 1.2 --zoom 1.8", 1.8)]
    [InlineData("mug --zoom", null)]
    [InlineData("mug --zoom x", null)]
    [InlineData("mug", null)]
    [InlineData(null, null)]
    public void Prompt_parameters_read_the_last_number(string? prompt, double? expected)
    {
        Assert.Equal(expected, PromptParameters.Number(prompt, "zoom"));
    }

    [Theory]
    [InlineData("mug --zoom 3", "mug")]
    [InlineData("mug --zoom --ar 3:2", "mug --ar 3:2")]
    [InlineData("mug --ar 3:2", "mug --ar 3:2")]
    public void Prompt_parameters_can_be_taken_out(string prompt, string expected)
    {
        Assert.Equal(expected, PromptParameters.Without(prompt, "zoom"));
    }

    private static MjTask Task(string action, string text) => new("1")
    {
        Action = action,
        Status = MjTaskStatus.Success,
        Properties = new Dictionary<string, object?> { ["finalPrompt"] = text },
    };
}
