using System.Text.RegularExpressions;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Errors;

/// <summary>The table of known server messages: every message the reference lists is explained in English.</summary>
public sealed class ServerMessageTests
{
    private static readonly Regex Chinese = new(@"[\u4e00-\u9fff]");

    /// <summary>The messages of reference §1.2–§1.3, §2, §4 and §6 and of the simulator, one per line.</summary>
    public static TheoryData<string> ReferenceMessages()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Errors", "server-messages.txt")))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                data.Add(line);
            }
        }

        return data;
    }

    [Fact]
    public void The_list_is_read()
    {
        Assert.True(ReferenceMessages().Count >= 70);
    }

    [Theory]
    [MemberData(nameof(ReferenceMessages))]
    public void Every_reference_message_has_an_English_explanation_and_advice(string text)
    {
        var known = MjServerMessages.Find(text);

        Assert.NotNull(known);
        Assert.Equal(text, known!.Original);
        Assert.DoesNotMatch(Chinese, known.Explanation);
        Assert.DoesNotMatch(Chinese, known.Advice);
        Assert.EndsWith(".", known.Explanation);
        Assert.EndsWith(".", known.Advice);
        Assert.DoesNotMatch(Recordings.RecordedAnswersTests.DoubleStop, known.ToString());
        Assert.DoesNotContain("{", known.Explanation);
    }

    [Theory]
    [InlineData("Banned prompt detected, Sorry! Our AI moderators feel your prompt might be against our community standards.", MjServerMessageKind.BannedPrompt)]
    [InlineData("Image denied, Sorry!", MjServerMessageKind.BannedPrompt)]
    [InlineData("Invalid parameter, Unrecognized parameter(s): `--stylise`", MjServerMessageKind.General)]
    [InlineData("[Invalid parameter] Simulated failure requested by --sim-fail", MjServerMessageKind.General)]
    [InlineData("未找到父级任务", MjServerMessageKind.TaskNotFound)]
    public void The_bots_errors_as_TrueAI_words_them_are_told_apart(string text, MjServerMessageKind kind)
    {
        Assert.Equal(kind, MjServerMessages.Find(text)!.Kind);
    }

    [Theory]
    [InlineData("蒙版尺寸错误：需要 512x512，收到 64x48", "The mask is 64x48 but the image is 512x512.")]
    [InlineData("执行超时 5 分钟", "The task ran longer than the server's limit of 5 minutes and was stopped.")]
    [InlineData("账号不可用: 42", "A Midjourney account of the server is unavailable (42).")]
    [InlineData("账号不可用", "A Midjourney account of the server is unavailable.")]
    [InlineData("关联任务状态错误", "The task you acted on is not finished yet (not SUCCESS), or still waits in its MODAL step.")]
    [InlineData("任务状态错误，任务不在 MODAL 状态", "The task is not waiting in a MODAL step, so there is nothing to submit for it.")]
    [InlineData("提交失败，队列已满，请稍后重试", "The server's queue is full.")]
    [InlineData("任务超时，自动取消", "The task never started: the Midjourney account it waited for became unavailable, and the server cancelled it.")]
    [InlineData("找不到 extend 按钮 (motion: high)", "The video has no Extend button for this motion (high).")]
    [InlineData("Plan Cancelled", "Midjourney stopped the server's Midjourney account (Plan Cancelled), so the job failed; TrueAI disables such an account.")]
    [InlineData("发送图片消息到discord失败: 图片不存在", "The server could not send the image to Discord: it did not find the image.")]
    [InlineData("执行失败返回内容为空 https://example.com/out.png", "The server's face-swap service failed the job.")]
    public void Specific_texts_win_over_general_ones_and_fill_their_numbers(string text, string explanation)
    {
        Assert.Equal(explanation, MjServerMessages.Find(text)!.Explanation);
    }

    [Theory]
    [InlineData("可能包含敏感词", null)]
    [InlineData("Banned prompt detected", null)]
    [InlineData("[Banned prompt] The word `gore` is banned.", "gore")]
    [InlineData("Request cancelled due to output filters", null)]
    public void Moderation_texts_are_banned_prompts_with_the_word_when_named(string text, string? word)
    {
        var known = MjServerMessages.Find(text)!;
        Assert.Equal(MjServerMessageKind.BannedPrompt, known.Kind);
        Assert.Equal(word, known.BannedWord);
    }

    [Fact]
    public void An_unknown_text_is_not_explained()
    {
        Assert.Null(MjServerMessages.Find("something entirely new 某某"));
        Assert.Equal("something entirely new", MjServerMessages.Explain("something entirely new"));
    }

    [Fact]
    public async Task A_known_refusal_reads_in_English_with_the_original_on_the_second_line()
    {
        var server = new FakeServer(_ => FakeServer.Json("{\"code\":4,\"description\":\"蒙版尺寸错误：需要 512x512，收到 64x48\"}"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjValidationException>(() => client.SubmitModalAsync(new MjModalRequest("17") { Prompt = "x" }));

        var lines = error.Message.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("The mask is 64x48 but the image is 512x512. Give a PNG mask", lines[0]);
        Assert.EndsWith("/mj/submit/modal answered code 4: 蒙版尺寸错误：需要 512x512，收到 64x48", lines[1]);
        Assert.Equal("蒙版尺寸错误：需要 512x512，收到 64x48", error.Description);
        Assert.StartsWith("Give a PNG mask", error.Advice);
    }

    [Fact]
    public async Task An_unknown_refusal_is_shown_as_it_is_with_the_endpoint_and_code()
    {
        var server = new FakeServer(_ => FakeServer.Json("{\"code\":4,\"description\":\"某个新错误\"}"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjValidationException>(() => client.ImagineAsync(new MjImagineRequest("x")));

        Assert.Contains("/mj/submit/imagine answered code 4: 某个新错误. ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
        Assert.Null(error.ServerMessage);
        Assert.False(string.IsNullOrEmpty(error.Advice)); // every error says what to do, even for a text nobody knows
        Assert.EndsWith(error.Advice, error.Message);
    }

    [Fact]
    public async Task No_usable_account_is_a_server_error_not_a_missing_task()
    {
        var server = new FakeServer(_ => FakeServer.Json("{\"code\":3,\"description\":\"无可用的账号实例\"}"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.StartsWith("The server has no Midjourney account that can take this job", error.Message);
    }
}
