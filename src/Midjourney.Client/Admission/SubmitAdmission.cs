using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Lets a client's submits onto the wire in turn, so a full queue costs one refusal instead of one per prompt.
/// While the account's capacity is unknown, at most two submits are on the wire at once. A full-queue answer
/// (23, 9 "队列已满", 30) teaches the capacity: the tasks of ours the server holds at that moment. Later submits then
/// wait until one of those tasks is seen to end (any read of this client sees it). A 429 pauses every submit for its
/// Retry-After (or a growing back-off). Safe by construction: a refused submit created nothing, so waiting its turn
/// never pays twice; whatever else happens to a submit (a lost answer) is decided by the caller exactly as before.
/// <para>
/// Tasks that no wait watches (submitted and never waited for) would otherwise count as held forever, and every later
/// submit would wait on a number nobody updates. So when a submit finds no room and some of those tasks are older than
/// <see cref="MjClientOptions.RetryBaseDelay"/>, the client reads them (one batch query, free) instead of guessing:
/// the ended and the unknown leave the count. A full queue met while such tasks counted is not taken as the capacity:
/// they are read first: when none of them had ended the capacity is what is held, else the next full queue teaches it
/// from what is really held (one full queue teaches once). Nothing is read while there is
/// room, so a client that never waits costs no request. When no read is possible, one submit probes after a back-off.
/// </para>
/// <para>
/// With a key that may read the account list, the capacity starts from the pool's own (<see cref="UseAccountCapacity"/>);
/// a full-queue answer that says otherwise wins, since other users' jobs share the pool.
/// </para>
/// </summary>
internal sealed class SubmitAdmission
{
    /// <summary>Submits on the wire at once while the capacity is unknown.</summary>
    internal const int UnknownCapacityOnWire = 2;

    /// <summary>The longest pause between two reads of unwatched tasks while a submit waits for one of them to end.</summary>
    internal static readonly TimeSpan MaxSettleInterval = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly MjClientOptions _options;
    private readonly Dictionary<string, long> _active = new(StringComparer.Ordinal); // task id -> when accepted
    private readonly LinkedList<Turn> _line = new();
    private int _onWire;
    private int? _capacity;
    private MjCapacitySource _capacitySource;
    private MjPoolCapacity? _pool;
    private int? _concurrency;
    private long _pausedUntil;
    private long _lastMove; // when a submit of this client last got in: patience counts from here too
    private long _probeAt;
    private TimeSpan _backoff;
    private ITimer? _timer;
    private long _timerDue;
    private int _timerGeneration;
    private bool _settling;
    private HashSet<string>? _settleIds; // the tasks the read on its way asks for: their ends free places when it is in
    private long _settleAt; // no read of unwatched tasks before this (0: any time)
    private TimeSpan _settleBackoff;
    private bool _relearn; // a full queue answered while unwatched tasks counted: learn the capacity after the read
    private long _settleDue; // when a waiting submit wants the next read (0: none planned)

    public SubmitAdmission(MjClientOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _backoff = options.RetryBaseDelay;
        _settleBackoff = options.RetryBaseDelay;
    }

    /// <summary>True when a wait of this client watches the task, so its end will be seen (set by the client).</summary>
    public Func<string, bool> IsWatched { get; set; } = _ => false;

    /// <summary>Reads tasks by id (set by the client: its batch query; each task read is also passed to <see cref="Observe"/>).</summary>
    public Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<MjTask>>>? Read { get; set; }

    /// <summary>True while a read of unwatched tasks is on its way (test hook for a quiet client).</summary>
    internal bool Settling
    {
        get
        {
            lock (_gate)
            {
                return _settling;
            }
        }
    }

    /// <summary>Submits on the wire (test hook for a quiet client: zero while nothing is being sent).</summary>
    internal int OnWire
    {
        get
        {
            lock (_gate)
            {
                return _onWire;
            }
        }
    }

    /// <summary>Submits waiting their turn.</summary>
    internal int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _line.Count;
            }
        }
    }

    public MjLoad Snapshot()
    {
        lock (_gate)
        {
            return new MjLoad(_active.Count, _capacity, _concurrency, _onWire, _line.Count, _time.GetTimestamp() < _pausedUntil)
            {
                CapacitySource = _capacitySource,
                Pool = _pool,
            };
        }
    }

    /// <summary>
    /// The pool's capacity read from its account list becomes the capacity. A pool with no usable account gives none:
    /// a capacity that came from the accounts is then forgotten (the server refuses at once, and says why).
    /// </summary>
    public void UseAccountCapacity(MjPoolCapacity pool)
    {
        lock (_gate)
        {
            _pool = pool;
            if (pool.Capacity > 0)
            {
                _capacity = pool.Capacity;
                _capacitySource = MjCapacitySource.Accounts;
            }
            else if (_capacitySource == MjCapacitySource.Accounts)
            {
                _capacity = null;
                _capacitySource = MjCapacitySource.Unknown;
            }

            PumpLocked();
        }
    }

    /// <summary>True for a task this client submitted less than <paramref name="window"/> ago and has not seen end.</summary>
    public bool AcceptedWithin(string taskId, TimeSpan window)
    {
        lock (_gate)
        {
            return _active.TryGetValue(taskId, out var at) && _time.GetElapsedTime(at) < window;
        }
    }

    /// <summary>
    /// Waits until this submit may go on the wire. <paramref name="again"/> puts a refused submit back at the front of
    /// the line; at <paramref name="patienceEnd"/> (a timestamp of the client's clock), pushed on by every submit of
    /// this client that gets in (see <see cref="IsPatient"/>), it goes through regardless, for one last try. Dispose
    /// the ticket (or report on it) when the answer is in.
    /// </summary>
    public async Task<Ticket> EnterAsync(bool again, long? patienceEnd, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var turn = new Turn(patienceEnd);
        string? why = null;
        lock (_gate)
        {
            turn.Node = again ? _line.AddFirst(turn) : _line.AddLast(turn);
            PumpLocked();
            if (!turn.Released.Task.IsCompleted)
            {
                why = WaitReasonLocked(turn);
            }
        }

        if (why is not null)
        {
            _options.Trace?.Invoke("this submit waits its turn: " + why);
        }

        if (!turn.Released.Task.IsCompleted)
        {
            using (cancellationToken.Register(() => Abandon(turn)))
            {
                await turn.Released.Task.ConfigureAwait(false);
            }
        }

        return new Ticket(this);
    }

    /// <summary>
    /// True while a submit that started with <paramref name="patienceEnd"/> may keep waiting: before that end, or
    /// within the patience since a submit of this client last got in. A line that moves is not stuck, however long it
    /// is (a thousand prompts thrown at a 13-task account wait hours, in order); a line that stops for the whole
    /// patience is.
    /// </summary>
    public bool IsPatient(long patienceEnd)
    {
        lock (_gate)
        {
            return _time.GetTimestamp() < EffectiveEnd(patienceEnd);
        }
    }

    /// <summary>Every task this client reads: an ended one frees its place for a waiting submit.</summary>
    public void Observe(MjTask task)
    {
        if (!task.Status.EndsWait())
        {
            return;
        }

        lock (_gate)
        {
            // An end that the read of unwatched tasks brought frees its place when that read is in: its trace line
            // then reaches the waiting command before the submit goes (and that command may end).
            if (_active.Remove(task.Id) && !(_settling && _settleIds!.Contains(task.Id)))
            {
                PumpLocked();
            }
        }
    }

    private void Accepted(IReadOnlyList<MjTask> tasks)
    {
        lock (_gate)
        {
            _onWire--;
            var now = _time.GetTimestamp();
            _lastMove = now;
            foreach (var task in tasks.Where(t => !t.Status.EndsWait()))
            {
                _active[task.Id] = now;
            }

            if (tasks.Count > 0 && tasks[0].QueuePosition is int ahead && ahead >= 0 && _active.Count - ahead - 1 > 0)
            {
                // Code 22: queued behind `ahead` others, so the account runs the tasks it holds minus its queue.
                _concurrency = _active.Count - ahead - 1;
            }

            // A probe past the learnt capacity that gets in does not raise it: tasks of ours may have ended unseen. The
            // next full-queue answer learns the capacity afresh, from the tasks held then.
            _backoff = _options.RetryBaseDelay;
            PumpLocked();
        }
    }

    private void Refused(MjServerBusyException busy)
    {
        lock (_gate)
        {
            _onWire--;

            // A full queue says how much the account holds; a bare 429 only says "slower".
            var queueFull = busy.Code is int code && ErrorMapper.IsQueueFull(code, busy.Description);
            if (queueFull && _active.Count > 0)
            {
                // Tasks of ours that ended unseen would make the count too high: read them first (the line holds
                // meanwhile), and let the next full-queue answer teach the capacity from what is really held.
                _relearn = Read is not null && SettleCandidatesLocked(_time.GetTimestamp(), out _).Count > 0;
                if (_relearn)
                {
                    _settleAt = 0;
                }
                else
                {
                    LearnFromHeldLocked();
                }
            }

            // With tasks of ours held by the server, their ends free the places; with none, only time can.
            var pause = busy.RetryAfter ?? (queueFull && _active.Count > 0 ? TimeSpan.Zero : _backoff);
            if (pause > _options.MaxRetryDelay)
            {
                pause = _options.MaxRetryDelay;
            }

            if (pause > TimeSpan.Zero)
            {
                _pausedUntil = Math.Max(_pausedUntil, _time.GetTimestamp() + Ticks(pause));
                _backoff = Grow(_backoff);
            }

            PumpLocked();
        }
    }

    private void Left()
    {
        lock (_gate)
        {
            _onWire--;
            PumpLocked();
        }
    }

    private void Abandon(Turn turn)
    {
        lock (_gate)
        {
            if (turn.Node?.List is null)
            {
                return; // already released
            }

            _line.Remove(turn.Node);
            turn.Released.TrySetCanceled();
            PumpLocked();
        }
    }

    /// <summary>Lets submits through while there is room, then plans the next wake (a pause's end, a patience's end, a probe).</summary>
    private void PumpLocked()
    {
        var now = _time.GetTimestamp();
        var paused = now < _pausedUntil;
        var released = false;
        for (var node = _line.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.PatienceEnd is long end && now >= EffectiveEnd(end))
            {
                Release(node.Value); // out of patience: one last try, whatever the line says
                released = true;
            }

            node = next;
        }

        // No room because of tasks nobody watches: read them rather than wait on a count nobody updates. After a full
        // queue with such tasks counted, nothing goes until that read is in.
        _settleDue = 0;
        var settles = false;
        if (_relearn && !(settles = StartSettleLocked(now)))
        {
            _relearn = false; // nothing left to read (a wait took them up): learn from the count as it is
            LearnFromHeldLocked();
        }

        while (_line.Count > 0 && !paused && !_relearn && HasRoomLocked())
        {
            Release(_line.First!.Value);
            released = true;
        }

        settles = settles || (_line.Count > 0 && !paused && _capacity is not null && !HasRoomLocked() && StartSettleLocked(now));

        if (_line.Count > 0 && !paused && !_relearn && _onWire == 0 && _probeAt != 0 && now >= _probeAt)
        {
            // No end came within the back-off: one submit tries; its answer teaches more.
            Release(_line.First!.Value);
            released = true;
            _backoff = Grow(_backoff);
        }

        if (released || _line.Count == 0 || paused || _onWire > 0)
        {
            _probeAt = 0; // an answer on its way, a pause or a moving line: a probe, if needed, counts from later
        }
        else if (_probeAt == 0)
        {
            // While a wait watches a task of ours, its end opens the place; look again after the longest back-off in
            // case that wait has gone. Without one, no end will be seen: probe after the back-off.
            // A read of unwatched tasks (planned or on its way) sees their ends too.
            _probeAt = now + Ticks(settles || _active.Keys.Any(IsWatched) ? _options.MaxRetryDelay : _backoff);
        }

        PlanTimerLocked(now, paused);
    }

    /// <summary>
    /// The tasks a read may settle: in flight, watched by no wait, and accepted at least a back-off ago (a task just
    /// accepted has not ended, and its caller may be about to wait for it). <paramref name="nextAt"/>: when the
    /// youngest of the others becomes one (0: none).
    /// </summary>
    private List<string> SettleCandidatesLocked(long now, out long nextAt)
    {
        var age = Ticks(_options.RetryBaseDelay);
        var ids = new List<string>();
        nextAt = 0;
        foreach (var pair in _active)
        {
            if (IsWatched(pair.Key))
            {
                continue;
            }

            if (now - pair.Value >= age)
            {
                ids.Add(pair.Key);
            }
            else if (nextAt == 0 || pair.Value + age < nextAt)
            {
                nextAt = pair.Value + age;
            }
        }

        return ids;
    }

    /// <summary>
    /// Starts a read of the unwatched tasks when one is due; true when a read is on its way or planned (then its answer,
    /// not a probe, says whether room opened).
    /// </summary>
    private bool StartSettleLocked(long now)
    {
        if (Read is null)
        {
            return false;
        }

        if (_settling)
        {
            return true;
        }

        var ids = SettleCandidatesLocked(now, out var youngReadyAt);
        if (ids.Count == 0)
        {
            _settleDue = youngReadyAt;
            return youngReadyAt != 0;
        }

        if (now < _settleAt)
        {
            _settleDue = _settleAt;
            return true;
        }

        _settleDue = 0;
        _settling = true;
        _settleIds = new HashSet<string>(ids, StringComparer.Ordinal);
        var read = Read;
        _ = Task.Run(() => SettleAsync(read, ids)); // never inside this lock: the read's answers come back through Observe
        return true;
    }

    private async Task SettleAsync(Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<MjTask>>> read, List<string> ids)
    {
        IReadOnlyList<MjTask>? seen = null;
        Exception? failure = null;
        try
        {
            seen = await read(ids, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failed read only means "no news": the submit keeps waiting, a probe may follow
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        string line;
        lock (_gate)
        {
            if (seen is null)
            {
                AfterSettleLocked(freed: false); // no news: as a read that saw nothing end
                line = $"could not read the {ids.Count} task(s) in flight that no wait watches ({failure!.Message}); the waiting submit tries again later";
            }
            else
            {
                line = SettledLocked(ids, seen);
            }
        }

        // The line first, then the places: a submit let through could end its command before a later line arrived.
        try
        {
            _options.Trace?.Invoke(line);
        }
        finally
        {
            lock (_gate)
            {
                _settling = false;
                _settleIds = null;
                PumpLocked();
            }
        }
    }

    /// <summary>
    /// Reads every task in flight that no wait watches, so <see cref="Snapshot"/> counts only what the server still
    /// holds (a batch runner asks before it plans by free slots). Read failures are the caller's.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        List<string> ids;
        var read = Read;
        lock (_gate)
        {
            ids = _active.Keys.Where(id => !IsWatched(id)).ToList();
        }

        if (read is null || ids.Count == 0)
        {
            return;
        }

        var seen = await read(ids, cancellationToken).ConfigureAwait(false);
        string line;
        lock (_gate)
        {
            line = SettledLocked(ids, seen);
            PumpLocked();
        }

        _options.Trace?.Invoke(line);
    }

    /// <summary>
    /// What a read of <paramref name="ids"/> settled: the ended left the count (through <see cref="Observe"/>), the ones
    /// the server does not know leave it now; the capacity is learnt again when a full queue asked for it. Returns the
    /// trace line.
    /// </summary>
    private string SettledLocked(List<string> ids, IReadOnlyList<MjTask> seen)
    {
        var ended = 0;
        var unknown = 0;
        var known = new HashSet<string>(seen.Select(t => t.Id), StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!known.Contains(id) && _active.Remove(id))
            {
                unknown++; // the server does not hold it (expired, or forgotten): it takes no place
            }
            else if (!_active.ContainsKey(id))
            {
                ended++; // Observe took it out
            }
        }

        AfterSettleLocked(freed: ended + unknown > 0);
        return $"read the {ids.Count} task(s) in flight that no wait watches: {ended} had ended{(unknown > 0 ? $", {unknown} the server no longer knows" : string.Empty)}; "
            + $"{_active.Count} held{(_capacity is int c ? $", capacity {c}" : string.Empty)}";
    }

    /// <summary>
    /// What a read of unwatched tasks leaves behind, <paramref name="freed"/> when something it asked for had ended or
    /// is unknown (a read that failed frees nothing). The full queue that asked for the read is learnt from once, here.
    /// Something ended: the count was too high, so the refused submit goes again and its answer tells. Nothing ended: the
    /// count is what the server holds, so it is the capacity now; were it learnt only from the next refusal, the submit
    /// would go again at once, be refused, read again, and so on as fast as the server answers.
    /// </summary>
    private void AfterSettleLocked(bool freed)
    {
        if (_relearn)
        {
            _relearn = false;
            if (!freed)
            {
                LearnFromHeldLocked();
            }
        }

        // Something ended: the next read may come a back-off later; nothing new: each read comes later than the last.
        if (freed)
        {
            _settleBackoff = _options.RetryBaseDelay;
        }

        _settleAt = _time.GetTimestamp() + Ticks(_settleBackoff);
        if (!freed)
        {
            _settleBackoff = GrowSettle(_settleBackoff);
        }
    }

    /// <summary>A full queue teaches the capacity: the tasks of ours the server holds now (at least one).</summary>
    private void LearnFromHeldLocked()
    {
        _capacity = Math.Max(1, _active.Count);
        _capacitySource = MjCapacitySource.QueueFull;
    }

    /// <summary>Why a submit that was not let through waits, in words (for -Verbose).</summary>
    private string WaitReasonLocked(Turn turn)
    {
        var now = _time.GetTimestamp();
        if (now < _pausedUntil)
        {
            return $"the server asked for a pause (a rate limit or a full queue); submits go on in {(_pausedUntil - now) / (double)_time.TimestampFrequency:0.#} s";
        }

        var ahead = 0;
        for (var node = _line.First; node is not null && node.Value != turn; node = node.Next)
        {
            ahead++;
        }

        var line = ahead > 0 ? $", behind {ahead} other submit(s)" : string.Empty;
        if (_relearn)
        {
            return $"the server's queue is full while {_active.Count} task(s) of this client count as held; those no wait watches are read first to see which have ended{line}";
        }

        if (_capacity is int capacity)
        {
            var unwatched = _active.Keys.Count(id => !IsWatched(id));
            var source = MjLoad.SourceText(_capacitySource, _pool) is { } words ? $" ({words})" : string.Empty;
            return $"the server holds {_active.Count} task(s) of this client and takes {capacity} at once{source}{line}; "
                + (unwatched > 0 && Read is not null
                    ? $"{unwatched} of them no wait watches, so they are read to see which have ended"
                    : "it goes when one of them ends");
        }

        return $"{_onWire} submit(s) are on the wire and the server's capacity is not known yet{line}";
    }

    private void PlanTimerLocked(long now, bool paused)
    {
        long due = long.MaxValue;
        foreach (var turn in _line)
        {
            if (turn.PatienceEnd is long end && EffectiveEnd(end) < due)
            {
                due = EffectiveEnd(end);
            }
        }

        if (paused && _line.Count > 0)
        {
            due = Math.Min(due, _pausedUntil);
        }

        if (_probeAt != 0)
        {
            due = Math.Min(due, _probeAt);
        }

        if (_settleDue != 0 && !_settling)
        {
            due = Math.Min(due, _settleDue);
        }

        if (due == long.MaxValue)
        {
            StopTimerLocked();
            return;
        }

        if (_timer is not null && _timerDue <= due)
        {
            return; // an earlier (or the same) wake is planned already
        }

        StopTimerLocked();
        var generation = _timerGeneration;
        _timerDue = due;
        var wait = TimeSpan.FromTicks(Math.Max(0, (long)((due - now) * (double)TimeSpan.TicksPerSecond / _time.TimestampFrequency)));
        _timer = _time.CreateTimer(_ => OnTimer(generation), null, wait, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(int generation)
    {
        lock (_gate)
        {
            if (generation == _timerGeneration)
            {
                _timer?.Dispose();
                _timer = null;
                _timerGeneration++;
            }

            PumpLocked();
        }
    }

    private void StopTimerLocked()
    {
        if (_timer is not null)
        {
            _timer.Dispose();
            _timer = null;
            _timerGeneration++;
        }
    }

    private bool HasRoomLocked() => _capacity is int capacity
        ? _active.Count + _onWire < capacity
        : _onWire < UnknownCapacityOnWire;

    private void Release(Turn turn)
    {
        _line.Remove(turn.Node!);
        _onWire++;
        turn.Released.TrySetResult(true); // continuations run elsewhere, never inside this lock
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private long EffectiveEnd(long patienceEnd) =>
        _lastMove == 0 ? patienceEnd : Math.Max(patienceEnd, _lastMove + Ticks(_options.QueueFullPatience));

    /// <summary>As <see cref="Grow"/>, and never past <see cref="MaxSettleInterval"/>.</summary>
    private TimeSpan GrowSettle(TimeSpan backoff)
    {
        var next = Grow(backoff);
        return next > MaxSettleInterval ? MaxSettleInterval : next;
    }

    private TimeSpan Grow(TimeSpan backoff)
    {
        var next = TimeSpan.FromTicks(backoff.Ticks * 2);
        return next > _options.MaxRetryDelay ? _options.MaxRetryDelay : next;
    }

    /// <summary>One submit's place on the wire: say how it ended (accepted, refused as busy; anything else on dispose).</summary>
    internal sealed class Ticket : IDisposable
    {
        private SubmitAdmission? _owner;

        public Ticket(SubmitAdmission owner) => _owner = owner;

        public void Accepted(IReadOnlyList<MjTask> tasks) => Interlocked.Exchange(ref _owner, null)?.Accepted(tasks);

        public void Refused(MjServerBusyException busy) => Interlocked.Exchange(ref _owner, null)?.Refused(busy);

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Left();
    }

    private sealed class Turn
    {
        public Turn(long? patienceEnd) => PatienceEnd = patienceEnd;

        public long? PatienceEnd { get; }

        public LinkedListNode<Turn>? Node { get; set; }

        public TaskCompletionSource<bool> Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
