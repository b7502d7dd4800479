using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>
/// A server's answer went over one of <see cref="MjLimits"/> (too large, too many tasks or buttons): the module stopped
/// reading it. No real server answers so; it is not retried. The message names the server and the limit.
/// </summary>
public sealed class MjLimitException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjLimitException(string message, string limit, long maximum, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, null, null, statusCode, requestPath, innerException)
    {
        Limit = limit;
        Maximum = maximum;
        Advice = "No real midjourney-proxy answers so: the server (or something between it and you) is broken or hostile. Ask its administrator.";
    }

    /// <summary>The name of the limit in <see cref="MjLimits"/> (<c>MaxResponseBytes</c>, <c>MaxButtonsPerTask</c>...).</summary>
    public string Limit { get; }

    /// <summary>The limit's value.</summary>
    public long Maximum { get; }
}
