using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>The input of Invoke-MjBatch.</summary>
internal sealed class BatchOptions
{
    /// <summary>The rows, in input order.</summary>
    public IList<BatchRow> Rows { get; set; } = new List<BatchRow>();

    /// <summary>-OutputPath, resolved.</summary>
    public string OutputPath { get; set; } = ".";

    /// <summary>-StatePath, resolved (default <c>&lt;OutputPath&gt;/.mjbatch.jsonl</c>).</summary>
    public string StatePath { get; set; } = BatchStateFile.DefaultName;

    /// <summary>-Connection: the servers to spread rows over; empty uses the session's.</summary>
    public IList<MjConnection> Connections { get; set; } = new List<MjConnection>();

    /// <summary>-Then: follow-up clicks for rows without a Then column.</summary>
    public IReadOnlyList<string> Then { get; set; } = Array.Empty<string>();

    /// <summary>-MaxInFlight: the most rows in flight per server.</summary>
    public int MaxInFlight { get; set; } = 10;

    /// <summary>-Timeout per task wait, in seconds; null or 0 waits without limit.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>-PollInterval: the shortest poll interval.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The load of each server the scheduler reads (today: the batch's own count only).</summary>
    public Func<MjConnection, IBatchLoad> LoadOf { get; set; } = connection => new ClientLoad(connection.Client);
}

/// <summary>
/// Invoke-MjBatch: checks every row first (bad rows fail alone, before anything is paid), then runs the rows over the
/// servers' free slots: imagine (New-MjImagine's own <see cref="ImagineJob"/>), wait, the follow-up clicks, wait, save
/// (the client's downloader, as Save-MjImage, with the task's facts in each PNG). Each stage is written to the state file before (intent, with the
/// submit's <c>state</c> tag) and after it happens, so running the same command again carries on and pays nothing twice.
/// </summary>
internal sealed class InvokeBatchOperation : MjOperation
{
    private const int ListLimit = 100; // TrueAI lists only its latest 100 tasks

    /// <summary>Creates the operation.</summary>
    public InvokeBatchOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>The summary of the run in progress (its counts move while it runs; lock it to read them); null before it starts.</summary>
    public MjBatchSummary? Summary { get; private set; }

    /// <summary>Runs the batch and emits its <see cref="MjBatchSummary"/>.</summary>
    public Task RunAsync(BatchOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        var counter = new RequestCounter(output);
        return RunAsync(counter, () => RunCoreAsync(options, counter, cancellationToken));
    }

    private async Task RunCoreAsync(BatchOptions options, RequestCounter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var connections = options.Connections.Count > 0 ? options.Connections.Distinct().ToList() : new List<MjConnection> { Connections.Resolve(null) };
        var servers = connections.GroupBy(ServerOf, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var summary = Summary = new MjBatchSummary { Rows = options.Rows.Count, OutputPath = options.OutputPath, StatePath = options.StatePath };
        var earlier = File.Exists(options.StatePath) ? BatchStateFile.ReadShared(options.StatePath).Rows : new Dictionary<string, BatchRowState>();
        var earlierIndexes = new HashSet<int>(earlier.Values.Select(r => r.Index));

        // 1. Check every row before anything is sent.
        var work = new List<(BatchRow Row, ImagineJob Job)>();
        foreach (var row in options.Rows)
        {
            earlier.TryGetValue(row.Identity, out var known);
            if (known is { IsDone: true })
            {
                summary.Skipped++;
                summary.Done++;
                continue;
            }

            if (known is { IsFailed: true })
            {
                Fail(summary, row, $"{known.FailedReason} (an earlier run; edit the row to try it again)", output, write: false);
                continue;
            }

            var reason = row.Error;
            ImagineJob? job = null;
            if (reason is null)
            {
                try
                {
                    job = await ImagineJob.PrepareAsync(row.Options!, cancellationToken).ConfigureAwait(false);
                    if (job.Prompts.Count != 1)
                    {
                        throw new InvalidInputException(
                            $"The prompt makes {job.Prompts.Count} jobs ({{a, b}} options); a batch row makes one. Write one row per prompt.", row.Prompt);
                    }

                    if (known?.Server is { } server && !servers.ContainsKey(server))
                    {
                        throw new InvalidInputException(
                            $"An earlier run sent this row to {server}; give that server in -Connection to carry on with it.", server);
                    }
                }
                catch (Exception e) when (IsItemFailure(e, cancellationToken))
                {
                    reason = e.Message;
                }
            }

            if (reason is not null)
            {
                Fail(summary, row, reason, output, write: true);
                continue;
            }

            if (known is null && earlierIndexes.Contains(row.Index))
            {
                summary.Edited++;
            }

            work.Add((row, job!));
        }

        // 2. Ask once per row (-WhatIf, -Confirm).
        var where = string.Join(", ", servers.Keys);
        var admitted = new List<(BatchRow Row, ImagineJob Job)>();
        foreach (var item in work)
        {
            var then = ThenOf(item.Row, options);
            var action = then.Count == 0 ? "Imagine and save" : $"Imagine, click {string.Join(",", then)} and save";
            // The final prompt, as New-MjImagine -WhatIf shows it (the typed columns written into it).
            if (await output.ShouldProcessAsync($"row {item.Row.Index} {item.Job.Quoted(item.Job.Prompts[0])} on {where}", action).ConfigureAwait(false))
            {
                admitted.Add(item);
            }
            else
            {
                summary.NotRun++;
            }
        }

        var states = new Dictionary<string, BatchRowState>(earlier, StringComparer.Ordinal);
        if (admitted.Count > 0)
        {
            // 3. Run.
            Directory.CreateDirectory(options.OutputPath);
            using var file = await BatchStateFile.OpenAsync(options.StatePath, cancellationToken).ConfigureAwait(false);
            states = new Dictionary<string, BatchRowState>(file.Rows.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
            if (file.SkippedLines > 0)
            {
                output.WriteVerbose($"The state file had {file.SkippedLines} unreadable line(s) (a line cut by a stop, or one longer than MjLimits.MaxLineBytes); they were skipped and the other stages kept.");
            }

            // Tasks this session submitted without waiting would count as held and leave no free slots: read them first.
            foreach (var server in servers.Values)
            {
                try
                {
                    await server.Client.RefreshLoadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (MjException e)
                {
                    output.WriteVerbose($"Could not read the tasks in flight on {server.Uri}: {e.Message}");
                }
            }

            var scheduler = new BatchScheduler(servers.Select(s => new BatchLane(s.Key, options.LoadOf(s.Value))), options.MaxInFlight);
            var rowsHere = new HashSet<string>(options.Rows.Select(r => r.Identity), StringComparer.Ordinal);
            var progress = new BatchProgress(output, summary.Rows, states.Values.Where(st => rowsHere.Contains(st.Row)), summary.Done, summary.Failed,
                () => clock.Elapsed, () => AtOnce(servers.Values, options.MaxInFlight));
            var run = new Run(options, file, scheduler, servers, progress, output, summary, () => clock.Elapsed);
            using var ticking = new CancellationTokenSource();
            var ticker = TickAsync(progress, ticking.Token);
            try
            {
                await Task.WhenAll(admitted.Select(item =>
                {
                    if (!states.TryGetValue(item.Row.Identity, out var state))
                    {
                        states[item.Row.Identity] = state = new BatchRowState(item.Row.Identity, item.Row.Index);
                    }
                    else if (state.Started)
                    {
                        summary.Resumed++;
                    }

                    return run.RowAsync(item.Row, item.Job, state, cancellationToken);
                })).ConfigureAwait(false);
            }
            finally
            {
                ticking.Cancel();
                await ticker.ConfigureAwait(false);
                summary.Submitted = run.Submitted;
                progress.Complete();
            }
        }

        foreach (var row in options.Rows)
        {
            if (states.TryGetValue(row.Identity, out var state))
            {
                summary.Tasks += state.AllTasks.Count();
                summary.Files += state.Files?.Count ?? 0;
            }
        }

        summary.Requests = output.Requests;
        summary.Elapsed = clock.Elapsed;
        output.WriteObject(summary);
    }

    /// <summary>How many tasks the servers run at once, when every one has said (queue answers), at most -MaxInFlight rows each.</summary>
    private static int? AtOnce(IEnumerable<MjConnection> servers, int maxInFlight)
    {
        var total = 0;
        foreach (var server in servers)
        {
            if (server.Client.Load.Concurrency is not int concurrency)
            {
                return null;
            }

            total += Math.Min(concurrency, maxInFlight);
        }

        return total;
    }

    /// <summary>Redraws the bar every second, so the time left counts down between rows (display only).</summary>
    private static async Task TickAsync(BatchProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                progress.Tick();
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    /// <summary>The address the state file records for a connection (no user info, no key).</summary>
    internal static string ServerOf(MjConnection connection) => new UriBuilder(connection.Uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;

    private static IReadOnlyList<string> ThenOf(BatchRow row, BatchOptions options) => row.Then.Count > 0 ? row.Then : options.Then;

    /// <summary>
    /// Counts the row as failed in the summary; with <paramref name="write"/> its error is written too (a row that stays
    /// <paramref name="retryable"/> writes its cause's error itself).
    /// </summary>
    private static void Fail(MjBatchSummary summary, BatchRow row, string reason, ICommandOutput output, bool write, bool retryable = false)
    {
        lock (summary)
        {
            summary.Failed++;
            // Shown in a table: the prompt comes from the user's file and the reason may quote a server or the state file.
            summary.Failures.Add(new MjBatchFailure { Row = row.Index, Prompt = MjText.Clean(row.Prompt) ?? string.Empty, Reason = MjText.Clean(reason) ?? string.Empty, Retryable = retryable });
        }

        if (write)
        {
            output.WriteError(ErrorMapping.FromException(new InvalidInputException(CsvRowText.Name(row.Index, reason), row.Prompt), row.Prompt));
        }
    }

    /// <summary>
    /// Why a row failed for now, and that a rerun tries it again: the English first, the carry-on sentence after it, and
    /// the server's own words (when the message quotes them) last, on their own line.
    /// </summary>
    internal static string RetryableReason(Exception e)
    {
        var message = e.Message;
        if (e is MjApiException { Advice: { Length: > 0 } advice } api && api.AdviceWithSpeed(SpeedChoice) is { } reworded)
        {
            // A row picks its speed in the Mode column, as its error says: the summary says the same.
            message = message.Replace(advice, reworded);
        }

        var split = message.IndexOf('\n');
        var head = (split < 0 ? message : message.Substring(0, split)).TrimEnd();
        var tail = split < 0 ? string.Empty : message.Substring(split);
        return $"{Sentences.End(head)} {BatchRowException.CarryOn}{tail}";
    }

    /// <summary>How a batch's user picks another speed for a row (advice that names one says this).</summary>
    internal const string SpeedChoice = "Mode column";

    /// <summary>One run of the admitted rows.</summary>
    private sealed class Run
    {
        private readonly BatchOptions _options;
        private readonly BatchStateFile _file;
        private readonly BatchScheduler _scheduler;
        private readonly IReadOnlyDictionary<string, MjConnection> _servers;
        private readonly BatchProgress _progress;
        private readonly ICommandOutput _output;
        private readonly MjBatchSummary _summary;
        private readonly Func<TimeSpan> _clock;

        // Tasks this batch saw accepted (this run, and earlier runs from the state file), with this machine's time of
        // that: a server list that holds one accepted before an intent reaches back past it, whatever the server's clock says.
        private readonly Dictionary<string, DateTimeOffset> _accepted = new(StringComparer.Ordinal);
        private int _submitted;

        public Run(BatchOptions options, BatchStateFile file, BatchScheduler scheduler, IReadOnlyDictionary<string, MjConnection> servers, BatchProgress progress,
            ICommandOutput output, MjBatchSummary summary, Func<TimeSpan> clock)
        {
            _clock = clock;
            _options = options;
            _file = file;
            _scheduler = scheduler;
            _servers = servers;
            _progress = progress;
            _output = output;
            _summary = summary;
            foreach (var accepted in file.Rows.Values.SelectMany(r => r.AcceptedAt))
            {
                _accepted[accepted.Key] = accepted.Value;
            }
        }

        /// <summary>Tasks this run submitted.</summary>
        public int Submitted => Volatile.Read(ref _submitted);

        /// <summary>
        /// The subfolder of a server's files: none with one server; with several, one per server (host_port), since
        /// two servers can give the same task id and a file must never overwrite another row's.
        /// </summary>
        private string FolderOf(string server)
        {
            if (_servers.Count < 2)
            {
                return string.Empty;
            }

            var uri = new Uri(server);
            var name = uri.Host + "_" + uri.Port + uri.AbsolutePath.TrimEnd('/').Replace('/', '_');
            return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ':' ? '_' : c));
        }

        /// <summary>Runs one row from where its state stands; an expected failure fails the row alone.</summary>
        public async Task RowAsync(BatchRow row, ImagineJob job, BatchRowState state, CancellationToken cancellationToken)
        {
            // An intent an earlier run left without an answer is looked up before the row waits for a lane: later, this
            // run's new tasks could push it out of the server's list (TrueAI lists only its latest 100).
            var pending = state.TaskId is null ? state.PendingState : null;
            if (pending is not null && state.Server is { } earlier && _servers.TryGetValue(earlier, out var owner))
            {
                var (found, absent) = await FindAsync(owner.Client, pending, state.IntentAt ?? DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    _output.WriteVerbose($"Found task {found.Id} of an earlier run by its state '{pending}'.");
                    Record(row, state, new BatchEvent { Stage = BatchStage.Submitted, Server = earlier, Task = found.Id });
                }

                pending = absent ? null : pending;
            }

            var lane = await _scheduler.TakeAsync(state.Server, cancellationToken).ConfigureAwait(false);
            var held = true;
            var started = _clock();
            var ran = new List<MjTask>(); // the row's ended tasks: their running time is the row's work
            if (state.TaskId is not null)
            {
                _progress.Resumed(row.Identity);
            }

            try
            {
                var connection = _servers[lane.Server];
                var client = connection.Client;

                // Imagine (or find the one an earlier run sent), and wait for it.
                if (state.TaskId is null)
                {
                    var ids = await SendOnceAsync(client, pending, state.IntentAt,
                        tag => Record(row, state, new BatchEvent { Stage = BatchStage.Intent, Server = lane.Server, State = tag, Prompt = job.Shown(job.Prompts[0]) }),
                        async tag => new[] { await job.SubmitAsync(client, job.Prompts[0], tag, cancellationToken).ConfigureAwait(false) },
                        cancellationToken).ConfigureAwait(false);
                    Record(row, state, new BatchEvent { Stage = BatchStage.Submitted, Server = lane.Server, Task = ids[0] });
                    Interlocked.Increment(ref _submitted);
                }

                var imagined = await WaitEndedAsync(client, row, state, state.TaskId!, ran, cancellationToken).ConfigureAwait(false);

                // Follow-up clicks, then wait for their tasks.
                var toSave = new List<MjTask>();
                var labels = ThenOf(row, _options);
                if (labels.Count == 0)
                {
                    toSave.Add(imagined);
                }
                else
                {
                    var children = new List<string>();
                    foreach (var label in labels)
                    {
                        children.AddRange(await ClickAsync(client, row, state, imagined, label, cancellationToken).ConfigureAwait(false));
                    }

                    var ended = await Task.WhenAll(children.Select(id => WaitEndedAsync(client, row, state, id, ran, cancellationToken))).ConfigureAwait(false);
                    toSave.AddRange(ended);
                }

                held = false;
                _scheduler.Release(lane);

                // Save, as Save-MjImage does (re-running overwrites a file a stop may have left half-written).
                var folder = FolderOf(lane.Server);
                var files = new List<string>();
                foreach (var task in toSave)
                {
                    var saved = await client.DownloadAsync(task, Path.Combine(_options.OutputPath, folder), new MjDownloadOptions { Overwrite = true }, cancellationToken).ConfigureAwait(false);
                    SavedImages.Tag(task, saved, _output);
                    files.AddRange(saved.Select(f => folder.Length == 0 ? f.Name : folder + "/" + f.Name));
                }

                Record(row, state, new BatchEvent { Stage = BatchStage.Saved, Files = files });
                lock (_summary)
                {
                    _summary.Done++;
                }

                _progress.Done(row.Identity, WorkOf(ran), _clock() - started);
            }
            catch (RowFailedException e)
            {
                Record(row, state, new BatchEvent { Stage = BatchStage.Failed, Reason = e.Message });
                Fail(_summary, row, e.Message, _output, write: true);
                _progress.Failed(row.Identity, WorkOf(ran), _clock() - started);
            }
            catch (Exception e) when (IsItemFailure(e, cancellationToken))
            {
                // Not recorded: the row stays at its stage, and the next run carries on from there. The error is the
                // cause's (a server outage is MjServerError, not bad input), with the row named and the advice to rerun.
                var error = new BatchRowException(row.Index, e);
                Fail(_summary, row, RetryableReason(e), _output, write: false, retryable: true);
                _output.WriteError(ErrorMapping.FromException(error, row.Prompt));
                _progress.Failed(row.Identity, WorkOf(ran), _clock() - started);
            }
            finally
            {
                if (held)
                {
                    _scheduler.Release(lane);
                }
            }
        }

        private static TimeSpan? WorkOf(List<MjTask> tasks)
        {
            lock (tasks)
            {
                return BatchEta.WorkOf(tasks);
            }
        }

        private void Record(BatchRow row, BatchRowState state, BatchEvent e)
        {
            e.At = DateTimeOffset.UtcNow;
            e.Row = row.Identity;
            e.Index = row.Index;
            _file.Append(e);
            lock (_accepted)
            {
                foreach (var id in (e.Tasks ?? new List<string>()).Concat(e.Task is null ? Array.Empty<string>() : new[] { e.Task }))
                {
                    if (!_accepted.ContainsKey(id))
                    {
                        _accepted[id] = e.At;
                    }
                }
            }

            lock (state)
            {
                state.Apply(e);
            }

            _progress.Recorded(e);
        }

        /// <summary>Waits for one task of the row and records its end; a task that did not succeed fails the row for good.</summary>
        private async Task<MjTask> WaitEndedAsync(MjClient client, BatchRow row, BatchRowState state, string taskId, List<MjTask> ran, CancellationToken cancellationToken)
        {
            var wait = new MjWaitOptions
            {
                Timeout = _options.TimeoutSeconds is int s && s > 0 ? TimeSpan.FromSeconds(s) : null,
                MinPollInterval = _options.PollInterval,
                MaxPollInterval = TimeSpan.FromTicks(_options.PollInterval.Ticks * 5),
            };
            var task = await client.WaitAsync(taskId, wait, cancellationToken).ConfigureAwait(false);
            lock (ran)
            {
                ran.Add(task);
            }
            if (!state.Finished.ContainsKey(taskId))
            {
                Record(row, state, new BatchEvent { Stage = BatchStage.Finished, Task = taskId, Status = task.Status.ToString() });
            }

            if (task.NeedsInput)
            {
                throw new RowFailedException($"Task {task.Id} waits for input (MODAL); finish it with Submit-MjModal, then save it with Save-MjImage.");
            }

            if (task.Status != MjTaskStatus.Success)
            {
                throw new RowFailedException($"Task {task.Id} ended {task.Status}{(string.IsNullOrEmpty(task.FailReason) ? "." : ": " + task.FailReason)}");
            }

            return task;
        }

        /// <summary>One follow-up click, or the children an earlier run's click made.</summary>
        private async Task<IReadOnlyList<string>> ClickAsync(MjClient client, BatchRow row, BatchRowState state, MjTask parent, string label, CancellationToken cancellationToken)
        {
            if (state.Clicks.TryGetValue(label, out var known))
            {
                return known;
            }

            state.PendingClicks.TryGetValue(label, out var pending);
            MjButton button;
            try
            {
                button = MjButtonFinder.Find(parent, label);
            }
            catch (MjButtonNotFoundException e)
            {
                throw new RowFailedException(e.Message);
            }

            var ids = await SendOnceAsync(client, pending, state.IntentAt,
                tag => Record(row, state, new BatchEvent { Stage = BatchStage.ClickIntent, Label = label, State = tag }),
                tag => client.ClickAsync(button, new MjClickOptions { Mode = row.Options?.Mode, State = tag }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            Record(row, state, new BatchEvent { Stage = BatchStage.Clicked, Label = label, Tasks = ids.ToList() });
            Interlocked.Add(ref _submitted, ids.Count);
            return ids;
        }

        /// <summary>
        /// Sends a paid request at most once: an earlier run's unanswered intent is looked up by its tag first, and a
        /// lost answer is looked up the same way; it is sent (again) only when the server's task list proves the tag absent.
        /// </summary>
        private async Task<IReadOnlyList<string>> SendOnceAsync(MjClient client, string? pendingTag, DateTimeOffset? since, Action<string> intent,
            Func<string, Task<IReadOnlyList<MjTask>>> send, CancellationToken cancellationToken)
        {
            if (pendingTag is not null)
            {
                var (found, absent) = await FindAsync(client, pendingTag, since ?? DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    _output.WriteVerbose($"Found task {found.Id} of an earlier run by its state '{pendingTag}'.");
                    return new[] { found.Id };
                }

                if (!absent)
                {
                    throw Unproven(pendingTag);
                }
            }

            for (var attempt = 0; ; attempt++)
            {
                var tag = NewTag();
                var sentAt = DateTimeOffset.UtcNow;
                intent(tag);
                try
                {
                    var tasks = await send(tag).ConfigureAwait(false);
                    return tasks.Select(t => t.Id).ToList();
                }
                catch (MjAmbiguousSubmitException) when (attempt < 3)
                {
                    var resend = false;
                    for (var look = 1; look <= 3 && !resend; look++)
                    {
                        // A cut exchange may still be running on the server: give it time before trusting the list.
                        await Task.Delay(TimeSpan.FromTicks(_options.PollInterval.Ticks * look), cancellationToken).ConfigureAwait(false);
                        var (found, absent) = await FindAsync(client, tag, sentAt, cancellationToken).ConfigureAwait(false);
                        if (found is not null)
                        {
                            return new[] { found.Id };
                        }

                        resend = absent && look >= 2;
                    }

                    if (!resend)
                    {
                        throw Unproven(tag);
                    }
                }
            }
        }

        /// <summary>The task with <paramref name="tag"/> in the server's list, and whether the list proves there is none.</summary>
        private async Task<(MjTask? Found, bool Absent)> FindAsync(MjClient client, string tag, DateTimeOffset since, CancellationToken cancellationToken)
        {
            IReadOnlyList<MjTask> list;
            try
            {
                list = await client.ListTasksAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MjException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, false);
            }

            var found = list.FirstOrDefault(t => string.Equals(t.State, tag, StringComparison.Ordinal));
            if (found is not null)
            {
                return (found, false);
            }

            // A full list proves absence only when it reaches back before the intent (TrueAI lists its latest 100):
            // it holds a task this run saw accepted before the intent, or one the server dates well before it.
            var complete = list.Count < ListLimit || list.Any(t => AcceptedBefore(t.Id, since)) || list.Any(t => t.SubmitTime is { } at && at < since.AddMinutes(-5));
            return (null, complete);
        }

        private bool AcceptedBefore(string taskId, DateTimeOffset since)
        {
            lock (_accepted)
            {
                return _accepted.TryGetValue(taskId, out var at) && at < since;
            }
        }

        private static MjException Unproven(string tag) => new(
            $"A submit with state '{tag}' may have reached the server, but its task list neither shows it nor proves it absent, "
            + "so it was not sent again (that could pay twice). Look for that state (Get-MjTask -Recent, or the server's task list); "
            + "run the same command again later to look once more.");

        private static string NewTag() => "mjb-" + Guid.NewGuid().ToString("N").Substring(0, 16);
    }

    /// <summary>The server ended the row's work for good (the task failed, a button is missing): recorded, not retried.</summary>
    private sealed class RowFailedException : Exception
    {
        public RowFailedException(string message)
            : base(message)
        {
        }
    }
}
