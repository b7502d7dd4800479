using System;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// Turns every failure shape of reference §1.2–§1.3 into one typed exception with the server's own words.
/// </summary>
internal sealed class ErrorMapper
{
    private const string QueueFullText = "队列已满";

    /// <summary>The advice for a busy server (a full queue, a rate limit): the refusal created nothing.</summary>
    private const string BusyAdvice = "Nothing was created; try again later.";

    /// <summary>The advice for an outage or a logic error of the server.</summary>
    private const string OutageAdvice = "Try again later; if it persists, ask the server's administrator.";

    private readonly AuthScheme _scheme;
    private readonly bool _keySent;
    private readonly Redactor _redactor;
    private readonly string _server;

    public ErrorMapper(AuthScheme scheme, bool keySent, Redactor redactor, Uri server)
    {
        _scheme = scheme;
        _keySent = keySent;
        _redactor = redactor;
        _server = server.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The server's root, for messages (no trailing slash).</summary>
    public string Server => _server;

    /// <summary>The full URL of a request path, for messages.</summary>
    public string Url(string? path) => _server + (path ?? string.Empty);

    /// <summary>True for envelope codes that mean "accepted" (1, 22) or "accepted, needs a modal" (21).</summary>
    public static bool IsAccepted(int code) => code is 1 or 21 or 22;

    /// <summary>True when the envelope says the queue is full: nothing was created.</summary>
    public static bool IsQueueFull(SubmitEnvelope envelope) => IsQueueFull(envelope.Code, envelope.Description);

    /// <summary>
    /// The exception for an envelope whose code is not accepted. A known text reads as English with what to do, and
    /// the server's own words follow on a second line; an unknown one is shown as it came, with the endpoint and code.
    /// </summary>
    public MjApiException FromEnvelope(SubmitEnvelope envelope, MjHttpResponse response, string? taskId = null)
    {
        var description = _redactor.Redact(envelope.Description);
        var origin = $"{Url(response.Path)} answered code {envelope.Code}: {description ?? "(no description)"}";
        var error = Refusal(envelope.Code, description, origin, response, taskId, envelope.GetProperty("bannedWord"), envelope.GetProperty("promptEn"), logicError: false);
        error.Properties = envelope.Properties;
        return error;
    }

    /// <summary>
    /// TrueAI's other envelope <c>{success:false, code:-1, message}</c>: at HTTP 200 for every logic error of the server
    /// (Redis down, the guest's daily limit, a temporary ban, a state too long) and for a request it could not read; at
    /// HTTP 500 for a crash. Only a request it could not read is the request's fault.
    /// </summary>
    private MjApiException FromFailureEnvelope(string? message, MjHttpResponse response, string? taskId = null)
    {
        var description = _redactor.Redact(message);
        var status = response.Status == 200 ? string.Empty : $"{response.Status} {response.StatusCode}, ";
        var origin = $"{Url(response.Path)} answered {status}code -1: {description ?? "(no message)"}";
        return Refusal(-1, description, origin, response, taskId, null, null, logicError: true);
    }

    /// <summary>
    /// One refusal, from an envelope or from a plain text: what happened in English (when the text is known), what to do
    /// (always), and the server's words on the second line. A known text decides the kind of error; else the code does.
    /// </summary>
    private MjApiException Refusal(int? code, string? description, string origin, MjHttpResponse response, string? taskId, string? bannedWord, string? promptEn, bool logicError)
    {
        var known = MjServerMessages.Find(description);
        bannedWord ??= known?.BannedWord;
        var speed = known?.SpeedMayHelp == true && IsSubmit(response.Path);
        var status = response.StatusCode;
        var path = response.Path;
        string? guess = null;
        string unknownAdvice; // what to do when the text is not one the module knows
        Func<string, MjApiException> make;
        if (code == 24 || known?.Kind == MjServerMessageKind.BannedPrompt)
        {
            unknownAdvice = "Change the prompt; do not submit it again as it is.";
            make = text => new MjBannedPromptException(text, bannedWord, promptEn, code, description, status, path);
        }
        else if (known?.Kind == MjServerMessageKind.Busy || (code is int c && IsQueueFull(c, description)))
        {
            unknownAdvice = BusyAdvice;
            make = text => new MjServerBusyException(text, code, description, status, path, response.RetryAfter);
        }
        else if (known?.Kind == MjServerMessageKind.TaskNotFound || (known is null && code is 3 or 404))
        {
            guess = "The task or parent task does not exist on this server (or expired), or the server has no usable account.";
            unknownAdvice = "Check the task id (Get-MjTask -Recent lists the tasks this computer submitted); if it is right, try again later.";
            make = text => new MjNotFoundException(text, taskId, code, description, status, path);
        }
        else if (known?.Kind == MjServerMessageKind.AdministratorOnly)
        {
            unknownAdvice = "Use the administrator's key.";
            make = text => new MjNotSupportedException(text, true, description, status, path);
        }
        else if (known?.Kind != MjServerMessageKind.BadRequest
            && (known?.Kind is MjServerMessageKind.Unavailable or MjServerMessageKind.Timeout
                || response.Status >= 500
                || (code is int n && n != 4 && n != -1)
                || (known is null && logicError)))
        {
            // An outage or a logic error of the server: the request is not to blame, and the same one may work later.
            unknownAdvice = OutageAdvice;
            make = text => new MjServerException(text, code, description, status, path);
        }
        else
        {
            unknownAdvice = "Fix what the server's words name, then submit again.";
            make = text => new MjValidationException(text, code, description, status, path);
        }

        var advice = known?.AdviceWithSpeed(speed ? SpeedChoice : null, ModeOf(path)) ?? unknownAdvice;
        var what = known is null ? guess : Explanation(known, bannedWord);
        var error = make(what is null ? Sentences.Join(origin, advice) : $"{what} {advice}\n{origin}");
        error.Advice = advice;
        error.ServerMessage = known;
        error.SpeedMayHelp = speed;
        return error;
    }

    /// <summary>Another speed, in general words; a caller with its own way to choose one names it instead (PowerShell: -Mode).</summary>
    internal const string SpeedChoice = "speed mode";

    /// <summary>True for the submit routes, with or without a speed prefix: only a submit has a speed mode to change.</summary>
    private static bool IsSubmit(string? path) => path is not null && path.IndexOf("/mj/submit/", StringComparison.Ordinal) >= 0;

    /// <summary>True for a full queue: 23, 30, or 9 with the queue-full text (9 alone is any failure).</summary>
    internal static bool IsQueueFull(int code, string? description) =>
        code is 23 or 30 || (code == 9 && (description ?? string.Empty).Contains(QueueFullText));

    /// <summary>The English of a known message, with the banned word when one is known.</summary>
    internal static string Explanation(MjServerMessage known, string? bannedWord) =>
        known.Kind == MjServerMessageKind.BannedPrompt && !string.IsNullOrEmpty(bannedWord)
            ? known.Explanation.TrimEnd('.') + $" ('{bannedWord}')."
            : known.Explanation;

    /// <summary>The error for an answer over a count limit (<see cref="AnswerLimits"/>), naming the URL that answered it.</summary>
    public MjLimitException OverLimit(OverLimitException over, MjHttpResponse response) =>
        AnswerLimits.ToError(over, Url(response.Path), response.StatusCode, response.Path);

    /// <summary>The exception for an HTTP answer that is not a usable success (status, error bodies, garbage).</summary>
    public MjApiException FromResponse(MjHttpResponse response, string? taskId = null)
    {
        var status = response.StatusCode;
        var statusText = $"{response.Status} {status}";

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return Authentication(response);
        }

        if (SubmitEnvelope.TryRead(response.Body, out var envelope) && !IsAccepted(envelope.Code))
        {
            return FromEnvelope(envelope, response, taskId);
        }

        if (SubmitEnvelope.TryReadFailure(response.Body, out var message))
        {
            return FromFailureEnvelope(message, response, taskId);
        }

        // The server's words may echo what it was sent: the key is removed here, once, for every message below.
        var serverText = _redactor.Redact(ServerText(response));
        if ((int)status == 429)
        {
            return new MjServerBusyException(Sentences.Join($"{Url(response.Path)} answered {statusText}: the server is rate limiting{Suffix(serverText)}", BusyAdvice), null, serverText, status, response.Path, response.RetryAfter) { Advice = BusyAdvice };
        }

        if (status == HttpStatusCode.NotFound)
        {
            return RouteNotFound(response.Path, serverText, taskId);
        }

        if (response.Status >= 400 && MjServerMessages.Find(serverText) is not null)
        {
            // A known text without an envelope (TrueAI's 400 text/plain refusals): it decides, as in an envelope.
            return Refusal(null, serverText, $"{Url(response.Path)} answered {statusText}: {serverText}", response, taskId, null, null, logicError: false);
        }

        if (response.Status >= 500)
        {
            return new MjServerException(Sentences.Join($"{Url(response.Path)} answered {statusText}{Suffix(serverText)}", OutageAdvice), null, serverText, status, response.Path) { Advice = OutageAdvice };
        }

        if (response.Status >= 400)
        {
            const string refusedAdvice = "Check the parameters against the server's words; if they are right, ask the server's administrator.";
            return new MjValidationException(Sentences.Join($"{Url(response.Path)} answered {statusText}{Suffix(serverText)}", refusedAdvice), null, serverText, status, response.Path) { Advice = refusedAdvice };
        }

        return Garbled(response);
    }

    /// <summary>A body that is not the JSON the request expects: a cut answer, a web page, another service at -Uri.</summary>
    public MjProtocolException Garbled(MjHttpResponse response, Exception? inner = null)
    {
        const string advice = "Try again; if it persists, check that -Uri is the proxy's root (Test-MjServer checks it).";
        return new MjProtocolException($"{Url(response.Path)} answered {response.Status} {response.StatusCode} with a body that is not the expected JSON: {Preview(response.Body)}. {advice}", response.StatusCode, response.Path, inner) { Advice = advice };
    }

    /// <summary>
    /// A 404 without an envelope: the server has no such route (a missing task always comes with an envelope or a
    /// flavour's own empty answer). Every flavour has the fetch route, so missing it means -Uri is not a proxy's root.
    /// </summary>
    public MjNotFoundException RouteNotFound(string? path, string? message = null, string? taskId = null)
    {
        path ??= string.Empty;
        var origin = $"{Url(path)} answered 404 Not Found{Suffix(message)}";
        string text, advice;
        if (taskId is not null)
        {
            // A fetch: no flavour answers a missing task so, but some server might; the check tells for sure.
            text = $"Task {taskId} was not found on {_server}.";
            advice = "The task may have expired, or belong to another server or key; if no task is ever found, -Uri may not be a midjourney-proxy's root (Test-MjServer checks it).";
            return new MjNotFoundException($"{text} {advice}\n{origin}", taskId, null, message, HttpStatusCode.NotFound, path) { Advice = advice };
        }

        if (path.StartsWith("/mj/task/", StringComparison.Ordinal) && path.EndsWith("/fetch", StringComparison.Ordinal))
        {
            (text, advice) = NotAProxy();
        }
        else if (SpeedPrefixOf(path) is { } prefix)
        {
            text = $"{_server} does not offer {path}: this server does not take the speed prefix {prefix} (-Mode {ModeOf(path)?.ToString() ?? prefix.TrimStart('/')}) here.";
            advice = "Use -Mode Default and put --fast, --relax or --turbo in the prompt instead (Test-MjServer shows what the server offers).";
        }
        else
        {
            text = $"{_server} does not offer {path}: this server has no such endpoint.";
            advice = "Use a server that has it, or another cmdlet (Test-MjServer shows what the server offers).";
        }

        return new MjNotFoundException($"{text} {advice}\n{origin}", null, null, message, HttpStatusCode.NotFound, path) { Advice = advice };
    }

    /// <summary>
    /// A server that cannot cancel: <paramref name="response"/> is its 404 (or null when the flavour is known to lack the
    /// endpoint, so no request was sent).
    /// </summary>
    public MjNotSupportedException NoCancel(string path, string? flavor, MjHttpResponse? response)
    {
        var kind = flavor is null ? string.Empty : $" (a {flavor} server)";
        var text = $"{_server} cannot cancel tasks: it{kind} has no POST /mj/task/{{id}}/cancel; only Plus and TrueAI proxies have one.";
        const string advice = "The task keeps running until it finishes or the server times it out: wait for it (Wait-MjTask) or leave it; ask the server's administrator to cancel it if it must stop.";
        var origin = response is null ? "No request was sent (Test-MjServer found the flavour)." : $"{Url(path)} answered {response.Status} {response.StatusCode}.";
        return new MjNotSupportedException($"{text} {advice}\n{origin}", false, null, response?.StatusCode, path) { Advice = advice };
    }

    /// <summary>TrueAI's cancel with a key that is not the administrator's: HTTP 400 "演示模式，禁止操作" (or 401/403 "账号无权限").</summary>
    public MjNotSupportedException CancelNeedsAdministrator(MjHttpResponse response, string? description)
    {
        description = _redactor.Redact(description);
        var text = _keySent
            ? $"{_server} lets only its administrator cancel tasks (TrueAI), and this key is not the administrator's."
            : $"{_server} lets only its administrator cancel tasks (TrueAI), and this connection sends no key (the server serves it as a guest).";
        const string advice = "Connect with the administrator's token to cancel (Connect-MjServer -ApiKey), or ask the administrator; otherwise the task runs until it finishes or times out.";
        return new MjNotSupportedException($"{text} {advice}\n{Url(response.Path)} answered {response.Status} {response.StatusCode}: {description}", true, description, response.StatusCode, response.Path)
        {
            Advice = advice,
            ServerMessage = MjServerMessages.Find(description),
        };
    }

    /// <summary>The same 404, told as "-Uri is not a midjourney-proxy" (after the fetch route was missing too).</summary>
    public MjNotFoundException NotAProxy(MjApiException missing)
    {
        var (text, advice) = NotAProxy();
        return new MjNotFoundException($"{text} {advice}\n{Url(missing.RequestPath)} answered 404 Not Found", null, null, missing.Description, HttpStatusCode.NotFound, missing.RequestPath, missing) { Advice = advice };
    }

    private (string Text, string Advice) NotAProxy()
    {
        var path = new Uri(_server + "/").AbsolutePath.TrimEnd('/');
        var text = $"{_server} is not a midjourney-proxy: it has no /mj/task/{{id}}/fetch, which every proxy has.";
        var advice = path.Length > 0
            ? $"Check the path of -Uri: give the server's root, the part before /mj (without '{path}', e.g. {_server.Substring(0, _server.Length - path.Length)})."
            : "Check the path and port of -Uri: give the proxy's root, the part before /mj.";
        return (text, advice);
    }

    /// <summary>The speed mode a request was sent in by its path's prefix (<c>/mj-relax/mj/...</c>); null without one.</summary>
    internal static SpeedMode? ModeOf(string? path) => (path is null ? null : SpeedPrefixOf(path)) switch
    {
        "/mj-relax" => SpeedMode.Relax,
        "/mj-fast" => SpeedMode.Fast,
        "/mj-turbo" => SpeedMode.Turbo,
        _ => null,
    };

    private static string? SpeedPrefixOf(string path)
    {
        var second = path.IndexOf("/mj/", 1, StringComparison.Ordinal);
        return second > 0 && path.StartsWith("/mj-", StringComparison.Ordinal) ? path.Substring(0, second) : null;
    }

    private MjAuthenticationException Authentication(MjHttpResponse response)
    {
        var body = _redactor.Redact(ReadGatewayError(response.Body) ?? TextOf(response.Body));
        var header = _scheme switch
        {
            AuthScheme.Bearer => "'Authorization: Bearer <key>' (Bearer)",
            AuthScheme.Raw => "'Authorization: <key>' (Raw)",
            _ => "'mj-api-secret: <key>' (MjApiSecret)",
        };
        var advice = !_keySent
            ? "No API key is configured, so none was sent: give one (Connect-MjServer -ApiKey, or MJ_API_KEY)."
            : _scheme switch
            {
                AuthScheme.MjApiSecret => $"The key was sent as {header}. Check the key; new-api gateways want -AuthScheme Bearer, TrueAI user tokens work with Raw.",
                AuthScheme.Bearer => $"The key was sent as {header}. Check the key; a TrueAI proxy wants -AuthScheme Raw or MjApiSecret, novicezk/Plus want MjApiSecret.",
                _ => $"The key was sent as {header}. Check the key; gateways want -AuthScheme Bearer, novicezk/Plus want MjApiSecret.",
            };
        var what = response.StatusCode == HttpStatusCode.Forbidden
            ? "403 Forbidden (the account is disabled or unavailable, or this address is blocked)"
            : "401 Unauthorized";
        if (MjServerMessages.Find(body) is { Kind: MjServerMessageKind.AdministratorOnly } adminOnly)
        {
            // TrueAI's /mj/admin/* for any key but the administrator's: the key may be right, it is just not enough.
            return new MjAuthenticationException($"{adminOnly.Explanation} {adminOnly.Advice}\n{Url(response.Path)} answered {what}{Suffix(body)}", _scheme, _keySent, null, body, response.StatusCode, response.Path)
            {
                Advice = adminOnly.Advice,
                ServerMessage = adminOnly,
            };
        }

        return new MjAuthenticationException(Sentences.Join($"{Url(response.Path)} answered {what}{Suffix(body)}", advice), _scheme, _keySent, null, body, response.StatusCode, response.Path) { Advice = advice };
    }

    /// <summary>
    /// new-api's <c>{description,type,code}</c>, OpenAI's <c>{error:{message}}</c>, or a bare JSON string: ASP.NET Core
    /// (TrueAI) writes <c>BadRequest("演示模式，禁止操作")</c> as <c>"演示模式，禁止操作"</c> to a client that accepts JSON,
    /// and as text/plain to one that does not.
    /// </summary>
    private static string? ReadGatewayError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.String)
            {
                return root.GetString() is { Length: > 0 } text ? text : null;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return JsonValues.GetString(error, "message");
            }

            return JsonValues.GetString(root, "description") ?? JsonValues.GetString(root, "message") ?? JsonValues.GetString(root, "error");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The server's words in a body without an envelope: a gateway's JSON error, or a short plain text.</summary>
    internal static string? ServerText(MjHttpResponse response) => ReadGatewayError(response.Body) ?? PlainText(response);

    /// <summary>
    /// A short plain-text body as the server's message (TrueAI's 400 "演示模式，禁止操作" is text/plain; its 401s have no
    /// content type at all); never a web page.
    /// </summary>
    private static string? PlainText(MjHttpResponse response)
    {
        var type = response.MediaType;
        if (response.Body.Length == 0 || response.Body.Length > 1000 || (type is not null && !type.Equals("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var text = TextOf(response.Body);
        return text is null || text.StartsWith("<", StringComparison.Ordinal) ? null : text;
    }

    private static string? TextOf(byte[] body)
    {
        var text = body.Length == 0 ? null : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private string Preview(byte[] body) =>
        body.Length == 0 ? "(empty)" : "'" + _redactor.Redact(TextOf(body)) + (body.Length > 200 ? "…'" : "'");

    private static string Suffix(string? message) => string.IsNullOrEmpty(message) ? string.Empty : $": {message}";
}
