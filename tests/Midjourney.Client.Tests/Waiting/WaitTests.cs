using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Waiting;

public sealed class WaitTests
{
    /// <summary>A fake proxy whose tasks finish after a given number of polls each.</summary>
    private sealed class PolledTasks
    {
        private readonly ConcurrentDictionary<string, int> _polls = new();
        private readonly Dictionary<string, (int FinishAfter, string Final)> _plan;

        public PolledTasks(Dictionary<string, (int FinishAfter, string Final)> plan) => _plan = plan;

        public string Json(string id)
        {
            var polls = _polls.AddOrUpdate(id, 1, (_, n) => n + 1);
            var (after, final) = _plan[id];
            var status = polls >= after ? final : "IN_PROGRESS";
            var progress = polls >= after ? "100%" : $"{Math.Min(99, polls * 10)}%";
            return FakeServer.TaskJson(id, status, progress: progress, extra: status == "FAILURE" ? ",\"failReason\":\"banned\"" : string.Empty);
        }

        public HttpResponseMessage Answer(SeenRequest r)
        {
            if (r.Path == "/mj/task/list-by-condition")
            {
                var ids = JsonDocument.Parse(r.Body).RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).Where(_plan.ContainsKey);
                return FakeServer.Json("[" + string.Join(",", ids.Select(Json)) + "]");
            }

            var id = r.Path.Split('/')[3];
            return _plan.ContainsKey(id) ? FakeServer.Json(Json(id)) : FakeServer.Empty(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task Many_tasks_are_polled_in_one_batch_request_per_round_and_handed_back_as_each_finishes()
    {
        var tasks = new PolledTasks(new()
        {
            ["slow"] = (6, "SUCCESS"),
            ["fast"] = (2, "SUCCESS"),
            ["failed"] = (3, "FAILURE"),
            ["modal"] = (1, "MODAL"),
        });
        var server = new FakeServer(tasks.Answer);
        using var client = TestClients.Create(server);

        var results = new List<MjWaitResult>();
        await foreach (var result in client.WaitAllAsync(new[] { "slow", "fast", "failed", "modal" }, TestClients.FastWait()))
        {
            results.Add(result);
        }

        Assert.Equal(new[] { "modal", "fast", "failed", "slow" }, results.Select(r => r.TaskId));
        Assert.Equal(MjWaitOutcome.NeedsInput, results[0].Outcome);
        Assert.Equal(MjTaskStatus.Failure, results[2].Task!.Status);
        Assert.Equal("banned", results[2].Task!.FailReason);
        Assert.All(results.Skip(1), r => Assert.Equal(MjWaitOutcome.Finished, r.Outcome));
        // One request per round: batched while two or more are pending, a plain fetch for the last one.
        Assert.Equal(3, server.Count("/mj/task/list-by-condition"));
        Assert.Equal(3, server.Seen.Count(r => r.Path == "/mj/task/slow/fetch"));
        Assert.Equal(6, server.Seen.Count);
    }

    [Fact]
    public async Task Without_a_batch_endpoint_it_falls_back_to_fetches_and_remembers()
    {
        var tasks = new PolledTasks(new() { ["a"] = (2, "SUCCESS"), ["b"] = (2, "SUCCESS") });
        var server = new FakeServer(r => r.Path == "/mj/task/list-by-condition" ? FakeServer.Empty(HttpStatusCode.NotFound) : tasks.Answer(r));
        using var client = TestClients.Create(server);

        var results = new List<MjWaitResult>();
        await foreach (var result in client.WaitAllAsync(new[] { "a", "b" }, TestClients.FastWait()))
        {
            results.Add(result);
        }

        Assert.Equal(2, results.Count);
        Assert.Equal(1, server.Count("/mj/task/list-by-condition"));
        Assert.False(client.Capabilities.HasBatchQuery);
        Assert.Equal(4, server.Seen.Count(r => r.Path.EndsWith("/fetch")));
    }

    [Fact]
    public async Task The_deadline_ends_the_wait_with_a_timeout_per_unfinished_task()
    {
        var tasks = new PolledTasks(new() { ["done"] = (1, "SUCCESS"), ["forever"] = (int.MaxValue, "SUCCESS") });
        var clock = new SleepClock(skipSleeps: true); // the deadline is in simulated time: no race with the machine's speed
        using var client = TestClients.Create(new FakeServer(tasks.Answer), o => o.TimeProvider = clock);

        var results = new List<MjWaitResult>();
        await foreach (var result in client.WaitAllAsync(new[] { "done", "forever" }, TestClients.FastWait(TimeSpan.FromMilliseconds(150))))
        {
            results.Add(result);
        }

        Assert.Equal(MjWaitOutcome.Finished, results[0].Outcome);
        var timedOut = results[1];
        Assert.Equal(("forever", MjWaitOutcome.TimedOut), (timedOut.TaskId, timedOut.Outcome));
        Assert.Equal(MjTaskStatus.InProgress, timedOut.Task!.Status);
        var error = Assert.IsType<MjWaitTimeoutException>(timedOut.Error);
        Assert.Contains("still running on the server", error.Message);
        Assert.Equal(TimeSpan.FromMilliseconds(150), clock.Elapsed); // the last sleep is cut to end exactly at the deadline
        await Assert.ThrowsAsync<MjWaitTimeoutException>(() => client.WaitAsync("forever", TestClients.FastWait(TimeSpan.FromMilliseconds(50))));
    }

    [Fact]
    public async Task An_unknown_id_is_reported_not_found_after_a_few_polls_without_stopping_the_others()
    {
        var tasks = new PolledTasks(new() { ["known"] = (5, "SUCCESS") });
        using var client = TestClients.Create(new FakeServer(tasks.Answer));

        var results = new List<MjWaitResult>();
        await foreach (var result in client.WaitAllAsync(new[] { "ghost", "known" }, TestClients.FastWait()))
        {
            results.Add(result);
        }

        Assert.Equal(("ghost", MjWaitOutcome.NotFound), (results[0].TaskId, results[0].Outcome));
        Assert.IsType<MjNotFoundException>(results[0].Error);
        Assert.Equal(("known", MjWaitOutcome.Finished), (results[1].TaskId, results[1].Outcome));
    }

    [Fact]
    public async Task Progress_reports_every_change_and_the_interval_grows_while_nothing_changes()
    {
        var polls = 0;
        var server = new FakeServer(r => FakeServer.Json(FakeServer.TaskJson("1", Interlocked.Increment(ref polls) >= 8 ? "SUCCESS" : "SUBMITTED", progress: "0%")));
        var clock = new SleepClock(skipSleeps: true);
        using var client = TestClients.Create(server, o => o.TimeProvider = clock);
        var seen = new List<MjTaskStatus>();
        var options = new MjWaitOptions
        {
            MinPollInterval = TimeSpan.FromMilliseconds(10),
            MaxPollInterval = TimeSpan.FromMilliseconds(80),
            Backoff = 2,
            Progress = new SyncProgress(t => seen.Add(t.Status)),
        };

        var task = await client.WaitAsync("1", options);
        Assert.Equal(MjTaskStatus.Success, task.Status);
        Assert.Equal(new[] { MjTaskStatus.Submitted, MjTaskStatus.Success }, seen);
        // Seven sleeps between eight polls: doubling while nothing changes, capped at the maximum.
        Assert.Equal(new[] { 20, 40, 80, 80, 80, 80, 80 }, clock.Sleeps.Select(s => (int)s.TotalMilliseconds));
    }

    [Fact]
    public async Task Cancellation_stops_a_wait_promptly()
    {
        var server = new FakeServer(r => FakeServer.Json(FakeServer.TaskJson("1", "IN_PROGRESS", progress: "5%")));
        var clock = new SleepClock(skipSleeps: false); // time stands still: the 30 s sleep can only end by cancellation
        using var client = TestClients.Create(server, o => o.TimeProvider = clock);
        using var cts = new CancellationTokenSource();
        var options = new MjWaitOptions { MinPollInterval = TimeSpan.FromSeconds(30), MaxPollInterval = TimeSpan.FromSeconds(30) };

        var waiting = client.WaitAsync("1", options, cts.Token);
        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextSleepAsync());
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task A_wait_rides_out_a_short_outage_but_not_a_long_one()
    {
        var calls = 0;
        var server = new FakeServer(r => Interlocked.Increment(ref calls) <= 4 ? FakeServer.Empty(HttpStatusCode.BadGateway) : FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS")));
        using var client = TestClients.Create(server, o => o.MaxReadRetries = 1);
        Assert.Equal(MjTaskStatus.Success, (await client.WaitAsync("1", TestClients.FastWait())).Status);

        var down = new FakeServer(_ => FakeServer.Empty(HttpStatusCode.BadGateway));
        using var client2 = TestClients.Create(down, o => o.MaxReadRetries = 0);
        var options = TestClients.FastWait();
        options.MaxFailedPolls = 3;
        await Assert.ThrowsAsync<MjServerException>(() => client2.WaitAsync("1", options));
        Assert.Equal(3, down.Seen.Count);
    }

    [Fact]
    public async Task Tasks_without_buttons_get_synthetic_ones_after_fetch()
    {
        var server = new FakeServer(_ => FakeServer.Json(FakeServer.TaskJson("5", "SUCCESS")));
        using var client = TestClients.Create(server);
        var task = await client.GetTaskAsync("5");

        Assert.Equal(9, task.Buttons.Count);
        Assert.All(task.Buttons, b => Assert.True(b.IsSynthetic));
        Assert.All(task.Buttons, b => Assert.Equal(new Uri("http://proxy.test/"), b.Server)); // a piped button finds its server
        Assert.Equal("U1", task.Buttons[0].Label);
    }

    private sealed class SyncProgress(Action<MjTask> report) : IProgress<MjTask>
    {
        public void Report(MjTask value) => report(value);
    }
}
