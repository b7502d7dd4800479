using System;
using System.IO;
using System.Net;
using System.Net.Http;
using Midjourney.Client;

namespace Midjourney.PowerShell.Output;

/// <summary>Turns the client's exceptions into the module's error ids and categories (practices §3.9).</summary>
internal static class ErrorMapping
{
    /// <summary>True for exceptions that describe one failed item rather than a bug.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is MjException or ArgumentException or InvalidOperationException or HttpRequestException
            or IOException or UnauthorizedAccessException or TimeoutException or OperationCanceledException;

    /// <summary>The error for <paramref name="exception"/>, about <paramref name="target"/>.</summary>
    public static MjCommandError FromException(Exception exception, object? target)
    {
        switch (exception)
        {
            case ImagingUnavailableException imaging:
                return new(exception, MjErrorIds.ImagingUnavailable, MjErrorCategory.NotInstalled, target, imaging.Advice);
            case InvalidInputException input:
                return new(exception, MjErrorIds.InvalidInput, input.Category, input.Target ?? target);
            case BatchRowException:
                return Wrapped(exception, target, BatchRowException.CarryOn);
            case ModalStepFailedException modal:
                return Wrapped(exception, modal.Modal, modal.HowToFinish);
            case TaskFailedException { IsBannedPrompt: true } banned:
                return new(exception, MjErrorIds.BannedPrompt, MjErrorCategory.InvalidArgument, banned.Task, banned.Advice);
            case TaskFailedException failed:
                return new(exception, MjErrorIds.TaskFailed, MjErrorCategory.InvalidResult, failed.Task,
                    failed.Advice ?? $"See the task's FailReason; fix the prompt or input and submit again (task {failed.Task.Id}).");
            case MjNotSupportedException { NeedsAdministrator: true } adminOnly:
                return new(exception, MjErrorIds.ApiError, MjErrorCategory.PermissionDenied, target, adminOnly.Advice);
            case MjNotSupportedException unsupported:
                return new(exception, MjErrorIds.EndpointNotFound, MjErrorCategory.NotImplemented, target, unsupported.Advice);
            case MjNotFoundException { Subject: not "task" } other:
                return new(exception, MjErrorIds.NotFound, MjErrorCategory.ObjectNotFound, target, other.Advice);
            case MjNotFoundException missing when RouteMissing.Is(missing) && missing.TaskId is null:
                return new(exception, MjErrorIds.EndpointNotFound, MjErrorCategory.NotImplemented, target, missing.Advice);
            case MjNotFoundException missing:
                return new(exception, MjErrorIds.TaskNotFound, MjErrorCategory.ObjectNotFound, target,
                    missing.Advice ?? "Get-MjTask -Recent lists the tasks this computer submitted, each with its server.");
            case MjAuthenticationException auth:
                // The client's advice (how the key was sent, what to check) is said once, as the recommendation.
                return new(exception, MjErrorIds.AuthenticationFailed,
                    auth.StatusCode == HttpStatusCode.Forbidden ? MjErrorCategory.PermissionDenied : MjErrorCategory.AuthenticationError, target,
                    auth.Advice ?? "Connect-MjServer again with the right key and -AuthScheme; Test-MjServer -Uri <server> -ApiKey <key> tries each scheme.");
            case MjServerBusyException busy:
                return new(exception, MjErrorIds.ServerBusy, MjErrorCategory.LimitsExceeded, target,
                    (busy.Message.IndexOf("nothing was created", StringComparison.OrdinalIgnoreCase) >= 0 ? string.Empty : "Nothing was created. ")
                    + (busy.RetryAfter is TimeSpan wait ? $"Try again in {wait.TotalSeconds:0} s." : busy.Advice ?? "Try again later."));
            case MjBannedPromptException banned:
                return new(exception, MjErrorIds.BannedPrompt, MjErrorCategory.InvalidArgument, target, "Nothing was created. " + (banned.Advice ?? "Reword the prompt."));
            case MjLimitException limit:
                return new(exception, MjErrorIds.ServerError, MjErrorCategory.InvalidData, target, limit.Advice);
            case MjProtocolException:
                return new(exception, MjErrorIds.ServerError, MjErrorCategory.InvalidData, target);
            case MjServerException server:
                return new(exception, MjErrorIds.ServerError,
                    server.StatusCode is null ? MjErrorCategory.ConnectionError : MjErrorCategory.ResourceUnavailable, target, server.Advice);
            case MjApiException api:
                return new(exception, MjErrorIds.ApiError, CategoryOf(api.StatusCode), target, api.Advice);
            case MjAmbiguousSubmitException ambiguous:
                // The client's own sentence, so the message does not say it again.
                return new(exception, MjErrorIds.AmbiguousSubmit, MjErrorCategory.ConnectionError, target,
                    ambiguous.State is null ? "Check the server's task list before resubmitting." : $"Look for a task with state '{ambiguous.State}' (Get-MjTask -Recent, or the server's task list) before resubmitting.");
            case MjWaitTimeoutException timeout:
                return new(exception, MjErrorIds.WaitTimeout, MjErrorCategory.OperationTimeout, (object?)timeout.LastSeen ?? target,
                    $"Wait-MjTask -Id {timeout.TaskId} picks it up again.");
            case MjButtonNotFoundException:
                return new(exception, MjErrorIds.ButtonNotFound, MjErrorCategory.ObjectNotFound, target);
            case MjDownloadException download:
                return new(exception, MjErrorIds.DownloadFailed,
                    download.FilePath is not null && File.Exists(download.FilePath) ? MjErrorCategory.ResourceExists : MjErrorCategory.ResourceUnavailable,
                    target, download.FilePath is not null && File.Exists(download.FilePath) ? "Use -Force to overwrite." : null);
            case MjException:
                return new(exception, MjErrorIds.ApiError, MjErrorCategory.InvalidOperation, target);
            case ArgumentException:
                return new(exception, MjErrorIds.InvalidInput, MjErrorCategory.InvalidArgument, target);
            case InvalidOperationException:
                return new(exception, MjErrorIds.InvalidInput, MjErrorCategory.InvalidOperation, target);
            case HttpRequestException:
                return new(exception, MjErrorIds.ServerError, MjErrorCategory.ConnectionError, target);
            case TimeoutException or OperationCanceledException:
                return new(exception, MjErrorIds.ServerError, MjErrorCategory.OperationTimeout, target);
            case UnauthorizedAccessException:
                return new(exception, MjErrorIds.InvalidInput, MjErrorCategory.PermissionDenied, target);
            case IOException:
                return new(exception, MjErrorIds.InvalidInput, MjErrorCategory.ReadError, target);
            default:
                return new(exception, MjErrorIds.ApiError, MjErrorCategory.NotSpecified, target);
        }
    }

    /// <summary>
    /// The error of the cause <paramref name="exception"/> wraps (its id and category, about <paramref name="target"/>),
    /// for the wrapper, with <paramref name="extra"/> after the cause's advice.
    /// </summary>
    private static MjCommandError Wrapped(Exception exception, object? target, string extra)
    {
        var cause = FromException(exception.InnerException!, target);
        return new(exception, cause.ErrorId, cause.Category, target,
            (cause.RecommendedAction is null ? string.Empty : cause.RecommendedAction + " ") + extra);
    }

    /// <summary>An account, user or banned-word list the server does not have (MjNotFound, ObjectNotFound).</summary>
    public static MjCommandError NotFound(string message, string subject, object? target, string advice) =>
        FromException(new MjNotFoundException($"{message} {advice}", null, null, null, null, null) { Subject = subject, Advice = advice }, target);

    /// <summary>
    /// The error with its advice for a command that lets the user pick another speed mode as <paramref name="speedChoice"/>
    /// ("-Mode", "Mode column"; null: it cannot): the client's advice names a speed mode in general words where another
    /// one may help (no account free for this mode), and only a command with a way to choose one should name it.
    /// </summary>
    public static MjCommandError WithSpeedChoice(MjCommandError error, string? speedChoice)
    {
        for (var e = error.Exception; e is not null; e = e.InnerException)
        {
            if (e is MjApiException { Advice: { } advice } api && api.AdviceWithSpeed(speedChoice) is { } reworded
                && error.RecommendedAction is { } action && action.Contains(advice))
            {
                // The message holds the client's words; the recommendation the command's own: the advice is said once.
                return new MjCommandError(error.Exception, error.ErrorId, error.Category, error.Target, action.Replace(advice, reworded))
                {
                    ReplacedAdvice = advice,
                };
            }
        }

        return error;
    }

    /// <summary>An input error found before any request.</summary>
    public static MjCommandError InvalidInput(string message, object? target, MjErrorCategory category = MjErrorCategory.InvalidArgument) =>
        new(new InvalidInputException(message, target, category), MjErrorIds.InvalidInput, category, target);

    /// <summary>The category of an HTTP status (practices §3.9).</summary>
    public static MjErrorCategory CategoryOf(HttpStatusCode? status) => status switch
    {
        null => MjErrorCategory.InvalidOperation,
        HttpStatusCode.BadRequest => MjErrorCategory.InvalidArgument,
        HttpStatusCode.Unauthorized => MjErrorCategory.AuthenticationError,
        HttpStatusCode.Forbidden => MjErrorCategory.PermissionDenied,
        HttpStatusCode.NotFound => MjErrorCategory.ObjectNotFound,
        HttpStatusCode.Conflict => MjErrorCategory.ResourceExists,
        (HttpStatusCode)429 => MjErrorCategory.LimitsExceeded,
        HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => MjErrorCategory.OperationTimeout,
        _ when (int)status >= 500 => MjErrorCategory.ResourceUnavailable,
        _ => MjErrorCategory.InvalidOperation,
    };
}
