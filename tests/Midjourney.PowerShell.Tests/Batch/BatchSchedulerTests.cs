using System;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Operations.Batch;
using Xunit;

namespace Midjourney.PowerShell.Tests.Batch;

public class BatchSchedulerTests
{
    [Fact]
    public void A_lane_takes_at_most_MaxInFlight_rows()
    {
        var lane = new BatchLane("http://a/", OwnCountLoad.Instance);
        var scheduler = new BatchScheduler(new[] { lane }, maxInFlight: 2);

        Assert.Same(lane, scheduler.TryTake());
        Assert.Same(lane, scheduler.TryTake());
        Assert.Null(scheduler.TryTake());
        Assert.Equal(2, scheduler.InFlight);

        scheduler.Release(lane);
        Assert.Same(lane, scheduler.TryTake());
    }

    [Fact]
    public void Rows_spread_over_lanes_by_room()
    {
        var a = new BatchLane("http://a/", OwnCountLoad.Instance);
        var b = new BatchLane("http://b/", OwnCountLoad.Instance);
        var scheduler = new BatchScheduler(new[] { a, b }, maxInFlight: 3);

        var taken = new[] { scheduler.TryTake(), scheduler.TryTake(), scheduler.TryTake(), scheduler.TryTake() };
        Assert.Equal(2, a.InFlight);
        Assert.Equal(2, b.InFlight);
        Assert.All(taken, Assert.NotNull);
    }

    [Fact]
    public void Learnt_free_slots_and_pauses_bound_a_lane_below_MaxInFlight()
    {
        var load = new FakeLoad { FreeSlots = 1 };
        var a = new BatchLane("http://a/", load);
        var b = new BatchLane("http://b/", OwnCountLoad.Instance);
        var scheduler = new BatchScheduler(new[] { a, b }, maxInFlight: 10);

        // b has room 10, a has 1 free slot: b first.
        Assert.Same(b, scheduler.TryTake());
        Assert.Same(a, scheduler.TryTake("http://a/"));

        // With a row of ours on it, a paused lane or one without free slots takes no more.
        load.Paused = true;
        Assert.Equal(0, scheduler.Room(a));
        Assert.Null(scheduler.TryTake("http://a/"));
        load.Paused = false;
        load.FreeSlots = 0;
        Assert.Null(scheduler.TryTake("http://a/"));
        load.FreeSlots = 3;
        Assert.Same(a, scheduler.TryTake("http://a/"));
    }

    [Fact]
    public void A_lane_without_rows_of_ours_always_lets_one_go_so_waiting_rows_never_stall()
    {
        var load = new FakeLoad { FreeSlots = 0, Paused = true };
        var a = new BatchLane("http://a/", load);
        var scheduler = new BatchScheduler(new[] { a }, maxInFlight: 10);

        Assert.Equal(1, scheduler.Room(a));
        Assert.Same(a, scheduler.TryTake());
        Assert.Equal(0, scheduler.Room(a));
    }

    [Fact]
    public async Task Waiting_rows_get_room_in_order_on_release()
    {
        var lane = new BatchLane("http://a/", OwnCountLoad.Instance);
        var scheduler = new BatchScheduler(new[] { lane }, maxInFlight: 1);
        var first = await scheduler.TakeAsync(null, CancellationToken.None);

        var second = scheduler.TakeAsync(null, CancellationToken.None);
        var third = scheduler.TakeAsync(null, CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.Null(scheduler.TryTake()); // others wait first

        scheduler.Release(first);
        Assert.Same(lane, await second);
        Assert.False(third.IsCompleted);

        scheduler.Release(lane);
        Assert.Same(lane, await third);
        Assert.Equal(1, scheduler.InFlight);
    }

    [Fact]
    public async Task A_row_pinned_to_its_server_waits_for_that_lane_only_and_does_not_block_others()
    {
        var a = new BatchLane("http://a/", OwnCountLoad.Instance);
        var b = new BatchLane("http://b/", OwnCountLoad.Instance);
        var scheduler = new BatchScheduler(new[] { a, b }, maxInFlight: 1);
        Assert.Same(a, await scheduler.TakeAsync("http://a/", CancellationToken.None));

        var pinned = scheduler.TakeAsync("http://a/", CancellationToken.None);
        var free = scheduler.TakeAsync(null, CancellationToken.None);
        Assert.False(pinned.IsCompleted);
        Assert.Same(b, await free);

        scheduler.Release(a);
        Assert.Same(a, await pinned);
    }

    [Fact]
    public async Task Changed_hands_room_to_waiters_when_a_load_frees_up()
    {
        var load = new FakeLoad();
        var lane = new BatchLane("http://a/", load);
        var scheduler = new BatchScheduler(new[] { lane }, maxInFlight: 5);
        Assert.Same(lane, await scheduler.TakeAsync(null, CancellationToken.None));
        load.Paused = true;
        var waiting = scheduler.TakeAsync(null, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        load.Paused = false;
        scheduler.Changed();
        Assert.Same(lane, await waiting);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_queue_and_takes_no_room()
    {
        var lane = new BatchLane("http://a/", OwnCountLoad.Instance);
        var scheduler = new BatchScheduler(new[] { lane }, maxInFlight: 1);
        var held = scheduler.TryTake()!;
        using var stop = new CancellationTokenSource();
        var waiting = scheduler.TakeAsync(null, stop.Token);

        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        scheduler.Release(held);
        Assert.Equal(0, scheduler.InFlight);
        Assert.Same(lane, scheduler.TryTake());
    }

    private sealed class FakeLoad : IBatchLoad
    {
        public int? FreeSlots { get; set; }

        public bool Paused { get; set; }
    }
}
