using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>
/// A task (or parent task) does not exist on this server: code 3, fetch answered 204 / empty 200 /
/// <c>task_no_found</c>, or no usable account (code 3 "无可用的账号实例").
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
}
