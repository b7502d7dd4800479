using Midjourney.Client.Tests.Fakes;
using Xunit.Abstractions;

namespace Midjourney.Client.Tests.Admission;

/// <summary>
/// Prompts thrown at a 3-slot/10-queue account, the way most C# users write it (Task.WhenAll over submit-then-WaitAsync
/// per prompt), on a clock that moves only while the client is quiet: every figure is the same on every run.
/// </summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Grid = TimeSpan.FromSeconds(60);

    internal static MjClient Client(FakeAccount account, QuietClock clock, Action<MjClientOptions>? configure = null) => TestClients.Create(account.Server, o =>
    {
        o.TimeProvider = clock;
        o.QueueFullPatience = TimeSpan.FromHours(1);
        o.RetryBaseDelay = TimeSpan.FromSeconds(1);
        o.MaxRetryDelay = TimeSpan.FromSeconds(60);
        configure?.Invoke(o);
    });

    internal static MjWaitOptions DefaultWait() => new(); // the library's own 2 s / 10 s

    [Fact]
    public async Task Thirty_per_prompt_waits_at_once_make_at_most_33_submits_and_at_most_one_poll_per_finished_task()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 3, queue: 10, Grid);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var client = Client(account, clock, o => o.Trace = line => log.Enqueue($"{clock.Elapsed.TotalSeconds,7:0.0} {line}"));
        var scripts = new Scripts(client, 30);

        var work = Task.WhenAll(Enumerable.Range(1, 30).Select(i => scripts.SubmitAndWaitAsync(i, DefaultWait())));
        await clock.DriveAsync(work, scripts.Quiet, TimeSpan.FromHours(2));
        var results = await work;

        output.WriteLine(string.Join("\n", log));
        output.WriteLine($"30 tasks: {account.Submits} submits ({account.Refusals} refused), {account.Polls} polls, fake time {clock.Elapsed}; load {client.Load}");
        Assert.All(results, t => Assert.Equal(MjTaskStatus.Success, t.Status));
        Assert.Equal(30, account.Created); // nothing paid twice
        Assert.InRange(account.Submits, 30, 33); // ≤ 1.1 submit requests per accepted task
        Assert.InRange(account.Polls, 1, 30); // ≤ 1 poll per finished task
        Assert.Equal(13, client.Load.Capacity);
        Assert.Equal(3, client.Load.Concurrency);
        Assert.Equal(0, client.Load.InFlight);
        Assert.Equal(13, client.Load.FreeSlots);
        // The account was kept full: 10 rounds of 3 slots, each 60 s, end within a few polls of 600 s.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(600), TimeSpan.FromSeconds(660));
    }

    [Fact]
    public async Task A_line_that_moves_waits_past_the_patience()
    {
        // 30 prompts need 600 s on this account; the patience is 2 minutes. Every accepted submit starts it again.
        // (A line that never moves still stops at the patience: RetryTests.A_full_queue_is_waited_out_within_the_patience.)
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 3, queue: 10, Grid);
        using var client = Client(account, clock, o => o.QueueFullPatience = TimeSpan.FromMinutes(2));
        var scripts = new Scripts(client, 30);

        var work = Task.WhenAll(Enumerable.Range(1, 30).Select(i => scripts.SubmitAndWaitAsync(i, DefaultWait())));
        await clock.DriveAsync(work, scripts.Quiet, TimeSpan.FromHours(2));
        var results = await work;

        output.WriteLine($"30 tasks, patience 2 min: {account.Submits} submits ({account.Refusals} refused), fake time {clock.Elapsed}");
        Assert.All(results, t => Assert.Equal(MjTaskStatus.Success, t.Status));
        Assert.Equal(30, account.Created);
        Assert.True(clock.Elapsed > TimeSpan.FromMinutes(4), "the run ended within twice the patience: the test proves nothing");
    }

    [Fact]
    public async Task Sequential_single_waits_poll_at_once_and_do_not_inherit_a_stretched_interval()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 3, queue: 10, TimeSpan.FromSeconds(1));
        using var client = Client(account, clock);
        var scripts = new Scripts(client, 30);

        async Task RunAll()
        {
            for (var i = 0; i < 30; i++)
            {
                var task = await scripts.SubmitAndWaitAsync(i, DefaultWait());
                Assert.Equal(MjTaskStatus.Success, task.Status);
            }
        }

        // One prompt at a time: the others count as done until their turn comes.
        var sequential = new Scripts(client, 1);
        var work = RunAll();
        await clock.DriveAsync(work, () => client.Admission.OnWire == 0 && client.Waiter.IsQuiet(out var blocked) && blocked + client.Admission.Waiting == 1, TimeSpan.FromHours(1));

        output.WriteLine($"30 sequential: {account.Submits} submits, {account.Polls} polls, fake time {clock.Elapsed}");
        Assert.Equal(30, account.Submits);
        // Each wait polls at once (the task is queued or running), then 2 s later (it has ended): as fast as a wait alone.
        Assert.Equal(60, account.Polls);
        Assert.Equal(TimeSpan.FromSeconds(90), clock.Elapsed); // 3 s each: the first sleep is the minimum grown once, as ever
    }
}
