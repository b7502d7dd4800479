namespace Midjourney.Client.Tests.Prompts;

public sealed class PromptCheckerTests
{
    public static TheoryData<string> ValidPrompts => new()
    {
        "red fox in fresh snow, morning light --ar 3:2 --v 7",
        "a golden retriever playing in autumn leaves, warm afternoon light, photorealistic --ar 16:9 --s 250 --v 7",
        "A lone samurai on a misty mountain ridge, cinematic, golden hour --ar 16:9 --v 6.1 --style raw --chaos 20 --q 2",
        "Full length view 35mm photo of young woman wearing a red blouse --ar 1:2 --oref https://example.com/a.png --ow 400 --v 7",
        "cat ninja --sref https://s.mj.run/NueRyP4V_No https://s.mj.run/qPAr52EcgTo::2 --sw 300 --sv 4 --v 7",
        "portrait of an elderly fisherman --cref https://example.com/face.jpg --cw 50 --v 6",
        "anime girl under cherry blossoms --niji 6 --style expressive",
        "sticker sheet --niji --s 400",
        "seamless pattern of lemons --tile --v 7 --q 4 --exp 25",
        "concept sketch of a robot --v 7 --draft --no text, watermark, logo",
        "neon city --v 8.1 --hd --q 4 --raw --seed 4294967295",
        "https://example.com/ref.png a house in the style of the image --iw 2 --stop 80 --w 1000",
        "moodboard test --p --v 7",
        "moodboard test --p abc123 m7xyz --v 7",
        "plain prompt with no parameters at all",
        "a mug --zoom 1.5",
        "ocean waves --video --motion high --loop",
    };

    [Theory]
    [MemberData(nameof(ValidPrompts))]
    public void Real_prompts_pass(string prompt)
    {
        Assert.Empty(MjPromptChecker.Check(prompt));
    }

    public static TheoryData<string, MjPromptProblemKind, string> BadPrompts => new()
    {
        { "red mug --ar16:9", MjPromptProblemKind.MissingSpace, "write '--ar 16:9'" },
        { "red mug --s250", MjPromptProblemKind.MissingSpace, "write '--s 250'" },
        { "red mug \u2014ar 16:9", MjPromptProblemKind.WrongDash, "em dash" },
        { "red mug \u2013v 7", MjPromptProblemKind.WrongDash, "en dash" },
        { "red mug -ar 16:9", MjPromptProblemKind.WrongDash, "one hyphen" },
        { "red mug --stylise 250", MjPromptProblemKind.UnknownParameter, "did you mean '--stylize'" },
        { "red mug --aspekt 2:3", MjPromptProblemKind.UnknownParameter, "did you mean '--aspect'" },
        { "red mug --frobnicate 3", MjPromptProblemKind.UnknownParameter, "-SkipParameterCheck" },
        { "red mug --ar", MjPromptProblemKind.MissingValue, "'--ar' needs a value; write it like '--ar 16:9'" },
        { "red mug --s --v 7", MjPromptProblemKind.MissingValue, "'--s' needs a value" },
        { "red mug --s 2000", MjPromptProblemKind.OutOfRange, "--s 2000 is out of range: --s (-Stylize) takes 0 to 1000" },
        { "red mug --c 101", MjPromptProblemKind.OutOfRange, "takes 0 to 100" },
        { "red mug --w 3001", MjPromptProblemKind.OutOfRange, "takes 0 to 3000" },
        { "red mug --seed 4294967296", MjPromptProblemKind.OutOfRange, "takes 0 to 4294967295" },
        { "red mug --stop 5", MjPromptProblemKind.OutOfRange, "takes 10 to 100" },
        { "red mug --iw 3.5", MjPromptProblemKind.OutOfRange, "takes 0 to 3" },
        { "red mug --s high", MjPromptProblemKind.InvalidValue, "whole number" },
        { "red mug --ar 16x9", MjPromptProblemKind.InvalidValue, "write '--ar 16:9'" },
        { "red mug --ar 1.5:1", MjPromptProblemKind.InvalidValue, "whole numbers" },
        { "red mug --v 9", MjPromptProblemKind.InvalidValue, "takes 5, 5.1, 5.2, 6, 6.1, 7, 8, 8.1" },
        { "red mug --niji 4", MjPromptProblemKind.InvalidValue, "takes 5, 6, 7" },
        { "red mug --q 4 --v 6.1", MjPromptProblemKind.WrongVersion, "takes .25, .5, 1, 2" },
        { "red mug --q .25 --v 7", MjPromptProblemKind.WrongVersion, "takes 1, 2, 4" },
        { "red mug --q 2 --v 8.1", MjPromptProblemKind.WrongVersion, "takes 1, 4" },
        { "red mug --oref https://example.com/a.png --v 6", MjPromptProblemKind.WrongVersion, "--oref needs version 7 or later" },
        { "red mug --cref https://example.com/a.png", MjPromptProblemKind.WrongVersion, "--cref needs version 6 or 6.1" },
        { "red mug --exp 10 --v 6.1", MjPromptProblemKind.WrongVersion, "--exp needs version 7" },
        { "red mug --draft --v 8", MjPromptProblemKind.WrongVersion, "--draft needs version 7" },
        { "red mug --hd --v 7", MjPromptProblemKind.WrongVersion, "--hd needs version 8" },
        { "red mug --ar 1:1 --ar 16:9", MjPromptProblemKind.Repeated, "given twice" },
        { "red mug --v 7 --niji 6", MjPromptProblemKind.Conflict, "keep one" },
        { "red mug --ar 16:9 on a table", MjPromptProblemKind.TextAfterParameters, "Put the prompt text before the parameters" },
        { "red mug --sref style.png", MjPromptProblemKind.InvalidValue, "give it to -StyleReference" },
        { "red mug --oref https://a.example/1.png https://a.example/2.png", MjPromptProblemKind.InvalidValue, "takes one image" },
    };

    [Theory]
    [MemberData(nameof(BadPrompts))]
    public void Malformed_prompts_name_the_problem_and_what_to_write(string prompt, MjPromptProblemKind kind, string expected)
    {
        var problems = MjPromptChecker.Check(prompt);

        var problem = Assert.Single(problems, p => p.Kind == kind);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void ThrowIfInvalid_says_nothing_was_sent_and_lists_every_problem()
    {
        var e = Assert.Throws<MjPromptException>(() => MjPromptChecker.ThrowIfInvalid("mug --stylise 250 --ar16:9"));

        Assert.Equal(2, e.Problems.Count);
        Assert.Contains("(1)", e.Message);
        Assert.Contains("Nothing was sent", e.Message);
    }

    [Fact]
    public void A_version_written_as_7_0_reads_as_7()
    {
        Assert.Equal("7", MjPromptParser.Parse("mug --v 7.0").Parameters.Version);
        Assert.Empty(MjPromptChecker.Check("mug --v 7.0"));
    }

    [Fact]
    public void Quality_values_follow_the_version()
    {
        Assert.Equal(new[] { ".25", ".5", "1" }, MjParameterTable.QualityValues("6", null));
        Assert.Equal(new[] { ".25", ".5", "1", "2" }, MjParameterTable.QualityValues("6.1", null));
        Assert.Equal(new[] { "1", "2", "4" }, MjParameterTable.QualityValues(null, null));
        Assert.Equal(new[] { "1", "4" }, MjParameterTable.QualityValues("8.1", null));
        Assert.Equal(new[] { ".25", ".5", "1" }, MjParameterTable.QualityValues(null, "6"));
    }
}
