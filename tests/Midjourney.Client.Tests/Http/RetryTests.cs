using System.Net;
using System.Net.Sockets;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Http;

/// <summary>Reads retry freely; a submit is repeated only when nothing can have been created.</summary>
public sealed class RetryTests
{
    private static Func<SeenRequest, HttpResponseMessage> Sequence(params Func<HttpResponseMessage>[] answers)
    {
        var next = 0;
        return _ => answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)]();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Reads_retry_transient_statuses_then_succeed(int status)
    {
        var server = new FakeServer(Sequence(
            () => FakeServer.Empty((HttpStatusCode)status),
            () => FakeServer.Empty((HttpStatusCode)status),
            () => FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS"))));
        using var client = TestClients.Create(server);
        var task = await client.GetTaskAsync("1");
        Assert.Equal(MjTaskStatus.Success, task.Status);
        Assert.Equal(3, server.Seen.Count);
    }

    [Fact]
    public async Task Reads_retry_resets_and_garbled_json_and_give_up_after_the_configured_count()
    {
        var server = new FakeServer(Sequence(
            () => throw new HttpRequestException("reset", new IOException("Connection reset by peer")),
            () => FakeServer.Json("{\"id\":\"1\",\"stat"),
            () => FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS"))));
        using var client = TestClients.Create(server);
        Assert.Equal("1", (await client.GetTaskAsync("1")).Id);

        var down = new FakeServer(_ => FakeServer.Empty(HttpStatusCode.BadGateway));
        using var failing = TestClients.Create(down, o => o.MaxReadRetries = 2);
        var error = await Assert.ThrowsAsync<MjServerException>(() => failing.GetTaskAsync("1"));
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, down.Seen.Count);
    }

    [Fact]
    public async Task Retry_after_is_honoured_over_the_backoff()
    {
        var server = new FakeServer(Sequence(
            () =>
            {
                var busy = FakeServer.Empty((HttpStatusCode)429);
                busy.Headers.TryAddWithoutValidation("Retry-After", "1");
                return busy;
            },
            () => FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS"))));
        using var client = TestClients.Create(server, o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        var delays = new List<TimeSpan>();
        client.Transport.RetryObserver = (_, _, delay) => delays.Add(delay);

        await client.GetTaskAsync("1");
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(delays));
    }

    [Fact]
    public async Task Retry_after_is_capped_by_max_retry_delay()
    {
        var server = new FakeServer(Sequence(
            () =>
            {
                var busy = FakeServer.Empty((HttpStatusCode)503);
                busy.Headers.TryAddWithoutValidation("Retry-After", "3600");
                return busy;
            },
            () => FakeServer.Accepted("9")));
        using var client = TestClients.Create(server, o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(30));
        var delays = new List<TimeSpan>();
        client.Transport.RetryObserver = (_, _, delay) => delays.Add(delay);

        Assert.Equal("9", (await client.ImagineAsync(new MjImagineRequest("x"))).Id); // 503 + Retry-After: nothing was created
        Assert.Equal(TimeSpan.FromMilliseconds(30), Assert.Single(delays));
    }

    [Fact]
    public async Task A_full_queue_is_waited_out_within_the_patience()
    {
        var server = new FakeServer(Sequence(
            () => FakeServer.Json("{\"code\":23,\"description\":\"队列已满\"}"),
            () => FakeServer.Json("{\"code\":9,\"description\":\"提交失败，队列已满，请稍后重试\"}"),
            () => FakeServer.Accepted("31")));
        // The patience is measured on a clock that moves only while the client sleeps: no race with the machine's speed.
        using var client = TestClients.Create(server, o =>
        {
            o.MaxSubmitRetries = 0;
            o.QueueFullPatience = TimeSpan.FromSeconds(30);
            o.TimeProvider = new SleepClock(skipSleeps: true);
        });
        Assert.Equal("31", (await client.ImagineAsync(new MjImagineRequest("x"))).Id);
        Assert.Equal(3, server.Seen.Count);

        var full = new FakeServer(_ => FakeServer.Json("{\"code\":23,\"description\":\"队列已满\"}"));
        var clock = new SleepClock(skipSleeps: true);
        using var impatient = TestClients.Create(full, o =>
        {
            o.MaxSubmitRetries = 0;
            o.QueueFullPatience = TimeSpan.FromMilliseconds(200);
            o.TimeProvider = clock;
        });
        await Assert.ThrowsAsync<MjServerBusyException>(() => impatient.ImagineAsync(new MjImagineRequest("x")));
        Assert.True(full.Seen.Count >= 2);
        Assert.Equal(TimeSpan.FromMilliseconds(200), clock.Elapsed); // the last sleep is cut to the patience left
    }

    [Fact]
    public async Task A_submit_is_retried_after_a_refused_connection()
    {
        var server = new FakeServer(Sequence(
            () => throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)),
            () => FakeServer.Accepted("21")));
        using var client = TestClients.Create(server);
        Assert.Equal("21", (await client.ImagineAsync(new MjImagineRequest("x"))).Id);
        Assert.Equal(2, server.Seen.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_submit_is_never_retried_after_a_5xx_without_proof(int status)
    {
        var server = new FakeServer(r => r.Path == "/mj/task/list" ? FakeServer.Empty(HttpStatusCode.NotFound) : FakeServer.Empty((HttpStatusCode)status));
        using var client = TestClients.Create(server);
        var error = await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.Equal(1, server.Count("/mj/submit/imagine"));
        Assert.StartsWith("mjc-", error.State);
        Assert.Contains(error.State!, error.Message);
        Assert.False(client.Capabilities.HasList);
    }

    [Fact]
    public async Task A_submit_is_never_retried_after_a_timeout()
    {
        var slow = new FakeServer(async (r, token) =>
        {
            if (r.Path == "/mj/task/list")
            {
                return FakeServer.Json("[]");
            }

            await Task.Delay(Timeout.Infinite, token);
            return FakeServer.Accepted("never");
        });
        using var client = TestClients.Create(slow, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        var timeout = await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.IsType<TimeoutException>(timeout.InnerException);
        Assert.Equal(1, slow.Count("/mj/submit/imagine"));
    }

    [Fact]
    public async Task After_a_reset_the_submit_is_resent_only_when_the_list_still_lacks_its_tag_after_the_grace()
    {
        var submits = 0;
        var reset = new FakeServer(r => r.Path == "/mj/task/list"
            ? FakeServer.Json("[]")
            : Interlocked.Increment(ref submits) == 1 ? throw new HttpRequestException("reset", new IOException("Connection reset by peer")) : FakeServer.Accepted("42"));
        using var client = TestClients.Create(reset);
        Assert.Equal("42", (await client.ImagineAsync(new MjImagineRequest("x"))).Id);
        Assert.Equal(2, reset.Count("/mj/submit/imagine"));
        Assert.Equal(2, reset.Count("/mj/task/list")); // looked before and after the grace

        // A task that appears during the grace is adopted, not sent twice.
        string? tag = null;
        var lists = 0;
        var late = new FakeServer(r =>
        {
            if (r.Path == "/mj/task/list")
            {
                return Interlocked.Increment(ref lists) == 1 ? FakeServer.Json("[]") : FakeServer.Json("[" + FakeServer.TaskJson("43", "NOT_START", extra: ",\"state\":\"" + tag + "\"") + "]");
            }

            tag = System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("state").GetString();
            throw new HttpRequestException("reset", new IOException("Connection reset by peer"));
        });
        using var client2 = TestClients.Create(late);
        Assert.Equal("43", (await client2.ImagineAsync(new MjImagineRequest("x"))).Id);
        Assert.Equal(1, late.Count("/mj/submit/imagine"));
    }

    [Fact]
    public async Task After_a_reset_nothing_is_resent_without_a_grace_or_without_a_task_list()
    {
        var noList = new FakeServer(r => r.Path == "/mj/task/list" ? FakeServer.Empty(HttpStatusCode.NotFound) : throw new HttpRequestException("reset", new IOException("Connection reset by peer")));
        using var client = TestClients.Create(noList);
        await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.Equal(1, noList.Count("/mj/submit/imagine"));

        var listed = new FakeServer(r => r.Path == "/mj/task/list" ? FakeServer.Json("[]") : throw new HttpRequestException("reset", new IOException("Connection reset by peer")));
        using var strict = TestClients.Create(listed, o => o.LostAnswerGrace = TimeSpan.Zero);
        await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => strict.ImagineAsync(new MjImagineRequest("x")));
        Assert.Equal(1, listed.Count("/mj/submit/imagine"));

        // A caller's own state can find a task but never proves absence.
        using var own = TestClients.Create(listed);
        await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => own.ImagineAsync(new MjImagineRequest("x") { State = "mine" }));
        Assert.Equal(2, listed.Count("/mj/submit/imagine"));
    }

    [Fact]
    public async Task A_lost_answer_is_recovered_from_the_task_list_by_its_state()
    {
        string? sentState = null;
        var server = new FakeServer(r =>
        {
            if (r.Path == "/mj/submit/imagine")
            {
                sentState = System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("state").GetString();
                throw new HttpRequestException("reset", new IOException("Connection reset by peer"));
            }

            return FakeServer.Json("[" + FakeServer.TaskJson("old", "SUCCESS", extra: ",\"state\":\"other\"") + "," + FakeServer.TaskJson("77", "NOT_START", extra: ",\"state\":\"" + sentState + "\"") + "]");
        });
        using var client = TestClients.Create(server);
        var task = await client.ImagineAsync(new MjImagineRequest("x"));

        Assert.Equal("77", task.Id);
        Assert.Equal(1, server.Count("/mj/submit/imagine"));
        Assert.True(client.Capabilities.HasList);
    }

    [Fact]
    public async Task After_a_5xx_a_task_list_without_the_state_proves_nothing_was_created_so_it_resubmits_once()
    {
        var submits = 0;
        var server = new FakeServer(r => r.Path switch
        {
            "/mj/task/list" => FakeServer.Json("[" + FakeServer.TaskJson("old", "SUCCESS") + "]"),
            _ => Interlocked.Increment(ref submits) == 1 ? FakeServer.Empty(HttpStatusCode.InternalServerError) : FakeServer.Accepted("88"),
        });
        using var client = TestClients.Create(server);
        var task = await client.ImagineAsync(new MjImagineRequest("x"));
        Assert.Equal("88", task.Id);
        Assert.Equal(2, server.Count("/mj/submit/imagine"));
        Assert.Equal(1, server.Count("/mj/task/list"));
    }

    [Fact]
    public async Task A_state_shared_by_several_tasks_proves_nothing()
    {
        var server = new FakeServer(r => r.Path switch
        {
            "/mj/task/list" => FakeServer.Json("[" + FakeServer.TaskJson("1", "SUCCESS", extra: ",\"state\":\"batch\"") + "," + FakeServer.TaskJson("2", "SUCCESS", extra: ",\"state\":\"batch\"") + "]"),
            _ => FakeServer.Empty(HttpStatusCode.InternalServerError),
        });
        using var client = TestClients.Create(server);
        await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => client.ImagineAsync(new MjImagineRequest("x") { State = "batch" }));
        Assert.Equal(1, server.Count("/mj/submit/imagine"));
    }

    [Fact]
    public async Task Cancellation_stops_a_retry_wait_at_once()
    {
        var server = new FakeServer(_ =>
        {
            var busy = FakeServer.Empty((HttpStatusCode)429);
            busy.Headers.TryAddWithoutValidation("Retry-After", "3600");
            return busy;
        });
        using var client = TestClients.Create(server, o => o.MaxRetryDelay = TimeSpan.FromHours(1));
        using var cts = new CancellationTokenSource();
        client.Transport.RetryObserver = (_, _, delay) =>
        {
            Assert.Equal(TimeSpan.FromHours(1), delay);
            cts.Cancel(); // the client is about to sleep an hour before its retry
        };

        // The bound is generous and far below the hour the retry would otherwise wait.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetTaskAsync("1", cts.Token).WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Single(server.Seen);
    }
}
