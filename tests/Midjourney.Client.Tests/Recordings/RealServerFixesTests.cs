using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Recordings;

/// <summary>The client bugs the real TrueAI 11.10.3 showed (issue 16), each held to its recorded answer.</summary>
public sealed class RealServerFixesTests
{
    private static async Task<Exception> FailureOf(string key)
    {
        var answer = RecordedAnswer.Get(key);
        using var client = RecordedCalls.ClientFor(answer, new RecordingServer(answer));
        return await Assert.ThrowsAnyAsync<Exception>(() => RecordedCalls.SendAsync(client, answer));
    }

    private static async Task<object?> ResultOf(string key)
    {
        var answer = RecordedAnswer.Get(key);
        using var client = RecordedCalls.ClientFor(answer, new RecordingServer(answer));
        return await RecordedCalls.SendAsync(client, answer);
    }

    // 1. A cancel refused as HTTP 400 text/plain "演示模式，禁止操作".
    [Theory]
    [InlineData("trueai-11.10.3/guest-nokey.json#cancel-missing", "this connection sends no key")]
    [InlineData("trueai-11.10.3/guest-user.json#cancel-missing", "this key is not the administrator's")]
    [InlineData("trueai-11.10.3/client-guest.json#cancel-running-user", "this key is not the administrator's")]
    [InlineData("trueai-11.10.3/client-guest.json#cancel-missing-acceptjson", "this connection sends no key")] // as the module asks: a JSON string
    [InlineData("trueai-11.10.3/client-guest.json#cancel-missing-user-acceptjson", "this key is not the administrator's")]
    public async Task A_cancel_refused_in_plain_text_says_only_the_administrator_may_cancel(string key, string who)
    {
        var error = Assert.IsType<MjNotSupportedException>(await FailureOf(key));

        Assert.True(error.NeedsAdministrator);
        Assert.StartsWith("http://127.0.0.1:18080 lets only its administrator cancel tasks (TrueAI), and " + who, error.Message);
        Assert.Contains("answered 400 BadRequest: 演示模式，禁止操作", error.Message);
        Assert.Equal("演示模式，禁止操作", error.Description);
        Assert.StartsWith("Connect with the administrator's token", error.Advice);
    }

    [Fact]
    public async Task Any_plain_text_error_body_is_the_servers_message()
    {
        var server = new FakeServer(_ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("The prompt is too long for this gateway") });
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjValidationException>(() => client.ImagineAsync(new MjImagineRequest("red mug")));

        Assert.Equal("The prompt is too long for this gateway", error.Description);
        Assert.Contains("answered 400 BadRequest: The prompt is too long for this gateway.", error.Message);
        Assert.NotNull(error.Advice);
    }

    [Theory]
    [InlineData(400, "text/plain", "提交失败，参数错误。", "answered 400 BadRequest: 提交失败，参数错误。 Check")]
    [InlineData(500, "text/plain", "Internal error.", "answered 500 InternalServerError: Internal error. Try again later")]
    [InlineData(429, "text/plain", "Slow down!", "the server is rate limiting: Slow down! Nothing was created")]
    [InlineData(401, null, "Authorization header missing.", "answered 401 Unauthorized: Authorization header missing. The key was sent as")]
    [InlineData(200, "application/json", "{\"code\":9,\"description\":\"网关内部错误。\"}", "answered code 9: 网关内部错误。 Try again later")]
    [InlineData(200, "application/json", "{\"success\":false,\"code\":-1,\"message\":\"Something broke.\"}", "answered code -1: Something broke. Try again later")]
    public async Task A_servers_text_that_ends_in_a_stop_gets_no_second_one(int status, string? type, string body, string expected)
    {
        var server = new FakeServer(_ =>
        {
            var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
            if (type is not null)
            {
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            }

            return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
        });
        using var client = TestClients.Create(server, o => o.MaxSubmitRetries = 0);

        // A submit answered 500 may have made a task (another error says so): a fetch shows the 500's own message.
        var error = await Assert.ThrowsAnyAsync<MjApiException>(() => status == 500 ? client.GetTaskAsync("1") : client.ImagineAsync(new MjImagineRequest("red mug")));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotMatch(RecordedAnswersTests.DoubleStop, error.Message);
    }

    // 2. The {"success":false,"code":-1,"message":…} envelope at HTTP 200.
    [Theory]
    [InlineData("trueai-11.10.3/guest-nokey.json#blend")]
    [InlineData("trueai-11.10.3/guest-nokey.json#describe")]
    [InlineData("trueai-11.10.3/guest-nokey.json#shorten")]
    [InlineData("trueai-11.10.3/guest-nokey.json#video")]
    [InlineData("trueai-11.10.3/guest-nokey.json#edits")]
    [InlineData("trueai-11.10.3/guest-nokey.json#retexture")]
    public async Task A_logic_error_in_the_code_minus_one_envelope_says_what_the_server_said_and_does_not_blame_the_request(string key)
    {
        var error = Assert.IsType<MjServerException>(await FailureOf(key));

        Assert.StartsWith("The server cannot take jobs now: it is unavailable (on TrueAI, its Redis is down or not configured). Try again later; if it persists, ask the server's administrator.", error.Message);
        Assert.EndsWith("answered code -1: 服务暂不可用，请联系管理员", error.Message);
        Assert.DoesNotContain("check the parameters", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("could not read", error.Message);
        Assert.Equal(-1, error.Code);
    }

    [Theory]
    [InlineData("trueai-11.10.3/guest-redis.json#imagine-malformed", "The server could not read the request's JSON.")]
    [InlineData("trueai-11.10.3/guest-redis.json#imagine-nobody", "The server got the request without its body.")]
    [InlineData("trueai-11.10.3/guest-redis.json#blend-baddim", "The server could not read a value of the request (dimensions).")]
    [InlineData("trueai-11.10.3/client-guest.json#blend-long-state", "The state text is longer than the server's limit of 255 characters.")]
    public async Task Only_a_request_the_server_could_not_take_is_blamed_on_the_request(string key, string explanation)
    {
        var error = Assert.IsType<MjValidationException>(await FailureOf(key));

        Assert.StartsWith(explanation, error.Message);
        Assert.False(string.IsNullOrEmpty(error.Advice));
    }

    [Fact]
    public async Task An_unknown_logic_error_is_the_servers_not_the_requests()
    {
        var server = new FakeServer(_ => FakeServer.Json("{\"success\":false,\"code\":-1,\"message\":\"某个新的逻辑错误\",\"timestamp\":\"1\"}"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.BlendAsync(new MjBlendRequest(new[] { RecordedCalls.Png, RecordedCalls.Png })));

        Assert.StartsWith("http://proxy.test/mj/submit/blend answered code -1: 某个新的逻辑错误. Try again later; if it persists, ask the server's administrator", error.Message);
        Assert.DoesNotContain("check the parameters", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    // 3. Every recorded text in English, and an upload without an account as good as an imagine without one.
    [Fact]
    public async Task An_upload_without_a_usable_account_is_the_same_outage_as_an_imagine_without_one()
    {
        var upload = Assert.IsType<MjServerException>(await FailureOf("trueai-11.10.3/guest-redis.json#upload"));
        var imagine = Assert.IsType<MjServerException>(await FailureOf("trueai-11.10.3/guest-redis.json#imagine"));

        Assert.StartsWith("The server has no Midjourney account that can take the images", upload.Message);
        Assert.StartsWith("The server has no Midjourney account that can take this job", imagine.Message);
        Assert.Equal(MjServerMessageKind.Unavailable, upload.ServerMessage!.Kind);
        Assert.Equal(imagine.ServerMessage!.Kind, upload.ServerMessage.Kind);
        Assert.EndsWith("ask the server's administrator.", upload.Advice);

        // An upload has no speed: the "another -Mode" advice an imagine gets would not help it.
        Assert.True(imagine.SpeedMayHelp);
        Assert.False(upload.SpeedMayHelp);
        Assert.DoesNotContain("mode", upload.Advice, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("实例不存在或不可用")]
    [InlineData("未知的 Action 类型")]
    [InlineData("图片参数错误，2~5张图片")]
    [InlineData("base64或link不能为空")]
    [InlineData("目标任务不存在")]
    [InlineData("State参数过长，最大255字符")]
    [InlineData("A non-empty request body is required.")]
    public void The_texts_the_issue_names_are_known(string text)
    {
        var known = MjServerMessages.Find(text);

        Assert.NotNull(known);
        Assert.False(RecordedExpectations.HasCjk(known!.Explanation + known.Advice));
    }

    // 5. The seed the real fetch carries.
    [Fact]
    public async Task The_seed_in_the_real_fetch_fills_the_task_and_asking_for_it_costs_no_request()
    {
        var answer = RecordedAnswer.Get("trueai-11.10.3/client-guest.json#fetch-seeded");
        var server = new RecordingServer(answer);
        using var client = RecordedCalls.ClientFor(answer, server);

        var task = await client.GetTaskAsync("1796600847203908");
        var seeded = await client.WithSeedAsync(task);

        Assert.Equal("1234567890", task.Seed);
        Assert.Same(task, seeded);
        Assert.DoesNotContain(server.Seen, r => r.EndsWith("/image-seed", StringComparison.Ordinal));
    }

    // 6. Cancelled tasks.
    [Theory]
    [InlineData("trueai-11.10.3/client-guest.json#fetch-cancelled", MjTaskStatus.Cancelled)] // FAILURE "取消任务" after the admin's cancel
    [InlineData("trueai-11.10.3/client-guest.json#fetch-cancel-status", MjTaskStatus.Cancelled)] // CANCEL
    [InlineData("trueai-11.10.3/client-guest.json#fetch-failed", MjTaskStatus.Failure)]
    [InlineData("trueai-11.10.3/client-guest.json#fetch-running", MjTaskStatus.InProgress)]
    public async Task A_cancelled_task_reads_as_cancelled_whichever_way_the_server_says_it(string key, MjTaskStatus status)
    {
        var task = Assert.IsType<MjTask>(await ResultOf(key));

        Assert.Equal(status, task.Status);
        Assert.Equal(status != MjTaskStatus.InProgress, task.IsFinished);
    }

    [Fact]
    public async Task A_query_for_cancelled_tasks_asks_a_filtering_server_for_both_ways()
    {
        var server = new FakeServer(r => r.Path == "/mj/task/query"
            ? FakeServer.Json("[" + FakeServer.TaskJson("1", "FAILURE", extra: ",\"failReason\":\"取消任务\"") + "," + FakeServer.TaskJson("2", "FAILURE", extra: ",\"failReason\":\"banned\"") + "]")
            : FakeServer.Empty(HttpStatusCode.NotFound));
        using var client = TestClients.Create(server);

        var tasks = await client.ListTasksAsync(new MjTaskQuery { Status = { MjTaskStatus.Cancelled } });

        Assert.Equal("1", Assert.Single(tasks).Id);
        var body = JsonDocument.Parse(server.Seen[0].Body).RootElement;
        Assert.Equal(new[] { "CANCEL", "FAILURE" }, body.GetProperty("statusSet").EnumerateArray().Select(e => e.GetString()));
    }

    // 7. Advice: no stray capital where clauses join, and a speed mode named only where the request had one.
    [Fact]
    public void Advice_clauses_join_without_a_stray_capital()
    {
        var joined = new Regex(@"(?:, or|; if it persists,|, or else) (?:Ask|Try|Submit|Nothing|Use|Give|Check)\b", RegexOptions.CultureInvariant);
        var tested = 0;
        foreach (var pattern in MjServerMessages.Patterns)
        {
            var sample = Regex.Replace(pattern, @"\\s\*|\(\?[^)]*\)|[\\^$?*+|()\[\]]", string.Empty);
            if (MjServerMessages.Find(sample) is { } known)
            {
                Assert.DoesNotMatch(joined, known.Advice);
                Assert.DoesNotMatch(joined, known.AdviceWithSpeed("-Mode"));
                Assert.Matches("^[A-Z]", known.Advice);
                Assert.EndsWith(".", known.Advice);
                tested++;
            }
        }

        Assert.True(tested > 60, $"only {tested} entries tested");
        Assert.Equal("Try again later; if it persists, ask the server's administrator, who can see why with Get-MjAccount.", MjServerMessages.Find("无可用的账号实例")!.Advice);
    }

    [Fact]
    public async Task Another_speed_mode_is_advised_for_a_submit_but_not_for_a_seed()
    {
        var imagine = Assert.IsType<MjServerException>(await FailureOf("trueai-11.10.3/guest-redis.json#imagine"));
        var seed = Assert.IsType<MjServerException>(await FailureOf("trueai-11.10.3/tasks-admin.json#seed-grid"));

        Assert.True(imagine.SpeedMayHelp);
        Assert.Equal("Try again later, or with another speed mode (for example Relax); if it persists, ask the server's administrator, who can see why with Get-MjAccount.", imagine.Advice);
        Assert.Equal("Try again later, or with another -Mode (for example Relax); if it persists, ask the server's administrator, who can see why with Get-MjAccount.", imagine.ServerMessage!.AdviceWithSpeed("-Mode"));
        Assert.False(seed.SpeedMayHelp);
        Assert.Equal("Try again later; if it persists, ask the server's administrator, who can see why with Get-MjAccount.", seed.Advice);
    }

    [Theory]
    [InlineData(SpeedMode.Relax, "/mj-relax/mj/submit/imagine", "Fast")]
    [InlineData(SpeedMode.Fast, "/mj-fast/mj/submit/imagine", "Relax")]
    [InlineData(SpeedMode.Default, "/mj/submit/imagine", "Relax")]
    public async Task The_other_speed_mode_advised_is_not_the_one_the_submit_was_sent_in(SpeedMode mode, string path, string example)
    {
        var server = new FakeServer(_ => FakeServer.Json("""{"code":3,"description":"无可用的账号实例","result":null}"""));
        using var client = TestClients.Create(server, o => o.Mode = mode);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.ImagineAsync(new MjImagineRequest("a red mug")));

        Assert.Equal(path, server.Seen.Single().Path);
        Assert.Contains($"with another speed mode (for example {example});", error.Advice);
        Assert.Contains($"with another -Mode (for example {example});", error.AdviceWithSpeed("-Mode"));
    }
}
