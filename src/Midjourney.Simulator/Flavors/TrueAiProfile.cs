using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Flavors;

/// <summary>trueai-org/midjourney-proxy v10+, checked against 11.10.3 built from source (tests/Recordings/trueai-11.10.3).</summary>
internal sealed class TrueAiProfile : FlavorProfile
{
    private const string AuthorizationMissing = "Authorization header missing.";
    private const string NotAdmin = "账号无权限";
    private const string DemoMode = "演示模式，禁止操作";

    private static readonly HashSet<SimRoute> RouteSet = new()
    {
        SimRoute.Imagine, SimRoute.Action, SimRoute.Modal, SimRoute.Blend, SimRoute.Describe, SimRoute.Shorten,
        SimRoute.Video, SimRoute.Edits, SimRoute.Retexture, SimRoute.UploadDiscordImages, SimRoute.Fetch, SimRoute.List,
        SimRoute.ListByCondition, SimRoute.ListByIds, SimRoute.Cancel, SimRoute.ImageSeed, SimRoute.Home, SimRoute.AdminApi,
    };

    /// <summary>The admin routes marked [AllowAnonymous]: not refused with 401; of them the simulator has <c>/mj/admin/current</c> (the others 404).</summary>
    private static readonly HashSet<string> AnonymousAdminPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        "/mj/admin/register", "/mj/admin/login", "/mj/admin/logout", "/mj/admin/current",
        "/mj/admin/account-cf-notify", "/mj/admin/account-login-notify",
    };

    public override SimulatorFlavor Flavor => SimulatorFlavor.TrueAi;
    public override IReadOnlySet<SimRoute> Routes => RouteSet;
    public override PrefixRule Prefixes => PrefixRule.SpeedPrefixes;
    public override bool TrueAiBehaviour => true;
    public override bool BannedFailsLater => true;
    public override TaskJsonStyle JsonStyle => new(Buttons: true, TrueAiExtras: true, GatewayShape: false);
    protected override string SuccessText => "提交成功";
    protected override int NotFoundHttpStatus => 404;
    protected override int InvalidBadRequestHttpStatus => 400;

    public override string TimeoutReason(SimulatorOptions options) =>
        "执行超时 " + options.Timeout.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " 分钟";

    /// <summary>11.10.3's Discord handler (<c>DiscordWebSocketService</c>) fails the task with <c>$"{title}, {desc}"</c>.</summary>
    public override string BotFailReason(string description) => $"Invalid parameter, {description}";

    /// <summary>
    /// 11.x's <c>SubmitController.Action</c> picks the child's action by customId prefix and has no branch for the shorten
    /// picks (<c>MJ::Job::PromptAnalyzer::…</c>) either, although Discord's buttons on a shorten result carry them: code 4
    /// "未知的 Action 类型". (<c>TaskService.SubmitAction</c> still handles them and ❤️; 10.x and older reached it.)
    /// </summary>
    public override bool RoutesButton(ButtonKind kind) => base.RoutesButton(kind) && kind != ButtonKind.PromptAnalyzer;

    /// <summary>
    /// <c>WorkContext.GetUser</c>: the token is <c>Authorization</c> when that header is present, else <c>mj-api-secret</c>.
    /// The token's user (<see cref="Admin.UserStore"/>: the admin key is the administrator, the API key a user, or the
    /// administrator when it is the server's only key, and the users /mj/admin/user made) decides the role. Anyone else
    /// is a guest in guest mode, and refused otherwise (<c>SimpleAuthMiddleware</c>).
    /// </summary>
    public override CallerRole? Identify(HttpRequest request, SimulatorOptions options, Admin.UserStore users) =>
        Caller(request, options, users).Role;

    /// <summary>The caller's role as <see cref="Identify"/> tells it, and the user the token names (null: a guest or nobody).</summary>
    public static (CallerRole? Role, Admin.SimUser? User) Caller(HttpRequest request, SimulatorOptions options, Admin.UserStore users)
    {
        if (users.ByToken(Token(request)) is { } user) return (user.IsAdmin ? CallerRole.Admin : CallerRole.User, user);
        return (options.GuestMode ? CallerRole.Guest : null, null);
    }

    /// <summary><c>/health</c> and <c>/debug</c> skip the middleware; <c>/mj/home</c> and a few admin routes are [AllowAnonymous].</summary>
    public override bool IsAnonymous(string path) =>
        path.StartsWith("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/debug", StringComparison.OrdinalIgnoreCase)
        || string.Equals(path.TrimEnd('/'), "/mj/home", StringComparison.OrdinalIgnoreCase) || AnonymousAdminPaths.Contains(path);

    public override bool NeedsAdmin(string path) => new PathString(path).StartsWithSegments("/mj/admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>Missing and wrong tokens alike: 401, no content type, "Authorization header missing.".</summary>
    public override Task WriteUnauthorizedAsync(HttpContext context) => WritePlainAsync(context, StatusCodes.Status401Unauthorized, AuthorizationMissing, contentType: null);

    /// <summary>401, no content type, "账号无权限".</summary>
    public override Task WriteNotAdminAsync(HttpContext context) => WritePlainAsync(context, StatusCodes.Status401Unauthorized, NotAdmin, contentType: null);

    protected override Task WriteModalAsync(HttpContext context, SubmitOutcome outcome) =>
        EnvelopeJson.WriteAsync(context, 200, 21, "Waiting for window confirm", outcome.TaskId,
            Props(("discordInstanceId", InstanceId), ("discordChannelId", InstanceId), ("finalPrompt", outcome.SuggestedPrompt), ("remix", true)));

    protected override Task WriteQueueFullAsync(HttpContext context) =>
        EnvelopeJson.WriteAsync(context, 200, 9, "提交失败，队列已满，请稍后重试", null);

    /// <summary>A <c>LogicException</c> caught by the exception filter: the other envelope at HTTP 200.</summary>
    protected override Task WriteLogicErrorAsync(HttpContext context, string message) => TrueAiResult.WriteFailAsync(context, 200, message);

    /// <summary>[ApiController] with [FromBody]: JSON (<c>application/json</c>, <c>text/json</c>, <c>*/*+json</c>) or nothing.</summary>
    public override bool AcceptsBody(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        string media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>ASP.NET Core's problem details for 415.</summary>
    public override Task WriteUnsupportedMediaTypeAsync(HttpContext context) =>
        WriteProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, "https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type");

    /// <summary>[ApiController]'s problem details for a bare status code (<c>StatusCode(403)</c> and friends).</summary>
    public static Task WriteProblemAsync(HttpContext context, int status, string type, string title) =>
        EnvelopeJson.WriteJsonAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("title", title);
            w.WriteNumber("status", status);
            w.WriteString("traceId", "00-" + Guid.NewGuid().ToString("N") + "-" + Guid.NewGuid().ToString("N")[..16] + "-00");
            w.WriteEndObject();
        }, "application/problem+json; charset=utf-8");

    public override string? EmptyBodyMessage => "A non-empty request body is required.";

    /// <summary>TA answers model-binding errors with HTTP 200 and its other envelope.</summary>
    public override Task WriteBadBodyAsync(HttpContext context, string message) => TrueAiResult.WriteFailAsync(context, 200, message);

    /// <summary>TA returns null → ASP.NET's HTTP 204 No Content.</summary>
    public override Task WriteMissingTaskAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public override bool CancelNeedsAdmin => true;

    /// <summary><c>BadRequest("演示模式，禁止操作")</c>: HTTP 400, <c>text/plain</c>, or a JSON string to a client that accepts JSON.</summary>
    public override Task WriteAdminOnlyAsync(HttpContext context) => StringResult.AsJson(context.Request)
        ? EnvelopeJson.WriteJsonAsync(context, StatusCodes.Status400BadRequest, w => w.WriteStringValue(DemoMode))
        : WritePlainAsync(context, StatusCodes.Status400BadRequest, DemoMode, "text/plain; charset=utf-8");

    /// <summary>TA's cancel returns an empty 200.</summary>
    public override Task WriteCancelledAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>TA's cancel looks the task up and answers the same empty 200 when there is none.</summary>
    public override Task WriteCancelOfMissingAsync(HttpContext context) => WriteCancelledAsync(context);

    /// <summary>The raw token: <c>Authorization</c> when that header is present (even empty), else <c>mj-api-secret</c>.</summary>
    public static string Token(HttpRequest request) =>
        request.Headers.TryGetValue("Authorization", out var authorization) ? authorization.ToString() : request.Headers["mj-api-secret"].ToString();

    /// <summary><c>Response.WriteAsync(text)</c> as the middleware does it: no content type unless one is given.</summary>
    private static Task WritePlainAsync(HttpContext context, int status, string text, string? contentType)
    {
        byte[] body = System.Text.Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        if (contentType is not null) context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
