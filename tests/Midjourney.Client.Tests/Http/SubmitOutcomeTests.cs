using System.Net;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Http;

/// <summary>Every code and error shape of reference §1.2–§1.3.</summary>
public sealed class SubmitOutcomeTests
{
    private static MjClient ClientAnswering(HttpResponseMessage answer, out FakeServer server, int submitRetries = 0)
    {
        var bytes = answer.Content.ReadAsByteArrayAsync().Result;
        var status = answer.StatusCode;
        var headers = answer.Headers;
        server = new FakeServer(r =>
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(bytes) };
            response.Content.Headers.ContentType = answer.Content.Headers.ContentType;
            foreach (var h in headers)
            {
                response.Headers.TryAddWithoutValidation(h.Key, h.Value);
            }

            return response;
        });
        return TestClients.Create(server, o =>
        {
            o.MaxSubmitRetries = submitRetries;
            o.RecoverAmbiguousSubmits = false;
        });
    }

    [Fact]
    public async Task Code_1_is_a_new_task()
    {
        using var client = ClientAnswering(FakeServer.Accepted("11"), out _);
        var task = await client.ImagineAsync(new MjImagineRequest("x"));
        Assert.Equal(("11", MjTaskStatus.NotStarted, (int?)null), (task.Id, task.Status, task.QueuePosition));
    }

    [Fact]
    public async Task Code_22_succeeds_and_keeps_the_queue_position()
    {
        using var client = ClientAnswering(FakeServer.Json("{\"code\":22,\"description\":\"排队中，前面还有3个任务\",\"result\":\"12\",\"properties\":{\"numberOfQueues\":3}}"), out _);
        var task = await client.ImagineAsync(new MjImagineRequest("x"));
        Assert.Equal(("12", 3), (task.Id, task.QueuePosition));
        Assert.Equal("排队中，前面还有3个任务", task.Description);
    }

    [Fact]
    public async Task Code_21_gives_the_modal_child()
    {
        using var client = ClientAnswering(FakeServer.Json("{\"code\":21,\"description\":\"Waiting for window confirm\",\"result\":\"13\",\"properties\":{\"finalPrompt\":\"a cat\",\"remix\":true}}"), out _);
        var tasks = await client.ClickAsync(new MjButton("5", "MJ::Inpaint::1::h::SOLO"));
        var child = Assert.Single(tasks);
        Assert.Equal(("13", MjTaskStatus.Modal, "5"), (child.Id, child.Status, child.ParentId));
        Assert.True(child.NeedsInput);
        Assert.Equal("a cat", child.Prompt);
    }

    [Fact]
    public async Task Code_21_existed_on_old_novicezk_is_the_existing_task_not_a_modal()
    {
        using var client = ClientAnswering(FakeServer.Json("{\"code\":21,\"description\":\"任务已存在\",\"result\":\"14\",\"properties\":{\"status\":\"SUCCESS\"}}"), out _);
        var task = await client.ChangeAsync("5", MjChangeAction.Upscale, 1);
        Assert.Equal(MjTaskStatus.NotStarted, task.Status);
    }

    [Fact]
    public async Task Queue_full_23_is_server_busy_and_retried_until_retries_run_out()
    {
        using var client = ClientAnswering(FakeServer.Json("{\"code\":23,\"description\":\"队列已满，请稍后尝试\",\"result\":null}"), out var server, submitRetries: 2);
        var error = await Assert.ThrowsAsync<MjServerBusyException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.Equal(23, error.Code);
        Assert.Equal(3, server.Count("/mj/submit/imagine"));
    }

    [Fact]
    public async Task Code_9_with_the_queue_full_text_is_server_busy_but_other_9s_are_server_errors()
    {
        using var busy = ClientAnswering(FakeServer.Json("{\"code\":9,\"description\":\"提交失败，队列已满，请稍后重试\"}"), out _);
        Assert.Equal(9, (await Assert.ThrowsAsync<MjServerBusyException>(() => busy.ImagineAsync(new MjImagineRequest("x")))).Code);

        using var failed = ClientAnswering(FakeServer.Json("{\"code\":9,\"description\":\"提交失败，系统异常\"}"), out var server);
        var error = await Assert.ThrowsAsync<MjServerException>(() => failed.ImagineAsync(new MjImagineRequest("x")));
        Assert.Equal("提交失败，系统异常", error.Description);
        Assert.Equal(1, server.Count("/mj/submit/imagine"));
    }

    [Fact]
    public async Task Http_429_with_code_30_is_server_busy_with_retry_after()
    {
        var answer = FakeServer.Json("{\"description\":\"当前分组负载已饱和，请稍后再试\",\"type\":\"upstream_error\",\"code\":30}", (HttpStatusCode)429);
        answer.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var client = ClientAnswering(answer, out _);
        var error = await Assert.ThrowsAsync<MjServerBusyException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("当前分组负载已饱和", error.Message);
    }

    [Fact]
    public async Task Code_24_is_a_banned_prompt_with_the_word()
    {
        using var client = ClientAnswering(FakeServer.Json("{\"code\":24,\"description\":\"可能包含敏感词\",\"properties\":{\"promptEn\":\"a gory scene\",\"bannedWord\":\"gory\"}}"), out var server, submitRetries: 3);
        var error = await Assert.ThrowsAsync<MjBannedPromptException>(() => client.ImagineAsync(new MjImagineRequest("a gory scene")));
        Assert.Equal(("gory", "a gory scene"), (error.BannedWord, error.PromptEn));
        Assert.Equal("gory", error.Properties["bannedWord"]);
        Assert.Contains("'gory'", error.Message);
        Assert.Single(server.Seen); // never retried
    }

    [Theory]
    [InlineData("{\"code\":3,\"description\":\"关联任务不存在或已失效\"}", 404, typeof(MjNotFoundException))]
    [InlineData("{\"code\":3,\"description\":\"无可用的账号实例\"}", 200, typeof(MjServerException))] // no account is not a missing task
    [InlineData("{\"code\":4,\"description\":\"关联任务状态错误\"}", 200, typeof(MjValidationException))]
    [InlineData("{\"description\":\"unknown_action:MJ::BOOKMARK::h\",\"type\":\"upstream_error\",\"code\":4}", 400, typeof(MjValidationException))]
    [InlineData("{\"code\":5,\"description\":\"do_request_failed\"}", 200, typeof(MjServerException))]
    [InlineData("{\"success\":false,\"code\":-1,\"message\":\"The JSON value could not be converted\",\"timestamp\":\"2025\"}", 200, typeof(MjValidationException))]
    public async Task Refusals_become_typed_exceptions_with_the_server_text(string body, int status, Type expected)
    {
        using var client = ClientAnswering(FakeServer.Json(body, (HttpStatusCode)status), out var server);
        var error = await Assert.ThrowsAnyAsync<MjApiException>(() => client.ClickAsync(new MjButton("5", "MJ::JOB::upsample::1::h")));
        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("/mj/submit/action", error.RequestPath);
        Assert.False(string.IsNullOrEmpty(error.Description));
        Assert.Contains(error.Description!, error.Message);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task TrueAi_success_false_with_500_is_a_server_error_and_the_submit_is_not_repeated()
    {
        using var client = ClientAnswering(FakeServer.Json("{\"success\":false,\"code\":-1,\"message\":\"操作失败\"}", HttpStatusCode.InternalServerError), out var server, submitRetries: 3);
        var error = await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.Contains("not submitted again", error.Message);
        Assert.Single(server.Seen);
    }

    [Theory]
    [InlineData(204, "")]
    [InlineData(200, "")]
    [InlineData(400, "{\"description\":\"task_no_found\",\"type\":\"upstream_error\",\"code\":4}")]
    [InlineData(404, "")]
    public async Task A_missing_task_is_not_found_in_every_flavour(int status, string body)
    {
        var server = new FakeServer(_ => body.Length == 0 ? FakeServer.Empty((HttpStatusCode)status) : FakeServer.Json(body, (HttpStatusCode)status));
        using var client = TestClients.Create(server);
        var error = await Assert.ThrowsAsync<MjNotFoundException>(() => client.GetTaskAsync("404404"));
        Assert.Equal("404404", error.TaskId);
        Assert.Single(server.Seen); // not found is an answer, not a transient failure
    }

    [Fact]
    public async Task A_garbled_submit_answer_is_ambiguous_and_never_resubmitted_without_proof()
    {
        using var client = ClientAnswering(FakeServer.Json("{\"code\":1,\"descr"), out var server, submitRetries: 3);
        var error = await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => client.ImagineAsync(new MjImagineRequest("x") { State = "mine" }));
        Assert.Equal("mine", error.State);
        Assert.Single(server.Seen);
    }
}
