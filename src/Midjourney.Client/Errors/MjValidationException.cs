using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>The server rejected the input (code 4): empty prompt, bad base64, parent not finished, unknown action.</summary>
public sealed class MjValidationException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjValidationException(string message, int? code, string? description, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, code, description, statusCode, requestPath, innerException)
    {
    }
}
