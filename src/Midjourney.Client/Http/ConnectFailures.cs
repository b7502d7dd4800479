using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly.Timeout;

namespace Midjourney.Client;

/// <summary>How a request failed below HTTP.</summary>
internal enum TransportFailureKind
{
    /// <summary>Reset, cut or garbled mid-exchange: the request may have reached the server.</summary>
    Broken,

    /// <summary>Nothing listens at the address (connection refused, host or network unreachable).</summary>
    Refused,

    /// <summary>The host name could not be resolved.</summary>
    NameNotFound,

    /// <summary>The TLS handshake failed (for example https:// to a plain-HTTP server).</summary>
    Tls,

    /// <summary>No answer within the attempt timeout: the request may have reached the server.</summary>
    Timeout,
}

/// <summary>
/// Tells a failure to connect (nothing was sent, so a submit may be retried and is never ambiguous) from a failure
/// mid-exchange, and says each in words that name the server and what to do.
/// </summary>
internal static class ConnectFailures
{
    /// <summary>True when the request cannot have left this computer: refused, unknown host, failed TLS handshake.</summary>
    public static bool IsBeforeSend(Exception exception) => Classify(exception) is not (TransportFailureKind.Broken or TransportFailureKind.Timeout);

    /// <summary>True for failures that do not heal within seconds (a typo, a wrong scheme): retrying only delays the message.</summary>
    public static bool IsPermanent(Exception exception) => Classify(exception) is TransportFailureKind.NameNotFound or TransportFailureKind.Tls;

    public static TransportFailureKind Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutRejectedException or TimeoutException:
                    return TransportFailureKind.Timeout;
                case AuthenticationException:
                    return TransportFailureKind.Tls;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return TransportFailureKind.NameNotFound;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return TransportFailureKind.Refused;

                // .NET Framework (Windows PowerShell 5.1) reports the same through WebException.
                case WebException { Status: WebExceptionStatus.NameResolutionFailure }:
                    return TransportFailureKind.NameNotFound;
                case WebException { Status: WebExceptionStatus.ConnectFailure }:
                    return TransportFailureKind.Refused;
                case WebException { Status: WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure }:
                    return TransportFailureKind.Tls;
            }
        }

        return TransportFailureKind.Broken;
    }

    /// <summary>One sentence of what happened, naming the server (<paramref name="server"/>) and the request.</summary>
    public static string Describe(Exception exception, Uri server, string request)
    {
        var root = server.AbsoluteUri.TrimEnd('/');
        var detail = (exception is TimeoutRejectedException ? "no answer within the attempt timeout" : exception.GetBaseException().Message).TrimEnd('.', ' ');
        return Classify(exception) switch
        {
            TransportFailureKind.Refused => $"Could not connect to {root}: {detail}. Nothing was sent.",
            TransportFailureKind.NameNotFound => $"Could not find the host '{server.Host}' of {root} (the DNS lookup failed: {detail}). Nothing was sent.",
            TransportFailureKind.Tls => $"Could not make a secure (https) connection to {root}: the TLS handshake failed ({detail}). Nothing was sent.",
            TransportFailureKind.Timeout => $"{root} did not answer {request} in time ({detail}).",
            _ => $"The connection to {root} broke during {request}: {detail}.",
        };
    }

    /// <summary>What to do about it; <paramref name="checking"/> for the server check itself, which must not send the user to run it.</summary>
    public static string Advice(Exception exception, Uri server, bool checking = false) => Classify(exception) switch
    {
        TransportFailureKind.Refused => checking
            ? "Check that the proxy is running and that the host and port of -Uri are right."
            : $"Check that the proxy is running and that the host and port of -Uri are right (Test-MjServer {server.AbsoluteUri.TrimEnd('/')} checks it).",
        TransportFailureKind.NameNotFound => "Check the spelling of the host name in -Uri, and the network or DNS of this computer.",
        TransportFailureKind.Tls => server.Scheme == Uri.UriSchemeHttps
            ? $"If the server speaks plain HTTP, use http://{server.Authority}; otherwise check its certificate and TLS settings."
            : "Check the TLS settings between this computer and the server.",
        TransportFailureKind.Timeout => "The server is slow or overloaded; try again later.",
        _ => "Try again; if it keeps happening, check the network and any proxy in between.",
    };
}
