using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>The server's queue is full or it is rate limiting (23, 9 "队列已满", 30, HTTP 429). Nothing was created; try again later.</summary>
public sealed class MjServerBusyException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjServerBusyException(string message, int? code, string? description, HttpStatusCode? statusCode, string? requestPath, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, code, description, statusCode, requestPath, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
