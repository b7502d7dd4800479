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

    public ErrorMapper(AuthScheme scheme, bool keySent, Redactor redactor)
    {
        _scheme = scheme;
        _keySent = keySent;
        _redactor = redactor;
    }

    /// <summary>True for envelope codes that mean "accepted" (1, 22) or "accepted, needs a modal" (21).</summary>
    public static bool IsAccepted(int code) => code is 1 or 21 or 22;

    /// <summary>True when the envelope says the queue is full: nothing was created.</summary>
    public static bool IsQueueFull(SubmitEnvelope envelope) =>
        envelope.Code is 23 or 30 || (envelope.Code == 9 && (envelope.Description ?? string.Empty).Contains(QueueFullText));

    /// <summary>The exception for an envelope whose code is not accepted.</summary>
    public MjApiException FromEnvelope(SubmitEnvelope envelope, MjHttpResponse response, string? taskId = null)
    {
        var description = _redactor.Redact(envelope.Description);
        var where = $"{response.Path} answered code {envelope.Code}: {description ?? "(no description)"}";
        MjApiException error = envelope.Code switch
        {
            3 => new MjNotFoundException($"{where}. The task or parent task does not exist on this server (or expired), or the server has no usable account.", taskId, envelope.Code, description, response.StatusCode, response.Path),
            4 when (description ?? string.Empty).IndexOf("task_no_found", StringComparison.OrdinalIgnoreCase) >= 0 =>
                new MjNotFoundException($"{where}. The task does not exist on this server.", taskId, envelope.Code, description, response.StatusCode, response.Path),
            4 => new MjValidationException($"{where}.", envelope.Code, description, response.StatusCode, response.Path),
            24 => new MjBannedPromptException(
                $"{where}. The prompt contains a banned word{(envelope.GetProperty("bannedWord") is { } word ? $" ('{word}')" : string.Empty)}; change the prompt, do not retry it.",
                envelope.GetProperty("bannedWord"), envelope.GetProperty("promptEn"), envelope.Code, description, response.StatusCode, response.Path),
            _ when IsQueueFull(envelope) => new MjServerBusyException($"{where}. The server's queue is full; nothing was created. Try again later.", envelope.Code, description, response.StatusCode, response.Path, response.RetryAfter),
            _ => new MjServerException($"{where}.", envelope.Code, description, response.StatusCode, response.Path),
        };
        error.Properties = envelope.Properties;
        return error;
    }

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
            var text = $"{response.Path} failed ({statusText}): {message ?? "(no message)"}.";
            return response.Status >= 500
                ? new MjServerException(text, -1, message, status, response.Path)
                : new MjValidationException(text + " The server could not read the request; check the parameters.", -1, message, status, response.Path);
        }

        var gatewayMessage = ReadGatewayError(response.Body);
        if ((int)status == 429)
        {
            return new MjServerBusyException($"{response.Path} answered {statusText}: the server is rate limiting{Suffix(gatewayMessage)}. Try again later.", null, gatewayMessage, status, response.Path, response.RetryAfter);
        }

        if (response.Status >= 500)
        {
            return new MjServerException($"{response.Path} answered {statusText}{Suffix(gatewayMessage)}.", null, gatewayMessage, status, response.Path);
        }

        if (status == HttpStatusCode.NotFound)
        {
            return new MjNotFoundException($"{response.Path} answered 404 Not Found: this server does not have that endpoint or task{Suffix(gatewayMessage)}.", taskId, null, gatewayMessage, status, response.Path);
        }

        if (response.Status >= 400)
        {
            return new MjValidationException($"{response.Path} answered {statusText}{Suffix(gatewayMessage)}.", null, gatewayMessage, status, response.Path);
        }

        return new MjProtocolException($"{response.Path} answered {statusText} with a body that is not the expected JSON: {Preview(response.Body)}", status, response.Path);
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
        return new MjAuthenticationException($"{response.Path} answered {what}{Suffix(body)}. {advice}", _scheme, _keySent, null, body, response.StatusCode, response.Path);
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
