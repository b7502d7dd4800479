using System.Collections.Concurrent;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Admission;

/// <summary>
/// Tasks submitted and never waited for (issue 18, item 1): their ends are seen by nobody, so the client reads them when
/// a submit finds no room, instead of holding every later submit back on a count nobody updates.
/// </summary>
public sealed class UnwatchedTasksTests
{
    private static readonly TimeSpan Grid = TimeSpan.FromSeconds(60);

    private static bool Quiet(MjClient client, Task submit) =>
        client.Admission.OnWire == 0 && !client.Admission.Settling && client.Admission.Waiting == (submit.IsCompleted ? 0 : 1);

    /// <summary>Submits a and b (never waited for), then c, which a full queue refuses: the capacity is 2. c is given up.</summary>
    private static async Task LearnCapacityAsync(MjClient client, FakeAccount account)
    {
        await client.ImagineAsync(new MjImagineRequest("a"));
        await client.ImagineAsync(new MjImagineRequest("b"));
        using var giveUp = new CancellationTokenSource();
        var c = client.ImagineAsync(new MjImagineRequest("c"), giveUp.Token);
        await QuietClock.SettleAsync(() => client.Admission.OnWire == 0 && client.Admission.Waiting == 1);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c);
        Assert.Equal((1, (int?)2, 2), (account.Refusals, client.Load.Capacity, client.Load.InFlight));
    }

    [Fact]
    public async Task A_submit_that_finds_no_room_reads_the_unwatched_tasks_and_goes_at_once_when_they_have_ended()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 1, Grid);
        var log = new ConcurrentQueue<string>();
        using var client = ScaleTests.Client(account, clock, o => o.Trace = log.Enqueue);
        await LearnCapacityAsync(client, account);

        // Both tasks end on the server (at 60 and 120 s); nobody waits for them, so the client has not seen it.
        clock.Advance(TimeSpan.FromSeconds(200));
        Assert.Equal(2, client.Load.InFlight);
        var polls = account.Polls;

        var d = client.ImagineAsync(new MjImagineRequest("d"));
        await clock.DriveAsync(d, () => Quiet(client, d), TimeSpan.FromHours(1));

        // One free read, then the submit went at once: no probe, no refusal, no second of waiting.
        Assert.Equal(TimeSpan.FromSeconds(200), account.SubmitTimes[^1]);
        Assert.Equal(1, account.Refusals);
        Assert.Equal(polls + 1, account.Polls);
        Assert.Equal((1, (int?)2, (int?)1), (client.Load.InFlight, client.Load.Capacity, client.Load.FreeSlots));
        Assert.Contains(log, l => l.StartsWith("this submit waits its turn: the server holds 2 task(s) of this client and takes 2 at once", StringComparison.Ordinal));
        Assert.Contains("read the 2 task(s) in flight that no wait watches: 2 had ended; 0 held, capacity 2", log);
    }

    [Fact]
    public async Task The_read_says_what_it_found_while_the_submit_still_waits_so_the_line_reaches_the_waiting_command()
    {
        // A trace line goes to the verbose stream of the command that started the read. Were the submit let through
        // first, its command could end before the line came, and the line would be lost (a Pester test saw that).
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 1, Grid);
        MjClient? traced = null;
        var waitingAtRead = new ConcurrentQueue<int>();
        using var client = ScaleTests.Client(account, clock, o => o.Trace = line =>
        {
            if (line.StartsWith("read the ", StringComparison.Ordinal))
            {
                waitingAtRead.Enqueue(traced!.Admission.Waiting);
            }
        });
        traced = client;
        await LearnCapacityAsync(client, account);
        clock.Advance(TimeSpan.FromSeconds(200));

        var d = client.ImagineAsync(new MjImagineRequest("d"));
        await clock.DriveAsync(d, () => Quiet(client, d), TimeSpan.FromHours(1));

        Assert.Equal(new[] { 1 }, waitingAtRead.ToArray());
        Assert.Equal((1, (int?)2), (client.Load.InFlight, client.Load.Capacity));
    }

    [Fact]
    public async Task While_the_unwatched_tasks_still_run_the_submit_waits_and_reads_them_again_less_often_until_one_ends()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 1, Grid);
        using var client = ScaleTests.Client(account, clock);
        await LearnCapacityAsync(client, account);
        clock.Advance(TimeSpan.FromSeconds(5)); // a runs until 60 s, b until 120 s
        var polls = account.Polls;

        var d = client.ImagineAsync(new MjImagineRequest("d"));
        await clock.DriveAsync(d, () => Quiet(client, d), TimeSpan.FromHours(1));

        // Reads at 5, 6, 8, 12, 20, 30, 40, 50, 60 s (1 s doubling up to 10 s); the one at 60 s sees a end.
        Assert.Equal(TimeSpan.FromSeconds(60), account.SubmitTimes[^1]);
        Assert.Equal(1, account.Refusals);
        Assert.Equal(polls + 9, account.Polls);
        Assert.Equal(2, client.Load.InFlight);
    }

    [Fact]
    public async Task A_full_queue_learns_the_capacity_from_what_the_server_holds_not_from_tasks_that_ended_unseen()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 1, Grid);
        using var client = ScaleTests.Client(account, clock);
        await client.ImagineAsync(new MjImagineRequest("a"));
        await client.ImagineAsync(new MjImagineRequest("b"));
        clock.Advance(TimeSpan.FromSeconds(200)); // both ended, unseen; no capacity known yet
        Assert.Null(client.Load.Capacity);

        await client.ImagineAsync(new MjImagineRequest("c"));
        await client.ImagineAsync(new MjImagineRequest("d"));
        using var giveUp = new CancellationTokenSource();
        var e = client.ImagineAsync(new MjImagineRequest("e"), giveUp.Token);
        await QuietClock.SettleAsync(() => client.Admission.OnWire == 0 && !client.Admission.Settling && client.Admission.Waiting == 1);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => e);

        // Four counted when the queue was full, but a and b had ended: the account holds 2.
        Assert.Equal((int?)2, client.Load.Capacity);
        Assert.Equal(2, client.Load.InFlight);
    }

    [Fact]
    public async Task A_full_queue_met_while_the_unwatched_tasks_still_run_learns_the_capacity_once_after_one_read()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 1, Grid);
        var log = new ConcurrentQueue<string>();
        using var client = ScaleTests.Client(account, clock, o => o.Trace = log.Enqueue);
        await client.ImagineAsync(new MjImagineRequest("a"));
        await client.ImagineAsync(new MjImagineRequest("b"));
        clock.Advance(TimeSpan.FromSeconds(5)); // a runs until 60 s, b until 120 s; nobody waits for them
        var polls = account.Polls;

        // c meets a full queue while a and b count: one read shows both still held, so that refusal teaches the
        // capacity (2) there and then. Before, the refused c went again at once after every read, each time refused
        // and each time read again: a submit and a read per turn, as fast as the server answered.
        var c = client.ImagineAsync(new MjImagineRequest("c"));
        await QuietClock.SettleAsync(() => Quiet(client, c));
        Assert.Equal((1, 3, polls + 1), (account.Refusals, account.Submits, account.Polls));
        Assert.Equal(((int?)2, MjCapacitySource.QueueFull), (client.Load.Capacity, client.Load.CapacitySource));

        // Then c waits for an end, read less and less often, and goes when a ends (60 s) without another refusal.
        await clock.DriveAsync(c, () => Quiet(client, c), TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromSeconds(60), account.SubmitTimes[^1]);
        Assert.Equal(1, account.Refusals);
        Assert.Contains("read the 2 task(s) in flight that no wait watches: 0 had ended; 2 held, capacity 2", log);
    }

    [Fact]
    public async Task RefreshLoadAsync_reads_the_unwatched_tasks_so_the_free_slots_are_right()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 1, Grid);
        using var client = ScaleTests.Client(account, clock);
        await LearnCapacityAsync(client, account);
        clock.Advance(TimeSpan.FromSeconds(90)); // a ended, b runs
        Assert.Equal((int?)0, client.Load.FreeSlots);

        await client.RefreshLoadAsync();

        Assert.Equal((1, (int?)1), (client.Load.InFlight, client.Load.FreeSlots));
        Assert.Equal(3, account.Submits); // a, b and the refused c: the refresh submits nothing
    }
}
