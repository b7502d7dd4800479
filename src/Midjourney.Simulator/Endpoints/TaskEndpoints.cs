using System.Collections.Generic;
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

    /// <summary><c>{"ids":[…]}</c> → the known ones (unknown ids silently omitted).</summary>
    public async Task ListByConditionAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        var tasks = new List<SimTask>(request.Ids?.Count ?? 0);
        if (request.Ids is not null)
        {
            foreach (string id in request.Ids)
            {
                if (id is not null && _services.Engine.Store.Get(id) is { } task) tasks.Add(task);
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

    /// <summary>Marks the task FAILURE with "取消任务" (TA does not use CANCEL) and frees its slot.</summary>
    public Task CancelAsync(HttpContext context)
    {
        SimTask? task = Find(context);
        if (task is null) return _services.Profile.WriteOutcomeAsync(context, SubmitOutcome.NotFound("任务不存在"));
        bool cancelled = _services.Engine.Cancel(task, CancelReason);
        if (!cancelled && !_services.Profile.TrueAiBehaviour) return _services.Profile.WriteOutcomeAsync(context, SubmitOutcome.Invalid("任务状态错误"));
        return _services.Profile.WriteCancelledAsync(context);
    }

    public Task ImageSeedAsync(HttpContext context)
    {
        SimTask? task = Find(context);
        SubmitOutcome outcome;
        if (task is null) outcome = SubmitOutcome.NotFound();
        else if (task.StateAt(_services.Clock.NowMs()).Status != TaskStatuses.Success || task.Result is not (ResultKind.Grid or ResultKind.Upscale))
        {
            outcome = SubmitOutcome.NotFound("未找到 seed");
        }
        else outcome = new SubmitOutcome(OutcomeKind.Value) { Value = task.ImageSeed };
        return Answer.OutcomeAsync(context, _services, outcome);
    }

    private SimTask? Find(HttpContext context) =>
        context.Request.RouteValues["id"] is string id ? _services.Engine.Store.Get(id) : null;
}
