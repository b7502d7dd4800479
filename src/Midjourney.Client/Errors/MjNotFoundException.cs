using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>
/// A task (or parent task) does not exist on this server: code 3, fetch answered 204 / empty 200 /
/// <c>task_no_found</c>, or no usable account (code 3 "无可用的账号实例"). The admin API raises it too for an account,
/// user or banned-word list the server does not have (<see cref="Subject"/>).
/// </summary>
public sealed class MjNotFoundException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjNotFoundException(string message, string? taskId, int? code, string? description, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, code, description, statusCode, requestPath, innerException)
    {
        TaskId = taskId;
    }

    /// <summary>The id that was not found, when known.</summary>
    public string? TaskId { get; }

    /// <summary>What was not found: <c>task</c> (the default), or <c>account</c>, <c>user</c>, <c>banned-word list</c>.</summary>
    public string Subject { get; init; } = "task";
}
