using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Flavors;

/// <summary>
/// new-api style gateway in front of a PLUS/TA proxy: Bearer keys, <c>/{mode}/mj/...</c>, 22→1, 21→1 (except
/// inpaint and custom zoom), and every business error as HTTP 400 (429 for saturation) <c>{description,type,code}</c>.
/// </summary>
internal sealed class GatewayProfile : FlavorProfile
{
    private static readonly HashSet<SimRoute> RouteSet = new()
    {
        SimRoute.Imagine, SimRoute.Change, SimRoute.SimpleChange, SimRoute.Action, SimRoute.Modal, SimRoute.Blend,
        SimRoute.Describe, SimRoute.Shorten, SimRoute.UploadDiscordImages, SimRoute.Fetch, SimRoute.ListByCondition,
        SimRoute.ImageSeed,
    };

    public override SimulatorFlavor Flavor => SimulatorFlavor.Gateway;
    public override IReadOnlySet<SimRoute> Routes => RouteSet;
    public override PrefixRule Prefixes => PrefixRule.AnySegment;
    public override bool WrongMethodIsNotFound => true;
    public override TaskJsonStyle JsonStyle => new(Buttons: true, TrueAiExtras: false, GatewayShape: true);

    /// <summary><c>Authorization: Bearer sk-…</c> ("Bearer " and "sk-" optional); missing or "midjourney-proxy" → <c>mj-api-secret</c>.</summary>
    public override bool IsAuthorized(HttpRequest request, string apiKey)
    {
        string authorization = request.Headers.Authorization.ToString();
        string presented = authorization.Length == 0 || authorization == "midjourney-proxy"
            ? request.Headers["mj-api-secret"].ToString()
            : authorization;
        if (presented.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) presented = presented[7..].Trim();
        return presented.Length > 0 && string.Equals(StripSk(presented), StripSk(apiKey), StringComparison.Ordinal);
    }

    /// <summary>new-api token errors use the OpenAI error shape.</summary>
    public override Task WriteUnauthorizedAsync(HttpContext context) =>
        EnvelopeJson.WriteJsonAsync(context, 401, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", "无效的令牌");
            w.WriteString("type", "new_api_error");
            w.WriteEndObject();
            w.WriteEndObject();
        });

    public override Task WriteOutcomeAsync(HttpContext context, SubmitOutcome outcome) => outcome.Kind switch
    {
        // new-api rewrites 22 → 1 and keeps the upstream description.
        OutcomeKind.Accepted => EnvelopeJson.WriteAsync(context, 200, 1, outcome.Queued ? $"排队中，前面还有{outcome.Ahead}个任务" : "提交成功",
            outcome.TaskId, Props(("numberOfQueues", outcome.Ahead))),
        // 21 → 1 except for Vary (Region) and Custom Zoom, which the client must complete with /submit/modal.
        OutcomeKind.Modal => EnvelopeJson.WriteAsync(context, 200, outcome.Modal is ModalKind.Inpaint or ModalKind.CustomZoom ? 21 : 1,
            "窗口等待", outcome.TaskId, Props()),
        OutcomeKind.Value => EnvelopeJson.WriteAsync(context, 200, 1, "提交成功", outcome.Value),
        OutcomeKind.QueueFull => Error(context, 429, 30, "当前分组负载已饱和，请稍后再试"),
        OutcomeKind.Banned => Error(context, 400, 24, "可能包含敏感词"),
        OutcomeKind.NotFound => Error(context, 400, 4, "task_not_found"),
        OutcomeKind.Unavailable => Error(context, 400, 3, outcome.Message ?? ""),
        OutcomeKind.UnknownAction => Error(context, 400, 4, outcome.Message ?? "unknown_action"),
        _ => Error(context, 400, 4, outcome.Message ?? "参数错误"),
    };

    public override Task WriteBadBodyAsync(HttpContext context, string message) => Error(context, 400, 4, "bind_request_body_failed");

    public override Task WriteMissingTaskAsync(HttpContext context) => Error(context, 400, 4, "task_no_found");

    private static Task Error(HttpContext context, int httpStatus, int code, string description) =>
        EnvelopeJson.WriteJsonAsync(context, httpStatus, w =>
        {
            w.WriteStartObject();
            w.WriteString("description", description);
            w.WriteString("type", "upstream_error");
            w.WriteNumber("code", code);
            w.WriteEndObject();
        });

    private static string StripSk(string key) => key.StartsWith("sk-", StringComparison.Ordinal) ? key[3..] : key;
}
