using Midjourney.Client.Tests.Admission;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Waiting;

/// <summary>Every wait on one client joins one poller: shared rounds, per-wait deadlines, hand-back at once.</summary>
public sealed class SharedPollerTests
{
    private static MjClient Client(FakeAccount account, QuietClock clock) => ScaleTests.Client(account, clock);

    [Fact]
    public async Task Ten_separate_waits_share_each_poll_round()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 10, queue: 0, TimeSpan.FromSeconds(60));
        var ids = Enumerable.Range(1, 10).Select(i => account.Existing(TimeSpan.FromSeconds(10 * i))).ToList();
        using var client = Client(account, clock);
        var scripts = new Scripts(client, 10);

        var work = Task.WhenAll(ids.Select(id => scripts.WaitAsync(id, ScaleTests.DefaultWait())));
        await clock.DriveAsync(work, scripts.Quiet, TimeSpan.FromHours(1));

        Assert.All(await work, t => Assert.Equal(MjTaskStatus.Success, t.Status));
        // One batch request per round: a plain fetch only while one id is left (or the first wait polled before the others joined).
        Assert.InRange(account.Server.Seen.Count(r => r.Path.EndsWith("/fetch", StringComparison.Ordinal)), 0, 2);
        Assert.Equal(10, account.PollSizes.Max());
        Assert.True(account.Polls <= 15, $"{account.Polls} polls: {string.Join(",", account.Server.Seen.Select(r => $"{r.Path}"))} sizes {string.Join(",", account.PollSizes)}"); // about one per end, plus a few while the ten joins race the first poll; alone, each wait would poll its task about 6 times
        Assert.Equal(account.Polls, client.Waiter.Polls);
    }

    [Fact]
    public async Task A_late_join_is_polled_at_once_and_handed_back_while_the_others_keep_waiting()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 10, queue: 0, TimeSpan.FromSeconds(60));
        var slow = account.Existing(TimeSpan.FromSeconds(100));
        var done = account.Existing(TimeSpan.Zero);
        using var client = Client(account, clock);

        var slowWait = client.WaitAsync(slow, ScaleTests.DefaultWait());
        bool Quiet(int waits) => client.Waiter.IsQuiet(out var blocked) && blocked == waits;
        await clock.DriveUntilAsync(() => clock.Elapsed >= TimeSpan.FromSeconds(5), () => Quiet(1), TimeSpan.FromHours(1));
        var asleepAt = clock.Elapsed;
        var pollsBefore = account.Polls;
        Assert.True(clock.NextDue() - clock.GetUtcNow() > TimeSpan.FromSeconds(10), $"at {asleepAt} the next poll is due at {clock.NextDue() - clock.Start}; polls {string.Join(",", account.Server.Seen.Select(r => r.Path))}"); // the loop sleeps long: it expects the end at 100 s

        var quick = await client.WaitAsync(done, ScaleTests.DefaultWait()); // no time passes: it is polled at once
        Assert.Equal(MjTaskStatus.Success, quick.Status);
        Assert.Equal(asleepAt, clock.Elapsed);
        Assert.Equal(pollsBefore + 1, account.Polls);

        await clock.DriveAsync(slowWait, () => Quiet(slowWait.IsCompleted ? 0 : 1), TimeSpan.FromHours(1));
        Assert.Equal(MjTaskStatus.Success, (await slowWait).Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(102)); // handed back just after its end
    }

    [Fact]
    public async Task Ids_are_polled_in_chunks_of_a_hundred()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 0, TimeSpan.FromSeconds(60));
        var ids = Enumerable.Range(1, 250).Select(_ => account.Existing(TimeSpan.FromSeconds(30))).ToList();
        using var client = Client(account, clock);

        var results = new List<MjWaitResult>();
        async Task WaitAll()
        {
            await foreach (var result in client.WaitAllAsync(ids, ScaleTests.DefaultWait()))
            {
                results.Add(result);
            }
        }

        var work = WaitAll();
        await clock.DriveAsync(work, () => client.Waiter.IsQuiet(out var blocked) && (blocked == 1 || work.IsCompleted), TimeSpan.FromHours(1));

        Assert.Equal(250, results.Count(r => r.Outcome == MjWaitOutcome.Finished));
        Assert.Equal(new[] { 100, 100, 50 }, account.PollSizes.Take(3));
        Assert.Equal(0, account.PollSizes.Count % 3);
    }

    [Fact]
    public async Task Without_list_by_condition_each_id_is_fetched_once_per_round_for_all_waits()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 3, queue: 0, TimeSpan.FromSeconds(60)) { HasBatchQuery = false };
        var ids = Enumerable.Range(1, 3).Select(_ => account.Existing(TimeSpan.FromSeconds(20))).ToList();
        using var client = Client(account, clock);
        var scripts = new Scripts(client, 6);

        // Two waits per id: one fetch per id and round serves both.
        var work = Task.WhenAll(ids.Concat(ids).Select(id => scripts.WaitAsync(id, ScaleTests.DefaultWait())));
        await clock.DriveAsync(work, scripts.Quiet, TimeSpan.FromHours(1));

        Assert.All(await work, t => Assert.Equal(MjTaskStatus.Success, t.Status));
        Assert.False(client.Capabilities.HasBatchQuery);
        var fetches = ids.Select(id => account.Server.Count($"/mj/task/{id}/fetch")).ToList();
        // Rounds at 0 s, 3 s and just after the end at 20 s; a join that races a poll in flight adds at most one round.
        Assert.All(fetches, n => Assert.InRange(n, 2, 3 + 6));
        Assert.True(fetches.Sum() <= 3 * (3 + 6), string.Join(",", fetches));
    }

    [Fact]
    public async Task Each_wait_keeps_its_own_deadline_on_a_shared_task()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 0, TimeSpan.FromSeconds(60));
        var id = account.Existing(TimeSpan.FromSeconds(100));
        using var client = Client(account, clock);
        var impatient = ScaleTests.DefaultWait();
        impatient.Timeout = TimeSpan.FromSeconds(30);
        TimeSpan? timedOutAt = null;

        var short_ = Task.Run(async () =>
        {
            try
            {
                await client.WaitAsync(id, impatient);
            }
            catch (MjWaitTimeoutException)
            {
                timedOutAt = clock.Elapsed;
                throw;
            }
        });
        var long_ = client.WaitAsync(id, ScaleTests.DefaultWait());
        var work = Task.WhenAll(short_.ContinueWith(_ => { }), long_);
        await clock.DriveAsync(work, () => client.Waiter.IsQuiet(out var blocked) && blocked == (short_.IsCompleted ? 0 : 1) + (long_.IsCompleted ? 0 : 1), TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<MjWaitTimeoutException>(() => short_);
        Assert.Contains("still running on the server", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(30), timedOutAt); // the shared sleep is cut to end exactly at that wait's deadline
        Assert.Equal(MjTaskStatus.Success, (await long_).Status);
    }

    [Fact]
    public async Task Modal_is_needs_input_for_every_wait_that_holds_it()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 0, TimeSpan.FromSeconds(60)) { FinalStatus = _ => "MODAL" };
        var id = account.Existing(TimeSpan.FromSeconds(10));
        using var client = Client(account, clock);
        var scripts = new Scripts(client, 2);

        var work = Task.WhenAll(scripts.WaitAsync(id, ScaleTests.DefaultWait()), scripts.WaitAsync(id, ScaleTests.DefaultWait()));
        await clock.DriveAsync(work, scripts.Quiet, TimeSpan.FromHours(1));

        Assert.All(await work, t => Assert.True(t.NeedsInput));
        var polls = account.Polls;
        Assert.InRange(polls, 2, 5); // never a hang: MODAL ends the wait at the first poll that sees it
    }

    [Fact]
    public async Task Cancelling_one_wait_leaves_the_others_and_the_last_one_stops_the_loop()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 0, TimeSpan.FromSeconds(60));
        var id = account.Existing(TimeSpan.FromHours(1));
        using var client = Client(account, clock);
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = client.WaitAsync(id, ScaleTests.DefaultWait(), first.Token);
        var b = client.WaitAsync(id, ScaleTests.DefaultWait(), second.Token);
        await clock.DriveUntilAsync(() => clock.Elapsed >= TimeSpan.FromSeconds(20), () => client.Waiter.IsQuiet(out var blocked) && blocked == 2, TimeSpan.FromHours(1));

        first.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a); // at once: no time passes
        Assert.False(b.IsCompleted);
        await clock.DriveUntilAsync(() => clock.Elapsed >= TimeSpan.FromSeconds(40), () => client.Waiter.IsQuiet(out var blocked) && blocked == 1, TimeSpan.FromHours(1));
        Assert.False(b.IsCompleted);

        second.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        await QuietClock.SettleAsync(() => client.Waiter.IsQuiet(out _));
        var polls = account.Polls;
        Assert.Null(clock.NextDue()); // the loop stopped: no timer left, no poll to come
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(polls, account.Polls);
    }

    private static readonly AsyncLocal<System.Runtime.CompilerServices.StrongBox<bool>?> Closed = new();

    [Fact]
    public async Task The_loop_does_not_keep_the_flow_of_the_wait_that_started_it()
    {
        // A trace sink in the caller's flow, like a cmdlet's verbose stream: it throws once its command has ended.
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 2, queue: 0, TimeSpan.FromSeconds(60));
        var quick = account.Existing(TimeSpan.FromSeconds(5));
        var slow = account.Existing(TimeSpan.FromSeconds(60));
        using var client = ScaleTests.Client(account, clock, o => o.Trace = _ =>
        {
            if (Closed.Value is { Value: true })
            {
                throw new ObjectDisposedException("verbose stream");
            }
        });
        var first = new System.Runtime.CompilerServices.StrongBox<bool>(false);
        var scripts = new Scripts(client, 2);

        var quickWait = Task.Run(async () =>
        {
            Closed.Value = first; // this caller starts the loop
            var task = await scripts.WaitAsync(quick, ScaleTests.DefaultWait());
            first.Value = true; // ...and ends: its sink is closed from now on
            return task;
        });
        await QuietClock.SettleAsync(() => client.Waiter.IsQuiet(out var blocked) && blocked == 1);
        var slowWait = Task.Run(() => scripts.WaitAsync(slow, ScaleTests.DefaultWait()));
        var work = Task.WhenAll(quickWait, slowWait);
        await clock.DriveAsync(work, scripts.Quiet, TimeSpan.FromHours(1));

        Assert.All(await work, t => Assert.Equal(MjTaskStatus.Success, t.Status));
    }

    [Fact]
    public async Task A_wait_whose_progress_sink_throws_does_not_fail_the_others()
    {
        // A cmdlet that is stopping throws from its progress sink (PipelineStoppedException); the other runspaces'
        // waits on the same client must not hear of it.
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 2, queue: 0, TimeSpan.FromSeconds(60));
        var a = account.Existing(TimeSpan.FromSeconds(30));
        var b = account.Existing(TimeSpan.FromSeconds(30));
        using var client = ScaleTests.Client(account, clock);
        var stopping = ScaleTests.DefaultWait();
        stopping.Progress = new Progress(() => throw new InvalidOperationException("The pipeline is stopping."));
        var scripts = new Scripts(client, 2);

        var work = Task.WhenAll(scripts.WaitAsync(a, stopping), scripts.WaitAsync(b, ScaleTests.DefaultWait()));
        await clock.DriveAsync(work, scripts.Quiet, TimeSpan.FromHours(1));

        Assert.All(await work, t => Assert.Equal(MjTaskStatus.Success, t.Status));
    }

    private sealed class Progress(Action report) : IProgress<MjTask>
    {
        public void Report(MjTask value) => report();
    }
}
