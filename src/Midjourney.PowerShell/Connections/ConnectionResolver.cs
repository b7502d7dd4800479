using System;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Connections;

/// <summary>
/// Picks the connection for a request: the explicit <c>-Connection</c>; else the one registered for the piped
/// task's server; else the session default; else one from the MJ_* variables; else a terminating MjNotConnected.
/// </summary>
internal sealed class ConnectionResolver
{
    private readonly MjSession _session;

    /// <summary>Creates a resolver over a session.</summary>
    public ConnectionResolver(MjSession session) => _session = session ?? throw new ArgumentNullException(nameof(session));

    /// <summary>The connection to use; throws <see cref="MjTerminatingException"/> (MjNotConnected) when there is none.</summary>
    public MjConnection Resolve(MjConnection? explicitConnection, Uri? server = null) =>
        TryResolve(explicitConnection, server) ?? throw NotConnected(null);

    /// <summary>The connection to use, or null when there is none.</summary>
    public MjConnection? TryResolve(MjConnection? explicitConnection, Uri? server = null)
    {
        if (explicitConnection is not null)
        {
            return explicitConnection;
        }

        var connection = _session.ForServer(server) ?? _session.Default;
        if (connection is not null)
        {
            return connection;
        }

        try
        {
            return _session.EnvironmentConnection();
        }
        catch (ArgumentException e)
        {
            throw NotConnected(e);
        }
    }

    /// <summary>The terminating error for a missing connection (when <see cref="TryResolve"/> gave null).</summary>
    public MjTerminatingException ResolveFailure() => NotConnected(null);

    /// <summary>The terminating error for a missing connection.</summary>
    public static MjTerminatingException NotConnected(Exception? cause)
    {
        var message = "Not connected to a Midjourney proxy server. Run Connect-MjServer -Uri <server> -ApiKey <key>, "
            + $"or set {MjSession.BaseUrlVariable} (and {MjSession.ApiKeyVariable}, {MjSession.AuthSchemeVariable})."
            + (cause is null ? string.Empty : " " + cause.Message);
        return new MjTerminatingException(new MjCommandError(
            new InvalidOperationException(message, cause), MjErrorIds.NotConnected, MjErrorCategory.ConnectionError, null,
            "Connect-MjServer -Uri https://your-proxy.example -ApiKey (Read-Host -AsSecureString)"));
    }
}
