using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>
/// The server cannot do what was asked: it has no such endpoint (novicezk and gateways have no cancel), or only its
/// administrator may use it (TrueAI's cancel). <see cref="MjApiException.Advice"/> says what to do instead.
/// </summary>
public sealed class MjNotSupportedException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjNotSupportedException(string message, bool needsAdministrator, string? description, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, null, description, statusCode, requestPath, innerException)
    {
        NeedsAdministrator = needsAdministrator;
    }

    /// <summary>True when the server has the endpoint but lets only its administrator's key use it.</summary>
    public bool NeedsAdministrator { get; }
}
