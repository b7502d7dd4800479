using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Http;
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

    /// <summary>
    /// The fail reason a task gets from Midjourney's bot's "Invalid parameter" answer (an embed's title, the only one the
    /// simulator sends, and its <paramref name="description"/>).
    /// </summary>
    public virtual string BotFailReason(string description) => $"[Invalid parameter] {description}";

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

    /// <summary>
    /// The caller's role, or null to refuse with <see cref="WriteUnauthorizedAsync"/>. Base: without an API key nobody
    /// is checked; with one, the admin key or the API key must be presented under <see cref="IsAuthorized"/>.
    /// </summary>
    public virtual CallerRole? Identify(HttpRequest request, SimulatorOptions options, Admin.UserStore users)
    {
        if (options.ApiKey is null) return CallerRole.User;
        if (options.AdminKey is not null && IsAuthorized(request, options.AdminKey)) return CallerRole.Admin;
        return IsAuthorized(request, options.ApiKey) ? CallerRole.User : null;
    }

    /// <summary>Paths every caller reaches without a key (TrueAI: <c>/health</c>, <c>/mj/home</c>).</summary>
    public virtual bool IsAnonymous(string path) => false;

    /// <summary>Paths only the administrator may use (TrueAI: <c>/mj/admin/*</c>).</summary>
    public virtual bool NeedsAdmin(string path) => false;

    /// <summary>The refusal of an admin path to a caller who is not the administrator.</summary>
    public virtual Task WriteNotAdminAsync(HttpContext context) => WriteUnauthorizedAsync(context);

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
        OutcomeKind.Value => EnvelopeJson.WriteAsync(context, 200, 1, outcome.Message ?? SuccessText, outcome.Value),
        OutcomeKind.QueueFull => WriteQueueFullAsync(context),
        OutcomeKind.Banned => EnvelopeJson.WriteAsync(context, 200, 24, "可能包含敏感词", null,
            Props(("promptEn", outcome.PromptEn), ("bannedWord", outcome.BannedWord))),
        OutcomeKind.NotFound => EnvelopeJson.WriteAsync(context, NotFoundHttpStatus, 3, outcome.Message ?? "关联任务不存在或已失效", null),
        OutcomeKind.Unavailable => EnvelopeJson.WriteAsync(context, 200, 3, outcome.Message ?? "", null),
        OutcomeKind.LogicError => WriteLogicErrorAsync(context, outcome.Message ?? ""),
        _ => EnvelopeJson.WriteAsync(context, outcome.BadRequest ? InvalidBadRequestHttpStatus : 200, 4, outcome.Message ?? "参数错误", null),
    };

    /// <summary>HTTP status of a code-4 answer the real server sends as a bad request (TrueAI: 400; the others: 200).</summary>
    protected virtual int InvalidBadRequestHttpStatus => 200;

    /// <summary>A server-side refusal that is not about the request's fields (only TrueAI has them: its -1 envelope); base: code 4.</summary>
    protected virtual Task WriteLogicErrorAsync(HttpContext context, string message) => EnvelopeJson.WriteAsync(context, 200, 4, message, null);

    protected virtual string SuccessText => "提交成功";

    protected virtual int NotFoundHttpStatus => 200;

    protected virtual Task WriteModalAsync(HttpContext context, SubmitOutcome outcome) =>
        EnvelopeJson.WriteAsync(context, 200, 21, "窗口等待", outcome.TaskId, Props(("discordInstanceId", InstanceId)));

    protected virtual Task WriteQueueFullAsync(HttpContext context) =>
        EnvelopeJson.WriteAsync(context, 200, 23, "队列已满，请稍后尝试", null, Props(("discordInstanceId", InstanceId)));

    // ---- buttons ----

    /// <summary>
    /// False for a button the action route does not know: code 4 "未知的 Action 类型", before an account is chosen. No
    /// flavour routes ❤️ (PLUS's docs list it as unsupported, TrueAI 11 has no branch for it); base: every other kind.
    /// </summary>
    public virtual bool RoutesButton(ButtonKind kind) => kind is not (ButtonKind.Unknown or ButtonKind.Bookmark);

    // ---- request bodies ----

    /// <summary>
    /// False when the server refuses a body of this content type before reading it (TrueAI, like any ASP.NET Core
    /// controller: 415 for anything but JSON). Base: every content type is read as JSON.
    /// </summary>
    public virtual bool AcceptsBody(string? contentType) => true;

    /// <summary>The answer to a body in a content type that <see cref="AcceptsBody"/> refused.</summary>
    public virtual Task WriteUnsupportedMediaTypeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>The model-binding error of an empty body, or null to parse it like any other (and fail as JSON).</summary>
    public virtual string? EmptyBodyMessage => null;

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

    /// <summary>TA v10+: only the administrator's token may cancel.</summary>
    public virtual bool CancelNeedsAdmin => false;

    /// <summary>The refusal of a cancel by a caller who is not the administrator (TA: HTTP 400 <c>text/plain</c> "演示模式，禁止操作").</summary>
    public virtual Task WriteAdminOnlyAsync(HttpContext context) => EnvelopeJson.WriteAsync(context, 200, 4, "演示模式，禁止操作", null);

    /// <summary>The answer of a cancel of an unknown task (PLUS: code 3 "任务不存在"; TA: the same empty 200 as a success).</summary>
    public virtual Task WriteCancelOfMissingAsync(HttpContext context) => WriteOutcomeAsync(context, SubmitOutcome.NotFound("任务不存在"));

    /// <summary>Answer of a successful cancel (PLUS: an envelope).</summary>
    public virtual Task WriteCancelledAsync(HttpContext context) => EnvelopeJson.WriteAsync(context, 200, 1, "成功", null);

    protected static List<KeyValuePair<string, object?>> Props(params (string Key, object? Value)[] pairs)
    {
        var list = new List<KeyValuePair<string, object?>>(pairs.Length);
        foreach ((string key, object? value) in pairs) list.Add(new KeyValuePair<string, object?>(key, value));
        return list;
    }
}
