using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Waiting;

public sealed class WaitQueueAndScheduleTests
{
    [Fact]
    public async Task Ids_added_while_waiting_join_the_wait_and_each_yields_once()
    {
        var polls = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var server = new FakeServer(r =>
        {
            var ids = r.Path == "/mj/task/list-by-condition"
                ? System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList()
                : new List<string> { r.Path.Split('/')[3] };
            var bodies = ids.Select(id => FakeServer.TaskJson(id, polls.AddOrUpdate(id, 1, (_, n) => n + 1) >= 2 ? "SUCCESS" : "IN_PROGRESS", progress: "50%"));
            return r.Path == "/mj/task/list-by-condition" ? FakeServer.Json("[" + string.Join(",", bodies) + "]") : FakeServer.Json(bodies.Single());
        });
        using var client = TestClients.Create(server);
        var queue = new MjWaitQueue();
        queue.Add("a");
        queue.Add("b");

        var seen = new List<string>();
        await foreach (var result in client.WaitAllAsync(queue, TestClients.FastWait(TimeSpan.FromSeconds(10))))
        {
            seen.Add(result.TaskId);
            Assert.Equal(MjWaitOutcome.Finished, result.Outcome);
            if (seen.Count == 2)
            {
                queue.Add("c"); // a click on a finished grid, say
                queue.Complete();
            }
        }

        Assert.Equal(new[] { "a", "b", "c" }, seen.Order());
        Assert.Throws<InvalidOperationException>(() => queue.Add("d"));
    }

    [Fact]
    public async Task An_empty_open_queue_waits_for_ids_without_polling()
    {
        var server = new FakeServer(_ => FakeServer.Json(FakeServer.TaskJson("x", "SUCCESS")));
        using var client = TestClients.Create(server);
        var queue = new MjWaitQueue();
        var waiting = Task.Run(async () =>
        {
            var results = new List<MjWaitResult>();
            await foreach (var r in client.WaitAllAsync(queue, TestClients.FastWait()))
            {
                results.Add(r);
            }

            return results;
        });

        await Task.Delay(100);
        Assert.Empty(server.Seen);
        queue.Add("x");
        queue.Complete();
        Assert.Equal("x", Assert.Single(await waiting).TaskId);
    }

    private static MjTask Running(int progress) => new("t") { Status = MjTaskStatus.InProgress, Progress = progress };

    private static readonly MjWaitOptions Bounds = new() { MinPollInterval = TimeSpan.FromSeconds(1), MaxPollInterval = TimeSpan.FromSeconds(20), Backoff = 2 };

    [Fact]
    public void The_next_poll_aims_just_after_the_soonest_expected_completion()
    {
        var fast = new TaskWaiter.Tracked();
        fast.Observe(Running(10), TimeSpan.FromSeconds(0));
        fast.Observe(Running(50), TimeSpan.FromSeconds(4)); // 10 %/s: 5 s left
        var slow = new TaskWaiter.Tracked();
        slow.Observe(Running(0), TimeSpan.FromSeconds(0));
        slow.Observe(Running(10), TimeSpan.FromSeconds(4)); // 2.5 %/s: 36 s left

        var next = TaskWaiter.NextInterval(new[] { fast, slow }, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), anyEnded: false, Bounds);

        Assert.Equal(TimeSpan.FromSeconds(5.5), next); // 5 s + half the minimum as a margin
    }

    [Fact]
    public void Without_a_moving_progress_the_interval_stretches_and_after_an_ending_it_starts_short()
    {
        var idle = new TaskWaiter.Tracked();
        idle.Observe(new MjTask("t") { Status = MjTaskStatus.Submitted, Progress = 0 }, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(8), TaskWaiter.NextInterval(new[] { idle }, TimeSpan.Zero, TimeSpan.FromSeconds(4), anyEnded: false, Bounds));
        Assert.Equal(TimeSpan.FromSeconds(20), TaskWaiter.NextInterval(new[] { idle }, TimeSpan.Zero, TimeSpan.FromSeconds(16), anyEnded: false, Bounds));
        Assert.Equal(TimeSpan.FromSeconds(1), TaskWaiter.NextInterval(new[] { idle }, TimeSpan.Zero, TimeSpan.FromSeconds(16), anyEnded: true, Bounds));
    }

    [Fact]
    public void An_overdue_estimate_does_not_pin_polling_to_the_minimum()
    {
        var stalled = new TaskWaiter.Tracked();
        stalled.Observe(Running(10), TimeSpan.FromSeconds(0));
        stalled.Observe(Running(90), TimeSpan.FromSeconds(8)); // 1 s left, but 30 s have passed since

        var next = TaskWaiter.NextInterval(new[] { stalled }, TimeSpan.FromSeconds(38), TimeSpan.FromSeconds(4), anyEnded: false, Bounds);
        Assert.Equal(TimeSpan.FromSeconds(8), next);
    }
}
