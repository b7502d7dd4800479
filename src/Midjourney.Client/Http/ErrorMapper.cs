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
    public static bool IsQueueFull(SubmitEnvelope envelope) =>
        envelope.Code is 23 or 30 || (envelope.Code == 9 && (envelope.Description ?? string.Empty).Contains(QueueFullText));

    /// <summary>
    /// The exception for an envelope whose code is not accepted. A known text reads as English with what to do, and
    /// the server's own words follow on a second line; an unknown one is shown as it came, with the endpoint and code.
    /// </summary>
    public MjApiException FromEnvelope(SubmitEnvelope envelope, MjHttpResponse response, string? taskId = null)
    {
        var description = _redactor.Redact(envelope.Description);
        var origin = $"{Url(response.Path)} answered code {envelope.Code}: {description ?? "(no description)"}";
        var known = MjServerMessages.Find(description);
        var bannedWord = envelope.GetProperty("bannedWord") ?? known?.BannedWord;
        string Text(string unknownAdvice) => known is null
            ? $"{origin}. {unknownAdvice}".TrimEnd()
            : $"{Explanation(known, bannedWord)} {known.Advice}\n{origin}";

        MjApiException error = envelope.Code switch
        {
            24 => new MjBannedPromptException(Text("The prompt contains a banned word; change the prompt, do not retry it."),
                bannedWord, envelope.GetProperty("promptEn"), envelope.Code, description, response.StatusCode, response.Path),
            _ when known?.Kind == MjServerMessageKind.BannedPrompt => new MjBannedPromptException(Text(string.Empty),
                bannedWord, envelope.GetProperty("promptEn"), envelope.Code, description, response.StatusCode, response.Path),
            _ when IsQueueFull(envelope) => new MjServerBusyException(Text("The server's queue is full; nothing was created. Try again later."), envelope.Code, description, response.StatusCode, response.Path, response.RetryAfter),
            3 or 404 when known is null || known.Kind == MjServerMessageKind.TaskNotFound =>
                new MjNotFoundException(Text("The task or parent task does not exist on this server (or expired), or the server has no usable account."), taskId, envelope.Code, description, response.StatusCode, response.Path),
            4 when known?.Kind == MjServerMessageKind.TaskNotFound =>
                new MjNotFoundException(Text(string.Empty), taskId, envelope.Code, description, response.StatusCode, response.Path),
            3 => new MjServerException(Text(string.Empty), envelope.Code, description, response.StatusCode, response.Path),
            4 => new MjValidationException(Text(string.Empty), envelope.Code, description, response.StatusCode, response.Path),
            _ => new MjServerException(Text(string.Empty), envelope.Code, description, response.StatusCode, response.Path),
        };
        error.Properties = envelope.Properties;
        error.Advice = known?.Advice;
        return error;
    }

    /// <summary>The English of a known message, with the banned word when one is known.</summary>
    internal static string Explanation(MjServerMessage known, string? bannedWord) =>
        known.Kind == MjServerMessageKind.BannedPrompt && !string.IsNullOrEmpty(bannedWord)
            ? known.Explanation.TrimEnd('.') + $" ('{bannedWord}')."
            : known.Explanation;

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
            message = _redactor.Redact(message);
            var text = $"{Url(response.Path)} failed ({statusText}): {message ?? "(no message)"}.";
            if (MjServerMessages.Find(message) is { } known)
            {
                text = $"{known.Explanation} {known.Advice}\n{text}";
            }

            return response.Status >= 500
                ? new MjServerException(text, -1, message, status, response.Path)
                : new MjValidationException(text + " The server could not read the request; check the parameters.", -1, message, status, response.Path);
        }

        var gatewayMessage = ReadGatewayError(response.Body);
        if ((int)status == 429)
        {
            return new MjServerBusyException($"{Url(response.Path)} answered {statusText}: the server is rate limiting{Suffix(gatewayMessage)}. Try again later.", null, gatewayMessage, status, response.Path, response.RetryAfter);
        }

        if (response.Status >= 500)
        {
            return new MjServerException($"{Url(response.Path)} answered {statusText}{Suffix(gatewayMessage)}.", null, gatewayMessage, status, response.Path);
        }

        if (status == HttpStatusCode.NotFound)
        {
            return RouteNotFound(response.Path, gatewayMessage, taskId);
        }

        if (response.Status >= 400)
        {
            return new MjValidationException($"{Url(response.Path)} answered {statusText}{Suffix(gatewayMessage)}.", null, gatewayMessage, status, response.Path);
        }

        return new MjProtocolException($"{Url(response.Path)} answered {statusText} with a body that is not the expected JSON: {Preview(response.Body)}", status, response.Path);
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
            text = $"{_server} does not offer {path}: this server does not take the speed prefix {prefix} (-Mode {ModeName(prefix)}) here.";
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
        var text = $"{_server} lets only its administrator cancel tasks (TrueAI), and this key is not the administrator's.";
        const string advice = "Connect with the administrator's token to cancel (Connect-MjServer -ApiKey), or ask the administrator; otherwise the task runs until it finishes or times out.";
        return new MjNotSupportedException($"{text} {advice}\n{Url(response.Path)} answered {response.Status} {response.StatusCode}: {description}", true, description, response.StatusCode, response.Path) { Advice = advice };
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

    private static string? SpeedPrefixOf(string path)
    {
        var second = path.IndexOf("/mj/", 1, StringComparison.Ordinal);
        return second > 0 && path.StartsWith("/mj-", StringComparison.Ordinal) ? path.Substring(0, second) : null;
    }

    private static string ModeName(string prefix) => prefix switch
    {
        "/mj-fast" => "Fast",
        "/mj-relax" => "Relax",
        "/mj-turbo" => "Turbo",
        _ => prefix.TrimStart('/'),
    };

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
        return new MjAuthenticationException($"{Url(response.Path)} answered {what}{Suffix(body)}. {advice}", _scheme, _keySent, null, body, response.StatusCode, response.Path);
    }

    /// <summary>new-api's <c>{description,type,code}</c> or OpenAI's <c>{error:{message}}</c>.</summary>
    private static string? ReadGatewayError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
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

    private static string? TextOf(byte[] body)
    {
        var text = body.Length == 0 ? null : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private string Preview(byte[] body) =>
        body.Length == 0 ? "(empty)" : "'" + _redactor.Redact(TextOf(body)) + (body.Length > 200 ? "…'" : "'");

    private static string Suffix(string? message) => string.IsNullOrEmpty(message) ? string.Empty : $": {message}";
}
