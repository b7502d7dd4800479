using System.Net;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Admission;

/// <summary>Submits wait their turn after a full queue or a 429; the rules against paying twice do not move.</summary>
public sealed class SubmitAdmissionTests
{
    private static readonly TimeSpan Grid = TimeSpan.FromSeconds(60);

    private static bool Settled(MjClient client, int waitingSubmits) => client.Admission.OnWire == 0 && client.Admission.Waiting == waitingSubmits;

    [Theory]
    [InlineData(23)]
    [InlineData(9)]
    [InlineData(30)]
    public async Task A_full_queue_teaches_the_capacity_and_each_end_lets_one_waiting_submit_through(int refusal)
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 1, queue: 1, Grid) { RefusalCode = refusal };
        // Probes only after an hour: here only ends open places.
        using var client = ScaleTests.Client(account, clock, o => o.MaxRetryDelay = o.RetryBaseDelay = TimeSpan.FromHours(1));
        Assert.Null(client.Load.Capacity);
        Assert.Null(client.Load.FreeSlots);

        var first = await client.ImagineAsync(new MjImagineRequest("a"));
        var second = await client.ImagineAsync(new MjImagineRequest("b")); // code 22, none ahead: one runs at once
        Assert.Equal((2, (int?)1), (client.Load.InFlight, client.Load.Concurrency));

        using var cancelFourth = new CancellationTokenSource();
        var third = client.ImagineAsync(new MjImagineRequest("c"));
        var fourth = client.ImagineAsync(new MjImagineRequest("d"), cancelFourth.Token);
        await QuietClock.SettleAsync(() => Settled(client, waitingSubmits: 2));

        // The third was refused and learnt the capacity; the fourth never went out. Neither retries on its own.
        Assert.Equal((3, 1), (account.Submits, account.Refusals));
        Assert.Equal((int?)2, client.Load.Capacity);
        Assert.Equal((int?)0, client.Load.FreeSlots);
        Assert.Equal(2, client.Load.WaitingSubmits);

        // The first task ends at 60 s; the poll that sees it lets exactly one waiting submit through.
        var wait = client.WaitAsync(first.Id, ScaleTests.DefaultWait());
        await clock.DriveAsync(wait, () => client.Admission.OnWire == 0 && client.Waiter.IsQuiet(out var blocked) && blocked + (wait.IsCompleted ? 1 : 0) == 1, TimeSpan.FromHours(1));
        Assert.Equal("t3", (await third).Id);
        Assert.Equal((4, 1), (account.Submits, account.Refusals));
        Assert.False(fourth.IsCompleted);

        // Cancelling a submit in line ends it at once, and nothing is sent for it.
        cancelFourth.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth);
        Assert.Equal(4, account.Submits);
        Assert.Equal(0, client.Load.WaitingSubmits);
        Assert.Equal(3, account.Created);
    }

    [Fact]
    public async Task A_waiting_submit_names_the_account_list_when_the_capacity_came_from_it()
    {
        var log = new List<string>();
        var admission = new SubmitAdmission(new MjClientOptions(new Uri("http://mj.test/")) { Trace = log.Add }, new QuietClock());
        admission.UseAccountCapacity(new MjPoolCapacity(1, 1, 2, DateTimeOffset.UnixEpoch));
        using (var first = await admission.EnterAsync(again: false, patienceEnd: null, CancellationToken.None))
        {
            first.Accepted(new[] { new MjTask("t1") { Status = MjTaskStatus.InProgress } });
        }

        using var giveUp = new CancellationTokenSource();
        var second = admission.EnterAsync(again: false, patienceEnd: null, giveUp.Token);
        Assert.False(second.IsCompleted);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);

        Assert.Equal(
            "this submit waits its turn: the server holds 1 task(s) of this client and takes 1 at once (from the accounts: 1 of 2 usable); it goes when one of them ends",
            Assert.Single(log));
    }

    [Fact]
    public async Task A_429_pauses_every_submit_of_the_client_for_its_retry_after()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 3, queue: 10, Grid);
        account.RateLimit(1, TimeSpan.FromSeconds(5));
        using var client = ScaleTests.Client(account, clock);
        var done = 0;

        async Task Submit(string prompt)
        {
            try
            {
                await client.ImagineAsync(new MjImagineRequest(prompt));
            }
            finally
            {
                Interlocked.Increment(ref done);
            }
        }

        var work = Task.WhenAll(new[] { "a", "b", "c", "d" }.Select(Submit));
        await QuietClock.SettleAsync(() => client.Admission.OnWire == 0 && client.Admission.Waiting + Volatile.Read(ref done) == 4);
        Assert.True(client.Load.SubmitsPaused);
        await clock.DriveAsync(work, () => client.Admission.OnWire == 0 && client.Admission.Waiting + Volatile.Read(ref done) == 4, TimeSpan.FromMinutes(5));

        // The first was refused with 429 at 0 s. At most one other was already on the wire then; every later submit,
        // the refused one's second try included, waited out the pause: nothing between 0 and 5 s.
        var times = account.SubmitTimes;
        Assert.Equal(5, times.Count);
        Assert.InRange(times.Count(t => t == TimeSpan.Zero), 1, 2);
        Assert.All(times.Where(t => t != TimeSpan.Zero), t => Assert.Equal(TimeSpan.FromSeconds(5), t));
        Assert.Equal(4, account.Created);
        Assert.False(client.Load.SubmitsPaused);
    }

    [Fact]
    public async Task An_ambiguous_submit_is_never_sent_again_and_gives_its_place_to_the_next()
    {
        var submits = new Dictionary<string, int>();
        var server = new FakeServer(r =>
        {
            if (r.Path == "/mj/task/list")
            {
                return FakeServer.Json("[]"); // a caller's state cannot prove that nothing was created
            }

            var prompt = System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("prompt").GetString()!;
            lock (submits)
            {
                submits[prompt] = submits.GetValueOrDefault(prompt) + 1;
            }

            return prompt == "lost" ? FakeServer.Empty(HttpStatusCode.InternalServerError) : FakeServer.Accepted("id-" + prompt);
        });
        using var client = TestClients.Create(server, o => o.QueueFullPatience = TimeSpan.FromMinutes(10));

        var lost = client.ImagineAsync(new MjImagineRequest("lost") { State = "row-7" });
        var others = Enumerable.Range(1, 5).Select(i => client.ImagineAsync(new MjImagineRequest("p" + i))).ToList();

        var error = await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => lost);
        Assert.Contains("row-7", error.Message);
        await Task.WhenAll(others);
        Assert.Equal(1, submits["lost"]); // never re-sent: that could pay twice
        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal(1, submits["p" + i]));
        Assert.Equal((0, 0, 5), (client.Load.Submitting, client.Load.WaitingSubmits, client.Load.InFlight));
    }

    [Fact]
    public async Task Without_patience_a_busy_submit_stops_after_the_retry_count_and_waits_its_turn_between_tries()
    {
        var clock = new QuietClock();
        var account = new FakeAccount(clock, slots: 0, queue: 0, Grid);
        using var client = ScaleTests.Client(account, clock, o =>
        {
            o.QueueFullPatience = TimeSpan.Zero;
            o.MaxSubmitRetries = 2;
        });

        var submit = client.ImagineAsync(new MjImagineRequest("x"));
        await clock.DriveUntilAsync(() => submit.IsCompleted, () => client.Admission.OnWire == 0 && (client.Admission.Waiting == 1 || submit.IsCompleted), TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<MjServerBusyException>(() => submit);

        // None of ours is held, so only time can help: 1 s, then 2 s of back-off between the three tries.
        Assert.Equal(new[] { 0.0, 1.0, 3.0 }, account.SubmitTimes.Select(t => t.TotalSeconds));
    }
}
