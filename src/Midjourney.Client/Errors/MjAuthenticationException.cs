using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>HTTP 401 or 403: the key, or the way it was sent, was not accepted.</summary>
public sealed class MjAuthenticationException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjAuthenticationException(string message, AuthScheme scheme, bool keySent, int? code, string? description, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, code, description, statusCode, requestPath, innerException)
    {
        Scheme = scheme;
        KeySent = keySent;
    }

    /// <summary>The scheme the key was sent with.</summary>
    public AuthScheme Scheme { get; }

    /// <summary>False when no key was configured, so none was sent.</summary>
    public bool KeySent { get; }
}
