using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// A client for one midjourney-proxy server of any flavour (TrueAI, Plus, novicezk, new-api gateways,
/// <c>TASK_STATUS_*</c> gateways). Thread-safe; keep one per server.
/// </summary>
public sealed partial class MjClient : IDisposable
{
    private readonly MjClientOptions _options;
    private readonly MjTransport _transport;
    private readonly TaskWaiter _waiter;
    private readonly SubmitAdmission _admission;

    /// <summary>Creates a client with its own HTTP connection pool.</summary>
    public MjClient(MjClientOptions options)
        : this(options, null, disposeHandler: true)
    {
    }

    /// <summary>Creates a client over the given handler (tests, proxies, custom TLS).</summary>
    public MjClient(MjClientOptions options, HttpMessageHandler? handler, bool disposeHandler = false)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _transport = new MjTransport(options, handler, disposeHandler);
        _waiter = new TaskWaiter(this);
        _admission = new SubmitAdmission(options, Time) { IsWatched = _waiter.IsWatching, Read = (ids, token) => GetTasksAsync(ids, token) };
        _waiter.SubmittedWithin = _admission.AcceptedWithin;
        Admin = new MjAdminApi(this, _transport, options.AttemptTimeout, options.CapacityReadTimeout);
        Journal = options.EnableJournal ? new MjTaskJournal(options.JournalPath ?? MjTaskJournal.DefaultPath) : null;
    }

    /// <summary>The server root this client talks to (normalised: trailing slash, no <c>/mj</c>).</summary>
    public Uri BaseAddress => _transport.BaseAddress;

    /// <summary>How the key is sent.</summary>
    public AuthScheme AuthScheme => _options.AuthScheme;

    /// <summary>The default speed of submits.</summary>
    public SpeedMode Mode => _options.Mode;

    /// <summary>What has been learnt about the server's endpoints so far.</summary>
    public MjServerCapabilities Capabilities { get; } = new();

    /// <summary>
    /// The server's administration: its accounts (every flavour with an account API), TrueAI's users and banned words,
    /// and the pool's capacity. Needs the administrator's key; secrets in the answers are dropped while reading.
    /// </summary>
    public MjAdminApi Admin { get; }

    /// <summary>The journal every submitted task is appended to, or null when it is off.</summary>
    public MjTaskJournal? Journal { get; }

    /// <summary>
    /// What this client knows of its account's load right now: its tasks in flight, the capacity learnt from full-queue
    /// answers, the free slots, and whether submits wait out a pause. Every wait and read keeps it current; tasks no wait
    /// watches are read when a submit finds no room (or by <see cref="RefreshLoadAsync"/>), so a count nobody updates
    /// never holds a submit back.
    /// </summary>
    public MjLoad Load => _admission.Snapshot();

    /// <summary>
    /// Reads the tasks in flight that no wait watches (one batch query), so <see cref="Load"/> counts only what the
    /// server still holds: call it before planning by <see cref="MjLoad.FreeSlots"/> after submits that were never
    /// waited for. Free: no submit is sent.
    /// </summary>
    public Task RefreshLoadAsync(CancellationToken cancellationToken = default) => _admission.RefreshAsync(cancellationToken);

    internal MjTransport Transport => _transport;

    /// <summary>One line for the verbose stream (<see cref="MjClientOptions.Trace"/>); never a key or a secret.</summary>
    internal void TraceLine(string line) => _options.Trace?.Invoke(line);

    internal TaskWaiter Waiter => _waiter;

    internal SubmitAdmission Admission => _admission;

    /// <summary>The clock of waits and submit patience (<see cref="MjClientOptions.TimeProvider"/>).</summary>
    internal TimeProvider Time => _options.TimeProvider ?? TimeProvider.System;

    /// <summary>Fetches one task (<c>GET /mj/task/{id}/fetch</c>). A missing task throws <see cref="MjNotFoundException"/>.</summary>
    public Task<MjTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ValidateId(taskId, nameof(taskId));
        var path = ApiPaths.Fetch(taskId);
        return _transport.ReadAsync(HttpMethod.Get, path, null, response => InterpretFetch(response, taskId), cancellationToken);
    }

    /// <summary>
    /// Fetches many tasks in as few requests as possible (<c>list-by-condition</c> in chunks; one fetch per id where
    /// the server lacks it). Ids the server does not know are left out of the result.
    /// </summary>
    public async Task<IReadOnlyList<MjTask>> GetTasksAsync(IEnumerable<string> taskIds, CancellationToken cancellationToken = default)
    {
        var ids = taskIds?.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList()
            ?? throw new ArgumentNullException(nameof(taskIds));
        var found = new List<MjTask>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        if (ids.Count > 1 && Capabilities.HasBatchQuery != false)
        {
            foreach (var chunk in Chunk(ids, 100))
            {
                var tasks = await TryListByConditionAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (tasks is null)
                {
                    break; // the server has no batch endpoint: per-id fetches below
                }

                found.AddRange(tasks);
            }

            if (Capabilities.HasBatchQuery == true)
            {
                return found;
            }
        }

        return await FetchEachAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The server's recent tasks (<c>GET /mj/task/list</c>; TrueAI: the latest 100, novicezk: all).</summary>
    public async Task<IReadOnlyList<MjTask>> ListTasksAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var tasks = await _transport.ReadAsync(HttpMethod.Get, ApiPaths.List, null, InterpretTaskList, cancellationToken).ConfigureAwait(false);
            Capabilities.HasList = true;
            return tasks;
        }
        catch (MjApiException e) when (RouteMissing.Is(e))
        {
            Capabilities.HasList = false;
            throw;
        }
    }

    /// <summary>
    /// Saves a finished task's image (and with options its tiles and videos) into <paramref name="folder"/>.
    /// Signed URLs that expired are refreshed once by re-fetching the task. No credentials are sent to image hosts.
    /// </summary>
    public async Task<IReadOnlyList<FileInfo>> DownloadAsync(MjTask task, string folder, MjDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var files = await DownloadFilesAsync(task, folder, options, cancellationToken).ConfigureAwait(false);
        return files.Select(f => f.File).ToList();
    }

    /// <summary><see cref="DownloadAsync"/>, telling for each file which of the task's URLs it holds.</summary>
    internal Task<IReadOnlyList<DownloadedFile>> DownloadFilesAsync(MjTask task, string folder, MjDownloadOptions? options, CancellationToken cancellationToken)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        var downloader = new MjDownloader(_transport.Http);
        return downloader.DownloadAsync(task, folder, options ?? new MjDownloadOptions(), token => GetTaskAsync(task.Id, token), cancellationToken);
    }

    /// <summary>
    /// The task with <see cref="MjTask.Width"/>/<see cref="MjTask.Height"/> of its main image: as the server said, else
    /// read from the image's first bytes (a ranged GET; cached per image) through <paramref name="reader"/>.
    /// </summary>
    public async Task<MjTask> WithImageSizeAsync(MjTask task, IImageHeaderReader reader, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        if (task.Width is > 0 && task.Height is > 0)
        {
            return task;
        }

        if (string.IsNullOrEmpty(task.ImageUrl))
        {
            throw new MjDownloadException($"Task {task.Id} has no image yet, so its size is unknown.", null, null, null);
        }

        var size = await new ImageFetcher(_transport.Http, _options.ImageReadTimeout).GetSizeAsync(task.ImageUrl!, reader ?? throw new ArgumentNullException(nameof(reader)), cancellationToken).ConfigureAwait(false);
        return task.WithSize(size.Width, size.Height);
    }

    /// <summary>
    /// The bytes of an image URL, without credentials: up to <see cref="MjLimits.MaxImageBytes"/>, within
    /// <see cref="MjClientOptions.ImageReadTimeout"/>.
    /// </summary>
    public Task<byte[]> ReadImageAsync(string url, CancellationToken cancellationToken = default) =>
        new ImageFetcher(_transport.Http, _options.ImageReadTimeout).ReadAsync(url, ImageFetcher.MaxImageBytes, cancellationToken);

    /// <summary>The most recent journal entries, newest first (empty when the journal is off).</summary>
    public async Task<IReadOnlyList<MjJournalEntry>> GetRecentAsync(int count, CancellationToken cancellationToken = default)
    {
        if (Journal is null)
        {
            return Array.Empty<MjJournalEntry>();
        }

        return await Journal.ReadRecentAsync(count, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// Checks the server with free requests only (never a submit): reachable, key accepted (and a scheme that works),
    /// the flavour and its capabilities. Never throws for what it finds; see <see cref="MjServerCheck.Problem"/>.
    /// What it finds is also remembered in <see cref="Capabilities"/>.
    /// </summary>
    public Task<MjServerCheck> CheckServerAsync(CancellationToken cancellationToken = default) =>
        new ServerProber(this, _transport).CheckAsync(!string.IsNullOrEmpty(_options.ApiKey), _options.CheckTimeout, cancellationToken);

    /// <summary>
    /// A 404 without an envelope on some endpoint: when the fetch route is missing too, -Uri is not a proxy's root;
    /// else this server lacks the endpoint. The answer keeps the shape <see cref="RouteMissing"/> looks for.
    /// </summary>
    private async Task<MjApiException> ExplainRouteMissingAsync(MjApiException missing, CancellationToken cancellationToken)
    {
        var isProxy = await new ServerProber(this, _transport).HasFetchRouteAsync(cancellationToken).ConfigureAwait(false);
        return isProxy == false ? _transport.Errors.NotAProxy(missing) : missing;
    }

    /// <inheritdoc />
    public override string ToString() => $"MjClient {BaseAddress} ({AuthScheme}, mode {Mode})";

    internal MjTask Complete(MjTask task, string? parentId = null)
    {
        var withOrigin = task.WithOrigin(BaseAddress, parentId);
        return SyntheticButtons.AppliesTo(withOrigin) ? withOrigin.WithButtons(SyntheticButtons.For(withOrigin.Id)) : withOrigin;
    }

    /// <summary>Every task read from the server: an ended one of ours frees its place for a waiting submit.</summary>
    private MjTask Observed(MjTask task)
    {
        _admission.Observe(task);
        return task;
    }

    private MjTask InterpretFetch(MjHttpResponse response, string taskId)
    {
        // Missing tasks: novicezk 200 + empty body, TrueAI 204, new-api 400 task_no_found (reference §2.15).
        if (response.StatusCode == HttpStatusCode.NoContent || (response.Status == 200 && response.IsEmpty))
        {
            const string advice = "The task may have expired, or belong to another server or key; check the id (Get-MjTask -Recent lists the tasks this computer submitted).";
            // What happened, then the advice (as every client error says it): PowerShell shows the advice once, on its own line.
            throw new MjNotFoundException($"Task {taskId} was not found on {BaseAddress}. {advice}", taskId, null, null, response.StatusCode, response.Path)
            {
                Advice = advice,
            };
        }

        if (response.Status >= 300)
        {
            throw _transport.Errors.FromResponse(response, taskId);
        }

        if (SubmitEnvelope.TryRead(response.Body, out var envelope) && !ErrorMapper.IsAccepted(envelope.Code))
        {
            throw _transport.Errors.FromEnvelope(envelope, response, taskId);
        }

        try
        {
            return Observed(Complete(TaskParser.ParseTask(response.Body)));
        }
        catch (JsonException e)
        {
            throw new MjProtocolException($"{response.Path} answered a body that is not a task: {e.Message}", response.StatusCode, response.Path, e);
        }
        catch (OverLimitException over)
        {
            throw _transport.Errors.OverLimit(over, response);
        }
    }

    private IReadOnlyList<MjTask> InterpretTaskList(MjHttpResponse response)
    {
        if (response.Status >= 300)
        {
            throw _transport.Errors.FromResponse(response);
        }

        if (response.IsEmpty)
        {
            return Array.Empty<MjTask>();
        }

        try
        {
            return TaskParser.ParseTaskList(response.Body).Select(t => Observed(Complete(t))).ToList();
        }
        catch (JsonException e)
        {
            throw new MjProtocolException($"{response.Path} answered a body that is not a task list: {e.Message}", response.StatusCode, response.Path, e);
        }
        catch (OverLimitException over)
        {
            throw _transport.Errors.OverLimit(over, response);
        }
    }

    private async Task<IReadOnlyList<MjTask>?> TryListByConditionAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            var tasks = await _transport.ReadAsync(HttpMethod.Post, ApiPaths.ListByCondition, RequestBodies.Ids(ids), InterpretTaskList, cancellationToken).ConfigureAwait(false);
            Capabilities.HasBatchQuery = true;
            return tasks;
        }
        catch (MjApiException e) when (RouteMissing.Is(e))
        {
            Capabilities.HasBatchQuery = false;
            return null;
        }
    }

    private async Task<IReadOnlyList<MjTask>> FetchEachAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        // A few fetches at a time: fast enough, and gentle on servers that rate-limit per IP.
        using var gate = new SemaphoreSlim(4);
        var fetches = ids.Select(async id =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (MjNotFoundException)
            {
                return null;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var results = await Task.WhenAll(fetches).ConfigureAwait(false);
        return results.Where(t => t is not null).Select(t => t!).ToList();
    }

    private static IEnumerable<IReadOnlyList<string>> Chunk(IReadOnlyList<string> ids, int size)
    {
        for (var i = 0; i < ids.Count; i += size)
        {
            yield return ids.Skip(i).Take(size).ToList();
        }
    }

    private static void ValidateId(string taskId, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(taskId))
        {
            throw new ArgumentException("A task id is required.", parameterName);
        }
    }
}
