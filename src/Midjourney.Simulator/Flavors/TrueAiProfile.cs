using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Flavors;

/// <summary>trueai-org/midjourney-proxy v10+.</summary>
internal sealed class TrueAiProfile : FlavorProfile
{
    private static readonly HashSet<SimRoute> RouteSet = new()
    {
        SimRoute.Imagine, SimRoute.Action, SimRoute.Modal, SimRoute.Blend, SimRoute.Describe, SimRoute.Shorten,
        SimRoute.Video, SimRoute.Edits, SimRoute.UploadDiscordImages, SimRoute.Fetch, SimRoute.List,
        SimRoute.ListByCondition, SimRoute.ListByIds, SimRoute.Cancel, SimRoute.ImageSeed,
    };

    public override SimulatorFlavor Flavor => SimulatorFlavor.TrueAi;
    public override IReadOnlySet<SimRoute> Routes => RouteSet;
    public override PrefixRule Prefixes => PrefixRule.SpeedPrefixes;
    public override bool TrueAiBehaviour => true;
    public override bool BannedFailsLater => true;
    public override TaskJsonStyle JsonStyle => new(Buttons: true, TrueAiExtras: true, GatewayShape: false);
    protected override string SuccessText => "Submit success";
    protected override int NotFoundHttpStatus => 404;

    public override string TimeoutReason(SimulatorOptions options) =>
        "执行超时 " + options.Timeout.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " 分钟";

    /// <summary>Raw token in <c>Authorization</c> (wins when present, even if wrong), else <c>mj-api-secret</c>.</summary>
    public override bool IsAuthorized(HttpRequest request, string apiKey)
    {
        string authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0) return string.Equals(authorization, apiKey, StringComparison.Ordinal);
        return base.IsAuthorized(request, apiKey);
    }

    /// <summary>Missing header → 401 text/plain "Authorization header missing."; wrong token → 401 empty.</summary>
    public override async Task WriteUnauthorizedAsync(HttpContext context)
    {
        bool missing = context.Request.Headers.Authorization.Count == 0 && context.Request.Headers["mj-api-secret"].Count == 0;
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!missing)
        {
            context.Response.ContentLength = 0;
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Authorization header missing.", context.RequestAborted);
    }

    protected override Task WriteModalAsync(HttpContext context, SubmitOutcome outcome) =>
        EnvelopeJson.WriteAsync(context, 200, 21, "Waiting for window confirm", outcome.TaskId,
            Props(("discordInstanceId", InstanceId), ("discordChannelId", InstanceId), ("finalPrompt", outcome.SuggestedPrompt), ("remix", true)));

    protected override Task WriteQueueFullAsync(HttpContext context) =>
        EnvelopeJson.WriteAsync(context, 200, 9, "提交失败，队列已满，请稍后重试", null);

    /// <summary>TA answers model-binding errors with HTTP 200 and its other envelope.</summary>
    public override Task WriteBadBodyAsync(HttpContext context, string message) =>
        EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", false);
            w.WriteNumber("code", -1);
            w.WriteString("message", message);
            w.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });

    /// <summary>TA returns null → ASP.NET's HTTP 204 No Content.</summary>
    public override Task WriteMissingTaskAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public override bool CancelNeedsAdmin => true;

    /// <summary>TA's LogicException for a non-admin cancel: HTTP 400 with its other envelope.</summary>
    public override Task WriteAdminOnlyAsync(HttpContext context) =>
        EnvelopeJson.WriteJsonAsync(context, 400, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", false);
            w.WriteNumber("code", 400);
            w.WriteString("message", "演示模式，禁止操作");
            w.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });

    /// <summary>TA's cancel returns an empty 200.</summary>
    public override Task WriteCancelledAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
