using System.Net;
using System.Text.Json;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Tasks;

/// <summary>CancelTaskAsync, ListTasksAsync(MjTaskQuery), GetImageSeedAsync and WithSeedAsync against every answer shape.</summary>
public sealed class CancelQuerySeedTests
{
    private static string Task(string id, string status, string prompt, string action = "IMAGINE", long submitTime = 1748339029401) =>
        $$"""{"id":"{{id}}","action":"{{action}}","status":"{{status}}","prompt":"{{prompt}}","submitTime":{{submitTime}}}""";

    private static string Page(IEnumerable<string> tasks) => "{\"content\":[" + string.Join(",", tasks) + "],\"totalElements\":0}";

    [Theory]
    [InlineData("*mug*", "A red MUG on a table", true)]
    [InlineData("*mug*", "a cat", false)]
    [InlineData("a?cat", "a cat", true)]
    [InlineData("mug", "a mug", false)]
    [InlineData("[mug]*", "[mug] x", true)]
    public void Prompt_patterns_match_like_PowerShell_like(string pattern, string prompt, bool expected)
    {
        var query = new MjTaskQuery { Prompt = pattern };
        Assert.Equal(expected, query.Matches(new MjTask("1") { Prompt = prompt }));
    }

    [Fact]
    public void Status_and_action_match_any_of_their_values_in_either_spelling()
    {
        var query = new MjTaskQuery { Status = { MjTaskStatus.NotStarted, MjTaskStatus.InProgress }, Action = { "UpscaleHd", "imagine" } };
        Assert.True(query.Matches(new MjTask("1") { Status = MjTaskStatus.InProgress, Action = "UPSCALE_HD" }));
        Assert.True(query.Matches(new MjTask("2") { Status = MjTaskStatus.NotStarted, Action = "IMAGINE" }));
        Assert.False(query.Matches(new MjTask("3") { Status = MjTaskStatus.Success, Action = "IMAGINE" }));
        Assert.False(query.Matches(new MjTask("4") { Status = MjTaskStatus.InProgress, Action = "UPSCALE" }));
        Assert.Equal("UPSCALE_HD", MjTaskQuery.WireAction("UpscaleHd"));
        Assert.Equal("SWAP_FACE", MjTaskQuery.WireAction("SwapFace"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MjTaskQuery { Limit = 0 });
    }

    [Fact]
    public async Task A_plus_server_filters_status_and_action_itself_page_by_page()
    {
        var server = new FakeServer(r => r.Path == "/mj/task/query"
            ? FakeServer.Json(JsonDocument.Parse(r.Body).RootElement.GetProperty("pageNumber").GetInt32() == 0
                ? Page(Enumerable.Range(0, 100).Select(i => Task((2000 - i).ToString(), "NOT_START", i % 2 == 0 ? "a mug" : "a cat")))
                : Page(new[] { Task("1000", "NOT_START", "a mug") }))
            : FakeServer.Empty(HttpStatusCode.NotFound));
        using var client = TestClients.Create(server);
        var query = new MjTaskQuery { Status = { MjTaskStatus.NotStarted, MjTaskStatus.InProgress }, Action = { "Imagine" }, Prompt = "*MUG*", Limit = 60 };

        var tasks = await client.ListTasksAsync(query);

        Assert.Equal(51, tasks.Count); // 50 mugs on the full first page, so a second page for the rest
        Assert.All(tasks, t => Assert.Equal("a mug", t.Prompt));
        Assert.Equal(2, server.Count("/mj/task/query"));
        var body = JsonDocument.Parse(server.Seen[0].Body).RootElement;
        Assert.Equal(100, body.GetProperty("pageSize").GetInt32());
        Assert.Equal("id,desc", body.GetProperty("sort").GetString());
        Assert.Equal(new[] { "NOT_START", "IN_PROGRESS" }, body.GetProperty("statusSet").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("IMAGINE", body.GetProperty("action").GetString());
        Assert.False(body.TryGetProperty("prompt", out _)); // wildcards are the client's job
        Assert.True(client.Capabilities.HasTaskQuery);
        Assert.Equal(10, (await client.ListTasksAsync(new MjTaskQuery { Prompt = "*mug*", Limit = 10 })).Count);
        Assert.Equal(3, server.Count("/mj/task/query")); // the first page had enough
    }

    [Fact]
    public async Task Without_the_task_query_it_filters_the_task_list_newest_first_and_remembers()
    {
        var server = new FakeServer(r => r.Path == "/mj/task/list"
            ? FakeServer.Json("[" + Task("1", "SUCCESS", "old mug", submitTime: 100) + "," + Task("3", "FAILURE", "a cat", submitTime: 300) + "," + Task("2", "IN_PROGRESS", "new mug", submitTime: 200) + "]")
            : FakeServer.Empty(HttpStatusCode.NotFound));
        using var client = TestClients.Create(server);

        var tasks = await client.ListTasksAsync(new MjTaskQuery { Prompt = "*mug*" });
        Assert.Equal(new[] { "2", "1" }, tasks.Select(t => t.Id));
        Assert.Equal(new[] { "3" }, (await client.ListTasksAsync(new MjTaskQuery { Status = { MjTaskStatus.Failure } })).Select(t => t.Id));
        Assert.Single((await client.ListTasksAsync(new MjTaskQuery { Limit = 1 })));

        Assert.False(client.Capabilities.HasTaskQuery);
        Assert.Equal(1, server.Count("/mj/task/query"));
        Assert.Equal(3, server.Count("/mj/task/list"));
    }

    [Fact]
    public async Task Without_a_list_it_asks_for_the_journal_ids_of_this_server_only()
    {
        var journalPath = Path.Combine(Path.GetTempPath(), "mj-query-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var journal = new MjTaskJournal(journalPath);
            await journal.AppendAsync(new MjJournalEntry("11") { Server = "http://proxy.test/", Time = DateTimeOffset.UnixEpoch }, default);
            await journal.AppendAsync(new MjJournalEntry("99") { Server = "http://elsewhere.test/", Time = DateTimeOffset.UnixEpoch }, default);
            await journal.AppendAsync(new MjJournalEntry("12") { Server = "http://proxy.test/mj", Time = DateTimeOffset.UnixEpoch }, default);
            var server = new FakeServer(r => r.Path == "/mj/task/list-by-condition"
                ? FakeServer.Json("[" + Task("11", "NOT_START", "a mug", submitTime: 1) + "," + Task("12", "NOT_START", "a cat", submitTime: 2) + "]")
                : FakeServer.Empty(HttpStatusCode.NotFound));
            using var client = TestClients.Create(server, o => { o.EnableJournal = true; o.JournalPath = journalPath; });

            var tasks = await client.ListTasksAsync(new MjTaskQuery { Prompt = "*mug*" });

            Assert.Equal(new[] { "11" }, tasks.Select(t => t.Id));
            var ids = JsonDocument.Parse(server.Seen.Single(r => r.Path == "/mj/task/list-by-condition").Body).RootElement.GetProperty("ids");
            Assert.Equal(new[] { "12", "11" }, ids.EnumerateArray().Select(e => e.GetString()));
            Assert.False(client.Capabilities.HasList);
        }
        finally
        {
            File.Delete(journalPath);
        }
    }

    [Fact]
    public async Task Without_a_list_and_without_a_journal_it_says_what_to_do()
    {
        var server = new FakeServer(_ => FakeServer.Empty(HttpStatusCode.NotFound));
        using var client = TestClients.Create(server);
        var error = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.ListTasksAsync(new MjTaskQuery()));
        Assert.Contains("has no task list", error.Message);
        Assert.Contains("Get-MjTask -Id", error.Advice);
    }

    [Fact]
    public async Task A_server_without_cancel_is_named_and_asked_only_once()
    {
        var server = new FakeServer(_ => FakeServer.Empty(HttpStatusCode.NotFound));
        using var client = TestClients.Create(server);

        var first = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.CancelTaskAsync("1748339029401828"));
        Assert.False(first.NeedsAdministrator);
        Assert.Contains("cannot cancel tasks", first.Message);
        Assert.Contains("only Plus and TrueAI", first.Message);
        Assert.Contains("Wait-MjTask", first.Advice);
        Assert.False(client.Capabilities.HasCancel);

        var second = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.CancelTaskAsync("1748339029401829"));
        Assert.Contains("No request was sent", second.Message);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task TrueAi_refuses_a_key_that_is_not_the_administrators()
    {
        var server = new FakeServer(_ => FakeServer.Json("{\"success\":false,\"code\":400,\"message\":\"演示模式，禁止操作\",\"timestamp\":\"2026-01-01 00:00:00\"}", HttpStatusCode.BadRequest));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.CancelTaskAsync("1748339029401828"));

        Assert.True(error.NeedsAdministrator);
        Assert.Contains("only its administrator cancel tasks", error.Message);
        Assert.Contains("演示模式", error.Message);
        Assert.DoesNotContain(TestClients.Key, error.ToString());
        Assert.True(client.Capabilities.HasCancel);
    }

    [Fact]
    public async Task Cancel_accepts_plus_envelopes_and_trueai_empty_answers_and_explains_refusals()
    {
        var answers = new Queue<HttpResponseMessage>(new[]
        {
            FakeServer.Json("{\"code\":1,\"description\":\"成功\",\"result\":null}"),
            FakeServer.Empty(HttpStatusCode.OK),
            FakeServer.Json("{\"code\":4,\"description\":\"任务状态错误\",\"result\":null}"),
            FakeServer.Json("{\"code\":3,\"description\":\"任务不存在\",\"result\":null}", HttpStatusCode.NotFound),
        });
        var server = new FakeServer(_ => answers.Dequeue());
        using var client = TestClients.Create(server);

        await client.CancelTaskAsync("1");
        await client.CancelTaskAsync("2");
        var state = await Assert.ThrowsAsync<MjValidationException>(() => client.CancelTaskAsync("3"));
        Assert.Contains("already finished", state.Message);
        var missing = await Assert.ThrowsAsync<MjNotFoundException>(() => client.CancelTaskAsync("4"));
        Assert.Equal("4", missing.TaskId);
        Assert.All(server.Seen, r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.Equal("/mj/task/4/cancel", server.Seen[3].Path);
        Assert.True(client.Capabilities.HasCancel);
    }

    [Fact]
    public async Task The_seed_request_gets_its_own_long_timeout_not_the_attempt_timeout()
    {
        var server = new FakeServer(async (_, token) =>
        {
            await System.Threading.Tasks.Task.Delay(300, token);
            return FakeServer.Json("{\"code\":1,\"description\":\"成功\",\"result\":\"158881667\"}");
        });
        using var client = TestClients.Create(server, o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(50); o.ImageSeedTimeout = TimeSpan.FromSeconds(60); });

        Assert.Equal("158881667", await client.GetImageSeedAsync("1"));
        Assert.Equal("/mj/task/1/image-seed", Assert.Single(server.Seen).Path);
    }

    [Fact]
    public async Task A_seed_that_never_comes_times_out_once_with_advice_and_Ctrl_C_stops_at_once()
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new FakeServer(async (_, token) =>
        {
            seen.TrySetResult();
            await System.Threading.Tasks.Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var client = TestClients.Create(server, o => o.ImageSeedTimeout = TimeSpan.FromMilliseconds(100));
        var timeout = await Assert.ThrowsAsync<MjServerException>(() => client.GetImageSeedAsync("1"));
        Assert.Contains("gave no seed within", timeout.Message);
        Assert.Contains("up to a minute", timeout.Advice);
        Assert.Single(server.Seen);

        using var patient = TestClients.Create(server, o => o.ImageSeedTimeout = TimeSpan.FromMinutes(5));
        using var stop = new CancellationTokenSource();
        seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = patient.GetImageSeedAsync("2", stop.Token);
        await seen.Task;
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task No_seed_and_no_seed_endpoint_are_told_apart()
    {
        var answers = new Queue<HttpResponseMessage>(new[]
        {
            FakeServer.Json("{\"code\":3,\"description\":\"未找到 seed\",\"result\":null}", HttpStatusCode.NotFound),
            FakeServer.Empty(HttpStatusCode.NotFound),
        });
        var server = new FakeServer(_ => answers.Dequeue());
        using var client = TestClients.Create(server);

        var noSeed = await Assert.ThrowsAsync<MjServerException>(() => client.GetImageSeedAsync("1"));
        Assert.StartsWith("The server has no seed for this task.", noSeed.Message);
        var noEndpoint = await Assert.ThrowsAsync<MjNotFoundException>(() => client.GetImageSeedAsync("1"));
        Assert.Null(noEndpoint.TaskId);
        Assert.Contains("no such endpoint", noEndpoint.Message);
    }

    [Fact]
    public async Task WithSeed_fills_the_seed_of_a_finished_task_and_refuses_an_unfinished_one_without_a_request()
    {
        var server = new FakeServer(_ => FakeServer.Json("{\"code\":1,\"description\":\"成功\",\"result\":\"42\"}"));
        using var client = TestClients.Create(server);

        var running = new MjTask("1") { Status = MjTaskStatus.InProgress };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => client.WithSeedAsync(running));
        Assert.Contains("only a finished image (Success) has a seed", refused.Message);
        Assert.Empty(server.Seen);

        var done = new MjTask("2") { Status = MjTaskStatus.Success, Prompt = "a mug" };
        var seeded = await client.WithSeedAsync(done);
        Assert.Equal(("42", "a mug", "2"), (seeded.Seed, seeded.Prompt, seeded.Id));
        Assert.Null(done.Seed);
    }
}
