using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Images;
using Midjourney.Simulator.Json;

namespace Midjourney.Simulator.Flavors;

/// <summary>
/// Everything that differs between servers: routes, auth headers, codes and HTTP statuses of answers, task JSON.
/// The base class is the NZ/PLUS behaviour; subclasses override what their server does differently.
/// </summary>
internal abstract class FlavorProfile
{
    protected const string InstanceId = "1200000000000000001";

    public abstract SimulatorFlavor Flavor { get; }
    public abstract IReadOnlySet<SimRoute> Routes { get; }
    public virtual PrefixRule Prefixes => PrefixRule.None;

    /// <summary>TA-only buttons (Animate, ❤️, Imagine all) and TA child-action naming.</summary>
    public virtual bool TrueAiBehaviour => false;

    /// <summary>TA v10+: banned prompts are accepted and fail later instead of code 24.</summary>
    public virtual bool BannedFailsLater => false;

    /// <summary>
    /// Gin (new-api gateways) answers a known path with the wrong method as 404, where Spring and ASP.NET Core say 405;
    /// clients that probe routes with a GET (never a submit) must not learn more here than from the real server.
    /// </summary>
    public virtual bool WrongMethodIsNotFound => false;

    /// <summary>NZ needs a <c>data:</c> URL for base64 images; TA/PLUS also take bare base64.</summary>
    public virtual bool RequiresDataUrl => false;

    public virtual TaskJsonStyle JsonStyle => new(Buttons: true, TrueAiExtras: false, GatewayShape: false);

    public virtual string TimeoutReason(SimulatorOptions options) => "任务超时";

    public static FlavorProfile For(SimulatorFlavor flavor) => flavor switch
    {
        SimulatorFlavor.TrueAi => new TrueAiProfile(),
        SimulatorFlavor.Plus => new PlusProfile(),
        SimulatorFlavor.NoviceZk => new NoviceZkProfile(),
        SimulatorFlavor.Gateway => new GatewayProfile(),
        SimulatorFlavor.TaskApi => new TaskApiProfile(),
        _ => throw new ArgumentOutOfRangeException(nameof(flavor)),
    };

    // ---- authentication ----

    /// <summary>True when the request carries the right key under this flavour's header rules.</summary>
    public virtual bool IsAuthorized(HttpRequest request, string apiKey) =>
        string.Equals(request.Headers["mj-api-secret"].ToString(), apiKey, StringComparison.Ordinal);

    /// <summary>NZ/PLUS: 401 with an empty body.</summary>
    public virtual Task WriteUnauthorizedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    // ---- submit answers ----

    public virtual Task WriteOutcomeAsync(HttpContext context, SubmitOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Accepted when outcome.Queued => EnvelopeJson.WriteAsync(context, 200, 22, $"排队中，前面还有{outcome.Ahead}个任务", outcome.TaskId,
            Props(("numberOfQueues", outcome.Ahead), ("discordInstanceId", InstanceId))),
        OutcomeKind.Accepted => EnvelopeJson.WriteAsync(context, 200, 1, SuccessText, outcome.TaskId, Props(("discordInstanceId", InstanceId))),
        OutcomeKind.Modal => WriteModalAsync(context, outcome),
        OutcomeKind.Value => EnvelopeJson.WriteAsync(context, 200, 1, SuccessText, outcome.Value),
        OutcomeKind.QueueFull => WriteQueueFullAsync(context),
        OutcomeKind.Banned => EnvelopeJson.WriteAsync(context, 200, 24, "可能包含敏感词", null,
            Props(("promptEn", outcome.PromptEn), ("bannedWord", outcome.BannedWord))),
        OutcomeKind.NotFound => EnvelopeJson.WriteAsync(context, NotFoundHttpStatus, 3, outcome.Message ?? "关联任务不存在或已失效", null),
        _ => EnvelopeJson.WriteAsync(context, 200, 4, outcome.Message ?? "参数错误", null),
    };

    protected virtual string SuccessText => "提交成功";

    protected virtual int NotFoundHttpStatus => 200;

    protected virtual Task WriteModalAsync(HttpContext context, SubmitOutcome outcome) =>
        EnvelopeJson.WriteAsync(context, 200, 21, "窗口等待", outcome.TaskId, Props(("discordInstanceId", InstanceId)));

    protected virtual Task WriteQueueFullAsync(HttpContext context) =>
        EnvelopeJson.WriteAsync(context, 200, 23, "队列已满，请稍后尝试", null, Props(("discordInstanceId", InstanceId)));

    /// <summary>NZ/PLUS (Spring): HTTP 400 with Spring's default error body.</summary>
    public virtual Task WriteBadBodyAsync(HttpContext context, string message) =>
        EnvelopeJson.WriteJsonAsync(context, 400, w =>
        {
            w.WriteStartObject();
            w.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
            w.WriteNumber("status", 400);
            w.WriteString("error", "Bad Request");
            w.WriteString("message", message);
            w.WriteString("path", context.Request.Path.Value);
            w.WriteEndObject();
        });

    // ---- task queries ----

    /// <summary>NZ/PLUS: a missing task is HTTP 200 with an empty body.</summary>
    public virtual Task WriteMissingTaskAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public virtual void WriteTask(Utf8JsonWriter writer, SimTask task, TaskState state, string baseUrl, MediaLinks links, SimulatorOptions options, long now) =>
        MjTaskJson.Write(writer, task, state, baseUrl, links, JsonStyle);

    /// <summary>TA v10+: only an administrator's token may cancel.</summary>
    public virtual bool CancelNeedsAdmin => false;

    /// <summary>The refusal of a cancel by a key that is not the administrator's (TA: HTTP 400 "演示模式，禁止操作").</summary>
    public virtual Task WriteAdminOnlyAsync(HttpContext context) => EnvelopeJson.WriteAsync(context, 200, 4, "演示模式，禁止操作", null);

    /// <summary>Answer of a successful cancel (PLUS: an envelope).</summary>
    public virtual Task WriteCancelledAsync(HttpContext context) => EnvelopeJson.WriteAsync(context, 200, 1, "成功", null);

    protected static List<KeyValuePair<string, object?>> Props(params (string Key, object? Value)[] pairs)
    {
        var list = new List<KeyValuePair<string, object?>>(pairs.Length);
        foreach ((string key, object? value) in pairs) list.Add(new KeyValuePair<string, object?>(key, value));
        return list;
    }
}
