using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// The one poller of a client. Every wait on the same <see cref="MjClient"/> (WaitAsync, WaitAllAsync, every cmdlet
/// and runspace sharing the connection) joins one loop that polls all their ids together (<c>list-by-condition</c> in
/// chunks, a fetch per id where the server lacks it), hands each task back to its waits the moment it ends, and times
/// the next poll by the soonest expected completion (from progress rates), otherwise stretching the interval while
/// nothing happens. The loop runs only while some wait has ids; the first wait of an idle client polls at once.
/// </summary>
internal sealed class TaskWaiter
{
    private readonly MjClient _client;
    private readonly object _gate = new();
    private readonly Dictionary<string, Watched> _watched = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly List<Wait> _waits = new();
    private readonly long _origin;
    private Run? _run;
    private long _polls;

    public TaskWaiter(MjClient client)
    {
        _client = client;
        _origin = client.Time.GetTimestamp();
    }

    /// <summary>True for a task submitted here a moment ago (it starts queued, so a poll at once would only see that).</summary>
    public Func<string, TimeSpan, bool> SubmittedWithin { get; set; } = (_, _) => false;

    /// <summary>Poll rounds made so far, all waits together.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>True when some wait on this client watches the id, so its end will be seen.</summary>
    public bool IsWatching(string taskId)
    {
        lock (_gate)
        {
            return _watched.ContainsKey(taskId);
        }
    }

    /// <summary>
    /// Test hook: true while nothing of the poller can move without time passing: the loop sleeps (or does not run) and
    /// <paramref name="blockedWaits"/> waits sit on empty hands.
    /// </summary>
    internal bool IsQuiet(out int blockedWaits)
    {
        lock (_gate)
        {
            blockedWaits = _waits.Count(w => w.Blocked);
            return _run is null || _run.Asleep;
        }
    }

    private TimeSpan Now => _client.Time.GetElapsedTime(_origin);

    public async IAsyncEnumerable<MjWaitResult> WaitAsync(MjWaitQueue queue, MjWaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options.Validate();
        var wait = new Wait(options, options.Timeout is TimeSpan t ? Now + t : null);
        lock (_gate)
        {
            _waits.Add(wait);
        }

        // The deadline holds whatever the server does: a watchdog looks a moment after it (and every moment after that
        // while the wait lasts), so a poll still in flight (a server that drips its answer) no longer holds the wait; the
        // wait ends, and its leaving cancels the poll if no other wait needs it. A poll that ends in time wins the race.
        using var watchdog = options.Timeout is TimeSpan timeout
            ? _client.Time.CreateTimer(_ => Expire(wait), null, timeout + MjLimits.WaitDeadlineGrace, MjLimits.WaitDeadlineGrace)
            : null;
        try
        {
            var arrived = new List<string>();
            var complete = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!complete)
                {
                    arrived.Clear();
                    complete = queue.Drain(arrived);
                    if (arrived.Count > 0)
                    {
                        Join(wait, arrived);
                    }
                }

                while (wait.TryTake(out var result))
                {
                    yield return result;
                }

                Task changed;
                lock (_gate)
                {
                    if (wait.Fault is { } fault)
                    {
                        ExceptionDispatchInfo.Capture(fault).Throw();
                    }

                    if (wait.HasResults)
                    {
                        continue;
                    }

                    if (wait.TimedOut || (complete && wait.Pending.Count == 0))
                    {
                        yield break;
                    }

                    changed = wait.Block();
                }

                try
                {
                    await WhenAnyAsync(changed, complete ? null : queue.WhenChangedAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    lock (_gate)
                    {
                        wait.Unblock(); // woken by its queue or its token rather than by the poller
                    }
                }
            }
        }
        finally
        {
            Leave(wait);
        }
    }

    /// <summary>
    /// Adds a wait's new ids to the loop: starts it when idle (it polls at once), else brings the next poll forward: at
    /// once for an id that may have ended already, within the wait's longest interval for a task just submitted here.
    /// </summary>
    private void Join(Wait wait, List<string> ids)
    {
        // Asked before taking the lock: the admission asks this poller too, so never hold both.
        var soon = ids.Any(id => !SubmittedWithin(id, wait.Options.MaxPollInterval));
        var reports = new List<MjTask>();
        Run? started = null;
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (!wait.Pending.Add(id))
                {
                    continue;
                }

                if (!_watched.TryGetValue(id, out var watched))
                {
                    _watched[id] = watched = new Watched();
                    _order.Add(id);
                }
                else if (watched.Tracked.Last is { } last && wait.Options.Progress is not null)
                {
                    reports.Add(last); // the newcomer has not seen the state the others saw
                }

                watched.Waits.Add(wait);
            }

            var now = Now;
            if (_run is null)
            {
                _run = started = new Run(Bounds().MinPollInterval);
            }
            else
            {
                var due = now + (soon ? TimeSpan.Zero : wait.Options.MaxPollInterval);
                if (wait.Deadline is TimeSpan deadline && deadline < due)
                {
                    due = deadline;
                }

                _run.BringForward(due);
            }
        }

        foreach (var task in reports)
        {
            wait.Options.Progress!.Report(task);
        }

        if (started is not null)
        {
            // The loop serves every wait, so it must not carry the ambient state (the ExecutionContext) of the one that
            // happened to start it: that caller may be long gone while the loop still polls for the others.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RunLoopAsync(started));
            }
        }
    }

    private void Leave(Wait wait)
    {
        Run? stopped = null;
        lock (_gate)
        {
            _waits.Remove(wait);
            foreach (var id in wait.Pending)
            {
                Unwatch(id, wait);
            }

            wait.Pending.Clear();
            if (_watched.Count == 0 && _run is { } run)
            {
                _run = null;
                run.Halt();
                stopped = run;
            }
        }

        stopped?.CancelPoll(); // nobody waits: end the loop, and an HTTP poll it may be making
    }

    private void Unwatch(string id, Wait wait)
    {
        if (_watched.TryGetValue(id, out var watched) && watched.Waits.Remove(wait) && watched.Waits.Count == 0)
        {
            _watched.Remove(id);
            _order.Remove(id);
        }
    }

    /// <summary>The loop, with a last guard: should it ever fail, every wait hears of it instead of hanging.</summary>
    private async Task RunLoopAsync(Run run)
    {
        try
        {
            await LoopAsync(run).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_run == run)
                {
                    _run = null;
                    run.Halt();
                }

                foreach (var wait in _waits.Where(w => w.Pending.Count > 0).ToList())
                {
                    wait.Fault = e;
                    foreach (var id in wait.Pending)
                    {
                        Unwatch(id, wait);
                    }

                    wait.Pending.Clear();
                    wait.Signal();
                }
            }
        }
    }

    private async Task LoopAsync(Run run)
    {
        var token = run.Token;
        while (true)
        {
            List<string> ids;
            ExecutionContext? lent;
            lock (_gate)
            {
                if (_run != run)
                {
                    return;
                }

                // Each poll runs in the flow of the newest wait still waiting, so a caller's trace sink (a cmdlet's
                // verbose stream) sees the requests made for it.
                lent = _waits.LastOrDefault(w => w.Pending.Count > 0)?.Context;

                if (_watched.Count == 0)
                {
                    _run = null;
                    run.Halt();
                    return;
                }

                ids = _order.ToList();
            }

            IReadOnlyList<MjTask>? seen = null;
            Exception? failure = null;
            try
            {
                Interlocked.Increment(ref _polls);
                seen = await PollAsync(ids, lent, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failure = e;
            }

            var reports = new List<(IProgress<MjTask> To, MjTask Task)>();
            TimeSpan? at;
            lock (_gate)
            {
                if (_run != run)
                {
                    return;
                }

                at = Distribute(run, ids, seen, failure, reports);
                if (at is TimeSpan due)
                {
                    run.Plan(due);
                }
            }

            foreach (var (to, task) in reports)
            {
                Report(to, task);
            }

            if (at is not null && !await SleepAsync(run).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>
    /// One wait's progress report. Its failure (the caller's command stopping) is that wait's alone: it must not stop
    /// the loop every other wait on this client depends on.
    /// </summary>
    private static void Report(IProgress<MjTask> to, MjTask task)
    {
        try
        {
            to.Report(task);
        }
#pragma warning disable CA1031 // a caller's progress sink failing is not the loop's failure
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private Task<IReadOnlyList<MjTask>> PollAsync(List<string> ids, ExecutionContext? lent, CancellationToken token)
    {
        if (lent is null)
        {
            return _client.GetTasksAsync(ids, token);
        }

        Task<IReadOnlyList<MjTask>>? poll = null;
        ExecutionContext.Run(lent.CreateCopy(), _ => poll = _client.GetTasksAsync(ids, token), null);
        return poll!;
    }

    /// <summary>Hands out what one poll saw (under the lock); returns when to poll next, or null to go round at once.</summary>
    private TimeSpan? Distribute(Run run, List<string> ids, IReadOnlyList<MjTask>? seen, Exception? failure, List<(IProgress<MjTask>, MjTask)> reports)
    {
        var now = Now;
        var touched = new HashSet<Wait>();

        // The tasks live on the server whatever happens here: keep polling through an outage, up to each wait's limit.
        var expected = failure is MjServerException or MjProtocolException or MjServerBusyException;
        foreach (var wait in _waits.Where(w => w.Pending.Count > 0).ToList())
        {
            if (failure is null)
            {
                wait.FailedPolls = 0;
            }
            else if (!expected || ++wait.FailedPolls >= wait.Options.MaxFailedPolls)
            {
                wait.Fault = failure;
                foreach (var id in wait.Pending)
                {
                    Unwatch(id, wait);
                }

                wait.Pending.Clear();
                touched.Add(wait);
            }
        }

        var anyEnded = false;
        if (seen is not null)
        {
            var byId = new Dictionary<string, MjTask>(StringComparer.Ordinal);
            foreach (var task in seen)
            {
                byId[task.Id] = task;
            }

            foreach (var id in ids)
            {
                if (!_watched.TryGetValue(id, out var watched))
                {
                    continue; // its waits left during the poll
                }

                var tracked = watched.Tracked;
                if (!byId.TryGetValue(id, out var task))
                {
                    tracked.Misses++;
                    foreach (var wait in watched.Waits.Where(w => tracked.Misses >= w.Options.NotFoundAfter).ToList())
                    {
                        Hand(wait, id, new MjWaitResult(id, MjWaitOutcome.NotFound, tracked.Last,
                            new MjNotFoundException($"Task {id} was not found on {_client.BaseAddress}.", id, null, null, null, null)), touched);
                    }

                    continue;
                }

                tracked.Misses = 0;
                if (tracked.Last is null || tracked.Last.Status != task.Status || tracked.Last.Progress != task.Progress)
                {
                    foreach (var wait in watched.Waits.Where(w => w.Options.Progress is not null))
                    {
                        reports.Add((wait.Options.Progress!, task));
                    }
                }

                tracked.Observe(task, now);
                if (task.Status.EndsWait())
                {
                    anyEnded = true;
                    var outcome = task.Status == MjTaskStatus.Modal ? MjWaitOutcome.NeedsInput : MjWaitOutcome.Finished;
                    foreach (var wait in watched.Waits.ToList())
                    {
                        Hand(wait, id, new MjWaitResult(id, outcome, task, null), touched);
                    }
                }
            }
        }

        // Deadlines: a wait past its own ends with a timeout for each task still pending (it keeps running on the server).
        foreach (var wait in _waits.Where(w => w.Deadline is TimeSpan d && d <= now && w.Pending.Count > 0).ToList())
        {
            TimeOut(wait, touched, null);
        }

        foreach (var wait in touched)
        {
            wait.Signal();
        }

        if (_watched.Count == 0)
        {
            return null; // the loop ends at the top, unless an id joined meanwhile
        }

        var bounds = Bounds();
        run.Interval = NextInterval(_watched.Values.Select(w => w.Tracked), now, run.Interval, anyEnded, bounds);
        var at = now + run.Interval;
        foreach (var wait in _waits)
        {
            if (wait.Deadline is TimeSpan d && wait.Pending.Count > 0 && d < at)
            {
                at = d; // the last sleep is cut to end exactly at the deadline
            }
        }

        return at;
    }

    /// <summary>Hands each pending id of <paramref name="wait"/> a timeout (under the lock).</summary>
    private void TimeOut(Wait wait, HashSet<Wait> touched, string? why)
    {
        foreach (var id in wait.Pending.ToList())
        {
            var last = _watched.TryGetValue(id, out var watched) ? watched.Tracked.Last : null;
            Hand(wait, id, new MjWaitResult(id, MjWaitOutcome.TimedOut, last, new MjWaitTimeoutException(
                $"Task {id} did not finish within {wait.Options.Timeout!.Value.TotalSeconds:0.###} s (last seen {last?.Status.ToString() ?? "never"}{(last?.Progress is int p ? $" {p}%" : string.Empty)}){why}. It is still running on the server; wait again later.",
                id, last)), touched);
        }

        wait.TimedOut = true;
    }

    /// <summary>The deadline's timer: a wait still pending a moment past its deadline ends now, with the poll in flight or not.</summary>
    private void Expire(Wait wait)
    {
        lock (_gate)
        {
            if (wait.TimedOut || wait.Pending.Count == 0 || !_waits.Contains(wait))
            {
                return;
            }

            var touched = new HashSet<Wait>();
            TimeOut(wait, touched, $"; {_client.BaseAddress.AbsoluteUri.TrimEnd('/')} had not answered the last poll by then");
            wait.Signal();
        }
    }

    /// <summary>Sleeps until the planned poll (a join may bring it forward); false when the loop was stopped.</summary>
    private async Task<bool> SleepAsync(Run run)
    {
        while (true)
        {
            Task woken;
            lock (_gate)
            {
                if (_run != run)
                {
                    return false;
                }

                var left = run.Due - Now;
                if (left <= TimeSpan.Zero)
                {
                    return true;
                }

                woken = run.Sleep(left, _client.Time, wake =>
                {
                    lock (_gate)
                    {
                        run.Wake(wake);
                    }
                });
            }

            try
            {
                await woken.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>Shared bounds of the waits with ids: the shortest minimum, maximum and backoff any of them asks for.</summary>
    private MjWaitOptions Bounds()
    {
        var active = _waits.Where(w => w.Pending.Count > 0).Select(w => w.Options).ToList();
        if (active.Count == 0)
        {
            return new MjWaitOptions();
        }

        var min = active.Min(o => o.MinPollInterval);
        var max = active.Min(o => o.MaxPollInterval);
        return new MjWaitOptions
        {
            MinPollInterval = min,
            MaxPollInterval = max < min ? min : max,
            Backoff = active.Min(o => o.Backoff),
            EstimateHorizon = active.Min(o => o.EstimateHorizon),
        };
    }

    private void Hand(Wait wait, string id, MjWaitResult result, HashSet<Wait> touched)
    {
        if (wait.Pending.Remove(id))
        {
            wait.Add(result);
            Unwatch(id, wait);
            touched.Add(wait);
        }
    }

    private static async Task WhenAnyAsync(Task changed, Task? queueChanged, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            var first = queueChanged is null
                ? await Task.WhenAny(changed, cancelled.Task).ConfigureAwait(false)
                : await Task.WhenAny(changed, queueChanged, cancelled.Task).ConfigureAwait(false);
            if (first == cancelled.Task)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>
    /// The soonest expected completion among tasks whose progress is moving (plus a small margin, so the poll
    /// lands just after it), within the min/max bounds; with no estimate, the last interval grown by the backoff.
    /// </summary>
    internal static TimeSpan NextInterval(IEnumerable<Tracked> pending, TimeSpan now, TimeSpan last, bool anyEnded, MjWaitOptions options)
    {
        TimeSpan? soonest = null;
        foreach (var tracked in pending)
        {
            if (tracked.ExpectedEnd(now) is TimeSpan eta && (soonest is null || eta < soonest))
            {
                soonest = eta;
            }
        }

        TimeSpan next;
        if (soonest is TimeSpan expected)
        {
            next = expected + TimeSpan.FromTicks(options.MinPollInterval.Ticks / 2);
            var horizon = options.EstimateHorizon > options.MaxPollInterval ? options.EstimateHorizon : options.MaxPollInterval;
            return next < options.MinPollInterval ? options.MinPollInterval : next > horizon ? horizon : next;
        }
        else
        {
            // Nothing to go by: start short after an ending (the queue moves on), then stretch while nothing moves.
            next = anyEnded ? options.MinPollInterval : TimeSpan.FromTicks((long)(last.Ticks * options.Backoff));
        }

        return next < options.MinPollInterval ? options.MinPollInterval : next > options.MaxPollInterval ? options.MaxPollInterval : next;
    }

    /// <summary>What the poller knows of one task: the last snapshot and how fast its progress moves.</summary>
    internal sealed class Tracked
    {
        private TimeSpan? _rateFrom;
        private int _rateFromProgress;
        private TimeSpan? _lastChange;
        private double? _percentPerSecond;

        public MjTask? Last { get; private set; }

        public int Misses { get; set; }

        public void Observe(MjTask task, TimeSpan now)
        {
            if (task.Status == MjTaskStatus.InProgress && task.Progress is int progress)
            {
                if (_rateFrom is null || progress < _rateFromProgress)
                {
                    _rateFrom = now;
                    _rateFromProgress = progress;
                }
                else if (Last?.Progress != progress && progress > _rateFromProgress)
                {
                    var seconds = (now - _rateFrom.Value).TotalSeconds;
                    if (seconds > 0)
                    {
                        _percentPerSecond = (progress - _rateFromProgress) / seconds;
                    }

                    _lastChange = now;
                }
            }

            Last = task;
        }

        /// <summary>Time until the task should end, from its progress rate; null when unknown or already overdue.</summary>
        public TimeSpan? ExpectedEnd(TimeSpan now)
        {
            if (_percentPerSecond is not double rate || rate <= 0 || Last?.Progress is not int progress || _lastChange is null)
            {
                return null;
            }

            var left = TimeSpan.FromSeconds((100 - progress) / rate) - (now - _lastChange.Value);
            return left > TimeSpan.Zero ? left : null;
        }
    }

    /// <summary>One watched id: what is known of it and the waits that hold it.</summary>
    private sealed class Watched
    {
        public Tracked Tracked { get; } = new();

        public List<Wait> Waits { get; } = new();
    }

    /// <summary>One running loop: its stop switch, its interval, and its sleep (which a join can cut short). Used under the poller's lock.</summary>
    private sealed class Run
    {
        private readonly CancellationTokenSource _stop = new();
        private TaskCompletionSource<bool>? _wake;
        private ITimer? _timer;
        private TimeSpan? _joinDue;

        public Run(TimeSpan interval) => Interval = interval;

        public CancellationToken Token => _stop.Token;

        public TimeSpan Interval { get; set; }

        /// <summary>When the loop polls next.</summary>
        public TimeSpan Due { get; private set; }

        /// <summary>True while the loop sleeps on its timer.</summary>
        public bool Asleep => _wake is not null;

        /// <summary>After a poll: the next one at <paramref name="due"/>, or sooner if an id joined while polling.</summary>
        public void Plan(TimeSpan due)
        {
            Due = _joinDue is TimeSpan join && join < due ? join : due;
            _joinDue = null;
        }

        /// <summary>Sleeps for <paramref name="left"/> on one timer of <paramref name="time"/>; <paramref name="onTimer"/> must call <see cref="Wake"/> under the lock.</summary>
        public Task Sleep(TimeSpan left, TimeProvider time, Action<TaskCompletionSource<bool>> onTimer)
        {
            var wake = _wake = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _timer = time.CreateTimer(_ => onTimer(wake), null, left, Timeout.InfiniteTimeSpan);
            return wake.Task;
        }

        /// <summary>A join: poll no later than <paramref name="due"/>.</summary>
        public void BringForward(TimeSpan due)
        {
            if (_wake is null)
            {
                _joinDue = _joinDue is TimeSpan join && join < due ? join : due; // polling now: the next poll comes no later
            }
            else if (due < Due)
            {
                Due = due;
                Wake(_wake); // the loop sleeps again for whatever is left
            }
        }

        public void Wake(TaskCompletionSource<bool> wake)
        {
            if (ReferenceEquals(_wake, wake))
            {
                _wake = null;
                _timer?.Dispose();
                _timer = null;
            }

            wake.TrySetResult(true);
        }

        /// <summary>Ends the sleep for good (under the lock); <see cref="CancelPoll"/> then stops an HTTP poll in flight.</summary>
        public void Halt()
        {
            var wake = _wake;
            _wake = null;
            _timer?.Dispose();
            _timer = null;
            wake?.TrySetCanceled();
        }

        /// <summary>Cancels the loop's token, outside the lock: cancellation callbacks may run code inline.</summary>
        public void CancelPoll() => _stop.Cancel();
    }

    /// <summary>One call of WaitAllAsync: its options and deadline, its ids still pending, and its results to hand back.</summary>
    private sealed class Wait
    {
        private readonly Queue<MjWaitResult> _outbox = new();
        private TaskCompletionSource<bool> _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Wait(MjWaitOptions options, TimeSpan? deadline)
        {
            Options = options;
            Deadline = deadline;
        }

        public MjWaitOptions Options { get; }

        public TimeSpan? Deadline { get; }

        /// <summary>The caller's flow, lent to the polls made while this wait waits (null when its flow was suppressed).</summary>
        public ExecutionContext? Context { get; } = ExecutionContext.Capture();

        public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

        public int FailedPolls { get; set; }

        public Exception? Fault { get; set; }

        public bool TimedOut { get; set; }

        /// <summary>True while the caller waits on an empty outbox (under the poller's lock).</summary>
        public bool Blocked { get; private set; }

        public bool HasResults
        {
            get
            {
                lock (_outbox)
                {
                    return _outbox.Count > 0;
                }
            }
        }

        public void Add(MjWaitResult result)
        {
            lock (_outbox)
            {
                _outbox.Enqueue(result);
            }
        }

        public bool TryTake(out MjWaitResult result)
        {
            lock (_outbox)
            {
                if (_outbox.Count > 0)
                {
                    result = _outbox.Dequeue();
                    return true;
                }
            }

            result = null!;
            return false;
        }

        /// <summary>The caller is about to wait (under the poller's lock).</summary>
        public Task Block()
        {
            Blocked = true;
            return _changed.Task;
        }

        /// <summary>The caller runs again (under the poller's lock).</summary>
        public void Unblock() => Blocked = false;

        /// <summary>Wakes the caller (under the poller's lock).</summary>
        public void Signal()
        {
            Blocked = false;
            var changed = _changed;
            _changed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult(true);
        }
    }
}
