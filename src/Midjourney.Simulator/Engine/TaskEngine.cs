using System;
using System.Collections.Generic;
using System.Linq;
using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Engine;

/// <summary>
/// Creates tasks, books their slot and fixes their schedule at submit time. State is then read lazily from the clock
/// (<see cref="SimTask.StateAt"/>), so a task costs no timer and fetch is a dictionary lookup.
/// </summary>
internal sealed class TaskEngine
{
    private readonly object _gate = new();
    private readonly SimulatorOptions _options;
    private readonly bool _trueAiButtons;
    private readonly string _timeoutReason;
    private readonly Func<string, string> _botFailReason;
    private long _sequence;
    private long _lastId;

    public TaskEngine(SimulatorOptions options, SimClock clock, SimCounters counters, bool trueAiButtons, string timeoutReason, Func<string, string> botFailReason)
    {
        Accounts = new AccountPool(options);
        _options = options;
        Clock = clock;
        Counters = counters;
        _trueAiButtons = trueAiButtons;
        _timeoutReason = timeoutReason;
        _botFailReason = botFailReason;
        Store = new TaskStore(options.MaxTasks);
    }

    public SimClock Clock { get; }

    /// <summary>The accounts that take the work; with none usable every submit is refused.</summary>
    public AccountPool Accounts { get; }
    public SimCounters Counters { get; }
    public TaskStore Store { get; }
    /// <summary>Slots of the enabled accounts.</summary>
    public int Slots => Accounts.Slots();

    /// <summary>Called for every created task (the notify dispatcher tracks tasks that have a hook).</summary>
    public Action<SimTask>? TaskCreated { get; set; }

    public long TimeoutMs => Durations.Scale(_options.Timeout.TotalMilliseconds, _options.TimeScale);

    public int Waiting()
    {
        lock (_gate)
        {
            long now = Clock.NowMs();
            return Accounts.All().Sum(a => a.Slots.Waiting(now));
        }
    }

    /// <summary>The jobs running on an account now (its busy slots) and waiting in its queue.</summary>
    public (int Running, int Queued) LoadOf(SimAccount account)
    {
        lock (_gate)
        {
            long now = Clock.NowMs();
            return (account.Slots.Busy(now), account.Slots.Waiting(now));
        }
    }

    /// <summary>Creates a task that runs (now or after waiting); QueueFull when there is no room.</summary>
    public SubmitOutcome Submit(TaskDraft draft)
    {
        if (Accounts.RefuseSubmit() is { } refused) return refused;
        SimTask task;
        int ahead;
        lock (_gate)
        {
            long now = Clock.NowMs();
            if (!Accounts.TryReserve(now, out SimAccount? account, out int slot, out long startAt, out ahead)) return SubmitOutcome.QueueFull();
            task = Create(draft, now);
            TaskSchedule schedule = Plan(task, startAt, slot);
            account!.Slots.Commit(slot, startAt, schedule.EndAt, now);
            task.Account = account;
            task.Schedule = schedule;
            Store.Add(task, now);
        }

        Created(task);
        return new SubmitOutcome(OutcomeKind.Accepted) { TaskId = task.Id, Ahead = ahead, Queued = task.Schedule.StartAt > task.SubmitTime };
    }

    /// <summary>Creates a MODAL task; it takes no slot until <see cref="SubmitModal"/>.</summary>
    public SubmitOutcome CreateModal(TaskDraft draft)
    {
        if (Accounts.RefuseSubmit() is { } refused) return refused;
        SimTask task;
        lock (_gate)
        {
            long now = Clock.NowMs();
            task = Create(draft, now);
            task.Schedule = TaskSchedule.Modal;
            Store.Add(task, now);
        }

        Created(task);
        return new SubmitOutcome(OutcomeKind.Modal) { TaskId = task.Id, Modal = draft.Modal, SuggestedPrompt = task.FinalPrompt };
    }

    /// <summary>Leaves MODAL with the given prompt and books a slot (same task id).</summary>
    public SubmitOutcome SubmitModal(SimTask task, string prompt)
    {
        if (Accounts.RefuseSubmit() is { } refused) return refused;
        int ahead;
        bool queued;
        lock (_gate)
        {
            if (!task.Schedule.IsModal) return SubmitOutcome.Invalid("任务状态错误");
            long now = Clock.NowMs();
            if (!Accounts.TryReserve(now, out SimAccount? account, out int slot, out long startAt, out ahead)) return SubmitOutcome.QueueFull();
            task.Prompt = prompt;
            task.PromptEn = prompt;
            task.Info = PromptInfo.Parse(prompt);
            task.FinalPrompt = FinalPromptOf(prompt, task.Info, task.Mode);
            TaskSchedule schedule = Plan(task, startAt, slot);
            account!.Slots.Commit(slot, startAt, schedule.EndAt, now);
            task.Account = account;
            task.Schedule = schedule;
            queued = startAt > now;
        }

        return new SubmitOutcome(OutcomeKind.Accepted) { TaskId = task.Id, Ahead = ahead, Queued = queued };
    }

    /// <summary>Marks an unfinished task FAILURE with <paramref name="reason"/> now and frees its slot; false if already finished.</summary>
    public bool Cancel(SimTask task, string reason)
    {
        lock (_gate)
        {
            long now = Clock.NowMs();
            TaskSchedule current = task.Schedule;
            if (TaskState.Observe(current, now).IsTerminal) return false;
            if (!current.IsModal) task.Account?.Slots.Release(current.Slot, current.StartAt, current.EndAt, now);
            task.Schedule = current with { EndAt = now, Succeeds = false, FailReason = reason, IsModal = false };
            return true;
        }
    }

    /// <summary>Forgets every task and frees every slot.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Store.Clear();
            Accounts.ClearSlots();
            _sequence = 0;
        }
    }

    private void Created(SimTask task)
    {
        Counters.CountTaskCreated();
        TaskCreated?.Invoke(task);
    }

    private SimTask Create(TaskDraft draft, long now)
    {
        long sequence = ++_sequence;
        var random = new DeterministicRandom(_options.Seed, sequence);
        string hash = random.NextUuid();
        ulong seed = random.NextUInt64();
        string nonce = (1_400_000_000_000_000_000UL + random.NextUInt64() % 100_000_000_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture);
        PromptInfo info = PromptInfo.Parse(draft.Prompt);
        (int width, int height) = ImageSize(draft.AspectRatio ?? info.AspectRatio);

        // Ids look like the real ones: epoch milliseconds + 3 digits, strictly increasing.
        long id = Math.Max(now * 1000 + sequence % 1000, _lastId + 1);
        _lastId = id;

        return new SimTask
        {
            Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sequence = sequence,
            Action = draft.Action,
            SubmitTime = now,
            JobHash = hash,
            Nonce = nonce,
            Seed = seed,
            Result = draft.Result,
            Mode = draft.Mode,
            Description = draft.Description.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            ButtonTemplate = ButtonTemplates.For(draft.Result, info.Family, _trueAiButtons, draft.VideoCount, square: width == height),
            Width = width,
            Height = height,
            ArtSeed = draft.InheritedArt?.Seed ?? seed,
            ArtTile = draft.Result == ResultKind.Upscale ? draft.InheritedArt?.Tile ?? 0 : -1,
            ParentId = draft.ParentId,
            State = draft.State,
            NotifyHook = string.IsNullOrWhiteSpace(draft.NotifyHook) ? null : draft.NotifyHook,
            ModalKind = draft.Modal,
            SourceImageUrl = draft.SourceImageUrl,
            VideoCount = draft.VideoCount,
            ActionIndex = draft.ActionIndex,
            BannedWord = draft.BannedWord,
            Prompt = draft.Prompt,
            PromptEn = draft.PromptEn ?? draft.Prompt,
            FinalPrompt = draft.FinalPrompt ?? FinalPromptOf(draft.Prompt, info, draft.Mode),
            Info = info,
            AppendsSeed = _trueAiButtons && draft.Action is TaskActions.Imagine or TaskActions.Blend or TaskActions.Video && info.Parameters.Seed is null,
            ResultText = draft.Result switch
            {
                ResultKind.Describe => SuggestionText.Describe(seed),
                ResultKind.Shorten => SuggestionText.Shorten(draft.Prompt, seed),
                _ => null,
            },
        };
    }

    /// <summary>Fixes the task's future: submitted → in progress → success, or a failure/timeout at a known instant.</summary>
    private TaskSchedule Plan(SimTask task, long startAt, int slot)
    {
        var random = new DeterministicRandom(_options.Seed, task.Sequence * 7919 + 17);
        double scale = _options.TimeScale;
        long submitMs = Durations.Scale(Durations.SubmitPhaseMs * (0.8 + 0.4 * random.NextDouble()), scale);
        long runMs = Durations.Scale(Durations.RunMs(task.Action, task.Mode) * (0.8 + 0.4 * random.NextDouble()), scale);
        long timeoutMs = TimeoutMs;
        long runAt = startAt + submitMs;

        long endAt;
        bool succeeds = false;
        string? reason;
        if (task.Info.SimHang)
        {
            endAt = startAt + timeoutMs;
            reason = _timeoutReason;
        }
        else if (task.BannedWord is not null)
        {
            endAt = runAt + Math.Max(1, runMs / 10);
            reason = "可能包含敏感词";
        }
        else if (task.Info.InvalidReason is not null)
        {
            // The bot answers an invalid parameter at once, like a banned word.
            endAt = runAt + Math.Max(1, runMs / 10);
            reason = _botFailReason(task.Info.InvalidReason);
        }
        else if (task.Info.SimFail)
        {
            endAt = runAt + Math.Max(1, runMs / 2);
            reason = _botFailReason("Simulated failure requested by --sim-fail");
        }
        else
        {
            endAt = runAt + runMs;
            succeeds = true;
            reason = null;
        }

        if (endAt - startAt > timeoutMs)
        {
            endAt = startAt + timeoutMs;
            succeeds = false;
            reason = _timeoutReason;
        }

        return new TaskSchedule(startAt, runAt, endAt, runMs, succeeds, reason, false, slot);
    }

    private static (int Width, int Height) ImageSize(double ratio)
    {
        // Grids are at most 512 px on the long side; tiles are a quarter; an upscale is twice a tile.
        const int longSide = 512;
        return ratio >= 1
            ? (longSide, Even(longSide / ratio))
            : (Even(longSide * ratio), longSide);
    }

    private static int Even(double value) => Math.Max(16, (int)Math.Round(value / 4) * 4);

    private static string FinalPromptOf(string prompt, PromptInfo info, SpeedMode mode)
    {
        string flag = mode switch { SpeedMode.Turbo => "--turbo", SpeedMode.Relax => "--relax", _ => "--fast" };
        string text = prompt.Trim();
        if (!text.Contains("--v ", StringComparison.OrdinalIgnoreCase) && !text.Contains("--niji", StringComparison.OrdinalIgnoreCase))
        {
            text += " --v " + info.VersionText;
        }

        if (info.Mode is null) text += " " + flag;
        return text;
    }
}
