using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>The server answered with something that is not the expected JSON (truncated, HTML, wrong shape).</summary>
public sealed class MjProtocolException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjProtocolException(string message, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, null, null, statusCode, requestPath, innerException)
    {
    }
}
