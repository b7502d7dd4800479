using System;
using System.Net;
using System.Net.Sockets;

namespace Midjourney.Client;

/// <summary>Tells a failure to connect (nothing was sent, so a submit may be retried) from a failure mid-exchange.</summary>
internal static class ConnectFailures
{
    public static bool IsBeforeSend(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData)
            {
                return true;
            }

            // .NET Framework (Windows PowerShell 5.1) reports the same through WebException.
            if (e is WebException web && web.Status is WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure)
            {
                return true;
            }
        }

        return false;
    }
}
