using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>The server failed (code 9, code 5, the <c>{success:false}</c> envelope, HTTP 5xx) or could not be reached.</summary>
public sealed class MjServerException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjServerException(string message, int? code, string? description, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, code, description, statusCode, requestPath, innerException)
    {
    }
}
