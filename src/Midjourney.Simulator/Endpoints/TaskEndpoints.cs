using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Endpoints;

/// <summary>Task queries and task operations: fetch, list, list-by-condition, queue, cancel, image-seed.</summary>
internal sealed class TaskEndpoints
{
    private const string CancelReason = "取消任务";
    private readonly SimulatorServices _services;

    public TaskEndpoints(SimulatorServices services) => _services = services;

    public Task FetchAsync(HttpContext context)
    {
        SimTask? task = Find(context);
        return task is null ? _services.Profile.WriteMissingTaskAsync(context) : Answer.TaskAsync(context, _services, task);
    }

    /// <summary>TA: the latest 100; NZ/PLUS: every stored task, newest first.</summary>
    public Task ListAsync(HttpContext context)
    {
        int limit = _services.Profile.TrueAiBehaviour ? 100 : int.MaxValue;
        return Answer.TasksAsync(context, _services, _services.Engine.Store.Newest(limit));
    }

    /// <summary><c>{"ids":[…]}</c> → the known ones, each once (unknown ids silently omitted, as TA's SQL <c>IN</c> does).</summary>
    public async Task ListByConditionAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        var tasks = new List<SimTask>(request.Ids?.Count ?? 0);
        HashSet<SimTask>? seen = request.Ids?.Count > 16 ? new HashSet<SimTask>(ReferenceEqualityComparer.Instance) : null;
        if (request.Ids is not null)
        {
            foreach (string id in request.Ids)
            {
                if (id is null || _services.Engine.Store.Get(id.Trim()) is not { } task) continue;
                bool duplicate = seen is null ? tasks.Contains(task) : !seen.Add(task);
                if (!duplicate) tasks.Add(task);
            }
        }

        await Answer.TasksAsync(context, _services, tasks);
    }

    /// <summary>Tasks waiting for a slot, oldest first.</summary>
    public Task QueueAsync(HttpContext context)
    {
        long now = _services.Clock.NowMs();
        List<SimTask> waiting = _services.Engine.Store.All().FindAll(t => t.StateAt(now).Status == TaskStatuses.NotStart);
        return Answer.TasksAsync(context, _services, waiting);
    }

    /// <summary>
    /// Marks the task FAILURE with "取消任务" (TA's <c>task.Fail("取消任务")</c>; its CANCEL status is never set by a cancel)
    /// and frees its slot. TA: only the administrator may cancel.
    /// </summary>
    public Task CancelAsync(HttpContext context)
    {
        if (_services.Profile.CancelNeedsAdmin && Caller.Get(context) != CallerRole.Admin) return _services.Profile.WriteAdminOnlyAsync(context);
        SimTask? task = Find(context);
        if (task is null) return _services.Profile.WriteCancelOfMissingAsync(context);
        bool cancelled = _services.Engine.Cancel(task, CancelReason);
        if (!cancelled && !_services.Profile.TrueAiBehaviour) return _services.Profile.WriteOutcomeAsync(context, SubmitOutcome.Invalid("任务状态错误"));
        return _services.Profile.WriteCancelledAsync(context);
    }

    /// <summary>
    /// PLUS <c>POST /mj/task/query</c>: a page of tasks filtered on action, status or statusSet, ids, prompt, description
    /// (contains) and state; sort "id,desc" (default, newest first) or "id,asc"; a Spring page (<c>content</c>, <c>totalElements</c>…).
    /// </summary>
    public async Task QueryAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        int size = Math.Clamp(request.PageSize ?? 10, 1, 1000);
        int page = Math.Max(request.PageNumber ?? 0, 0);
        long now = _services.Clock.NowMs();
        var statuses = new HashSet<string>(request.StatusSet ?? new List<string>(), StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(request.Status)) statuses.Add(request.Status);
        var ids = request.Ids is { Count: > 0 } ? new HashSet<string>(request.Ids, StringComparer.Ordinal) : null;
        List<SimTask> all = _services.Engine.Store.All();
        if (!string.Equals(request.Sort, "id,asc", StringComparison.OrdinalIgnoreCase)) all.Reverse();
        List<SimTask> matching = all.FindAll(t =>
            (string.IsNullOrEmpty(request.Action) || string.Equals(t.Action, request.Action, StringComparison.OrdinalIgnoreCase))
            && (statuses.Count == 0 || statuses.Contains(t.StateAt(now).Status))
            && (ids is null || ids.Contains(t.Id))
            && Contains(t.Prompt, request.Prompt)
            && Contains(t.Description, request.Description)
            && (string.IsNullOrEmpty(request.State) || string.Equals(t.State, request.State, StringComparison.Ordinal)));
        string baseUrl = _services.BaseUrlOf(context);
        await SpringPage.WriteAsync(context, matching, page, size,
            (w, task) => _services.Profile.WriteTask(w, task, task.StateAt(now), baseUrl, _services.Links, _services.Options, now));
    }

    private static bool Contains(string? value, string? part) =>
        string.IsNullOrEmpty(part) || (value ?? string.Empty).Contains(part, StringComparison.OrdinalIgnoreCase);

    public Task ImageSeedAsync(HttpContext context)
    {
        SimTask? task = Find(context);
        return Answer.OutcomeAsync(context, _services, task is null ? SubmitOutcome.NotFound() : ImageSeed(task));
    }

    /// <summary>
    /// TA: a seed the task already has (set at submit, or read before) is answered at once, even with no account; a task
    /// with no Discord message yet is a bad request; otherwise an account reads the seed from Discord.
    /// </summary>
    private SubmitOutcome ImageSeed(SimTask task)
    {
        TaskState state = task.StateAt(_services.Clock.NowMs());
        bool seeded = state.Status == TaskStatuses.Success && task.Result is ResultKind.Grid or ResultKind.Upscale;
        if (!_services.Profile.TrueAiBehaviour)
        {
            return seeded ? SubmitOutcome.ValueOf(task.ImageSeed) : SubmitOutcome.NotFound("未找到 seed");
        }

        if (task.KnownSeed(state) is { } known) return SubmitOutcome.ValueOf(known, "成功");
        if (state.Status is TaskStatuses.NotStart or TaskStatuses.Submitted or TaskStatuses.Modal) return SubmitOutcome.Invalid("关联任务状态错误") with { BadRequest = true };
        if (_services.Engine.Accounts.RefuseSubmit() is { } refused) return refused;
        if (!seeded) return SubmitOutcome.Unavailable("未找到 seed");
        task.SeedRead = true;
        return SubmitOutcome.ValueOf(task.ImageSeed, "成功");
    }

    private SimTask? Find(HttpContext context) =>
        context.Request.RouteValues["id"] is string id ? _services.Engine.Store.Get(id) : null;
}
