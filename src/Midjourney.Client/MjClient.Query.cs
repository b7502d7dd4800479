using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>Cancel, query and seed: the task operations beside submit and wait.</summary>
public sealed partial class MjClient
{
    /// <summary>How many of the journal's latest tasks on this server a query looks at when the server has no list.</summary>
    internal const int JournalLookback = 500;

    private const int QueryPageSize = 100;
    private const int MaxQueryPages = 100;

    /// <summary>
    /// Cancels a queued or running task (<c>POST /mj/task/{id}/cancel</c>). Plus answers an envelope; TrueAI an empty 200,
    /// only for its administrator's token, and marks the task FAILURE "取消任务". A server without the endpoint (novicezk,
    /// gateways) throws <see cref="MjNotSupportedException"/>, without a request when a check already found the flavour.
    /// </summary>
    public Task CancelTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ValidateId(taskId, nameof(taskId));
        var path = ApiPaths.Cancel(taskId);
        if (Capabilities.HasCancel == false)
        {
            throw _transport.Errors.NoCancel(path, Capabilities.Flavor, null);
        }

        return _transport.ReadAsync<object?>(HttpMethod.Post, path, Array.Empty<byte>(), response => InterpretCancel(response, path, taskId), cancellationToken);
    }

    /// <summary>
    /// The server's tasks that match <paramref name="query"/>, newest first, at most <see cref="MjTaskQuery.Limit"/>.
    /// Plus filters on the server (<c>POST /mj/task/query</c>, paged); TrueAI and novicezk give their list
    /// (<c>GET /mj/task/list</c>: TrueAI's latest 100 of all users, novicezk's all), filtered here; servers with neither
    /// (gateways) are asked for the journal's latest tasks on this server, filtered here. Without a list and without a
    /// journal it throws <see cref="MjNotSupportedException"/>. <see cref="Capabilities"/> tells afterwards which way was used.
    /// </summary>
    public async Task<IReadOnlyList<MjTask>> ListTasksAsync(MjTaskQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (Capabilities.HasTaskQuery != false)
        {
            var viaQuery = await TryTaskQueryAsync(query, cancellationToken).ConfigureAwait(false);
            if (viaQuery is not null)
            {
                return viaQuery;
            }
        }

        if (Capabilities.HasList != false)
        {
            try
            {
                return NewestFirst(await ListTasksAsync(cancellationToken).ConfigureAwait(false), query);
            }
            catch (MjApiException e) when (RouteMissing.Is(e))
            {
                // no list on this server: the journal's ids below
            }
        }

        return await ListFromJournalAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The Midjourney seed of a finished task (<c>GET /mj/task/{id}/image-seed</c>). One request of up to
    /// <see cref="MjClientOptions.ImageSeedTimeout"/> (TrueAI waits up to 60 s for the bot), not retried; Ctrl+C cancels it.
    /// Code 3 "未找到 seed" (no seed for this task) throws <see cref="MjServerException"/>; a server without the endpoint
    /// (novicezk, <c>TASK_STATUS_*</c> gateways) throws <see cref="MjNotFoundException"/>.
    /// </summary>
    public async Task<string> GetImageSeedAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ValidateId(taskId, nameof(taskId));
        var path = ApiPaths.ImageSeed(taskId);
        var timeout = _options.ImageSeedTimeout > TimeSpan.Zero ? _options.ImageSeedTimeout : TimeSpan.FromSeconds(90);
        MjHttpResponse response;
        try
        {
            response = await _transport.ProbeAsync(HttpMethod.Get, path, null, _options.AuthScheme, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            const string advice = "TrueAI asks the Midjourney bot for the seed, which can take up to a minute; try again later, or raise MjClientOptions.ImageSeedTimeout.";
            throw new MjServerException($"{_transport.Errors.Url(path)} gave no seed within {timeout.TotalSeconds:0} s. {advice}", null, null, null, path, e) { Advice = advice };
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var advice = ConnectFailures.Advice(e, BaseAddress);
            throw new MjServerException($"{ConnectFailures.Describe(e, BaseAddress, $"GET {path}")} {advice}", null, null, null, path, e) { Advice = advice };
        }

        if (response.Status < 300 && SubmitEnvelope.TryRead(response.Body, out var envelope) && envelope.Code == 1 && envelope.FirstResult is { } seed)
        {
            return seed;
        }

        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && !SubmitEnvelope.TryRead(response.Body, out _))
        {
            throw _transport.Errors.RouteNotFound(path);
        }

        throw _transport.Errors.FromResponse(response, taskId);
    }

    /// <summary>
    /// A copy of <paramref name="task"/> with <see cref="MjTask.Seed"/> filled (<see cref="GetImageSeedAsync"/>); a task
    /// that already carries its seed (TrueAI 11 keeps it) is returned as it is, without a request. Only a task whose
    /// Status is Success has a seed; others throw <see cref="InvalidOperationException"/> without a request.
    /// </summary>
    public async Task<MjTask> WithSeedAsync(MjTask task, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        if (!string.IsNullOrEmpty(task.Seed))
        {
            return task; // the server keeps it in the task (TrueAI 11): nothing to ask
        }

        if (task.Status != MjTaskStatus.Success)
        {
            throw new InvalidOperationException($"Task {task.Id} is {task.Status}: only a finished image (Success) has a seed. Wait for it (Wait-MjTask), then ask again.");
        }

        var seed = await GetImageSeedAsync(task.Id, cancellationToken).ConfigureAwait(false);
        return task.WithSeed(seed);
    }

    private object? InterpretCancel(MjHttpResponse response, string path, string taskId)
    {
        var hasEnvelope = SubmitEnvelope.TryRead(response.Body, out var envelope);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && !hasEnvelope)
        {
            Capabilities.HasCancel = false;
            throw _transport.Errors.NoCancel(path, Capabilities.Flavor, response);
        }

        // TrueAI refuses every key but its administrator's: HTTP 400 text/plain "演示模式，禁止操作" (older builds: an envelope).
        var refusal = hasEnvelope ? envelope.Description
            : SubmitEnvelope.TryReadFailure(response.Body, out var message) ? message
            : ErrorMapper.ServerText(response);
        if (MjServerMessages.Find(refusal)?.Kind == MjServerMessageKind.AdministratorOnly)
        {
            Capabilities.HasCancel = true;
            throw _transport.Errors.CancelNeedsAdministrator(response, refusal);
        }

        if (response.Status >= 400)
        {
            throw _transport.Errors.FromResponse(response, taskId);
        }

        Capabilities.HasCancel = true;
        if (hasEnvelope && !ErrorMapper.IsAccepted(envelope.Code))
        {
            throw _transport.Errors.FromEnvelope(envelope, response, taskId);
        }

        return null;
    }

    private async Task<IReadOnlyList<MjTask>?> TryTaskQueryAsync(MjTaskQuery query, CancellationToken cancellationToken)
    {
        var statuses = query.Status.Select(MjTaskQuery.WireStatuses).ToList();
        var serverStatuses = statuses.Any(s => s.Count == 0) ? new List<string>() : statuses.SelectMany(s => s).Distinct().ToList();
        var action = query.Action.Count == 1 ? MjTaskQuery.WireAction(query.Action[0]) : null;
        var found = new List<MjTask>();
        for (var page = 0; page < MaxQueryPages && found.Count < query.Limit; page++)
        {
            IReadOnlyList<MjTask> tasks;
            try
            {
                var body = RequestBodies.TaskQuery(page, QueryPageSize, serverStatuses, action);
                tasks = await _transport.ReadAsync(HttpMethod.Post, ApiPaths.TaskQuery, body, InterpretTaskList, cancellationToken).ConfigureAwait(false);
            }
            catch (MjApiException e) when (page == 0 && RouteMissing.Is(e))
            {
                Capabilities.HasTaskQuery = false;
                return null;
            }

            Capabilities.HasTaskQuery = true;
            found.AddRange(tasks.Where(query.Matches));
            if (tasks.Count < QueryPageSize)
            {
                break;
            }
        }

        return found.Take(query.Limit).ToList();
    }

    private async Task<IReadOnlyList<MjTask>> ListFromJournalAsync(MjTaskQuery query, CancellationToken cancellationToken)
    {
        if (Journal is null)
        {
            const string advice = "Get tasks by id (Get-MjTask -Id), or connect without -NoJournal so the tasks this computer submits can be listed.";
            throw new MjNotSupportedException(
                $"{_transport.Errors.Server} has no task list (GET /mj/task/list), and this client's journal is off, so there are no task ids to look for. {advice}",
                false, null, null, ApiPaths.List) { Advice = advice };
        }

        var entries = await Journal.ReadRecentAsync(JournalLookback * 4, cancellationToken).ConfigureAwait(false);
        var prompts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (prompts.Count < JournalLookback && !prompts.ContainsKey(entry.Id)
                && entry.Server is { } server && Uri.TryCreate(server, UriKind.Absolute, out var uri) && ApiPaths.NormaliseBase(uri) == BaseAddress)
            {
                prompts[entry.Id] = entry.Prompt;
            }
        }

        var tasks = await GetTasksAsync(prompts.Keys.ToList(), cancellationToken).ConfigureAwait(false);
        return NewestFirst(tasks, query, prompts);
    }

    /// <summary>The matching tasks, newest first; <paramref name="journalPrompts"/> stand in for prompts a server does not repeat.</summary>
    private static IReadOnlyList<MjTask> NewestFirst(IEnumerable<MjTask> tasks, MjTaskQuery query, IReadOnlyDictionary<string, string?>? journalPrompts = null) =>
        tasks.Where(t => query.Matches(t, journalPrompts is not null && journalPrompts.TryGetValue(t.Id, out var prompt) ? prompt : null))
            .OrderByDescending(t => t.SubmitTime ?? DateTimeOffset.MinValue)
            .ThenByDescending(t => t.Id.Length)
            .ThenByDescending(t => t.Id, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
}
