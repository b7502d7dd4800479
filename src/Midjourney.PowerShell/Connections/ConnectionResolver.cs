using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Connections;

/// <summary>
/// Picks the connection for a request: the explicit <c>-Connection</c>; else the one registered for the piped
/// task's server (for a bare id, the server the journal says made it); else the session default; else one from the
/// MJ_* variables; else a terminating MjNotConnected.
/// </summary>
internal sealed class ConnectionResolver
{
    private readonly MjSession _session;

    /// <summary>Creates a resolver over a session.</summary>
    public ConnectionResolver(MjSession session) => _session = session ?? throw new ArgumentNullException(nameof(session));

    /// <summary>The connection to use; throws <see cref="MjTerminatingException"/> (MjNotConnected) when there is none.</summary>
    public MjConnection Resolve(MjConnection? explicitConnection, Uri? server = null) =>
        TryResolve(explicitConnection, server) ?? throw ResolveFailure();

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

    /// <summary>The connection of one task id: see <see cref="ForTasksAsync"/>.</summary>
    public async Task<MjConnection> ForTaskAsync(MjConnection? explicitConnection, string id, ICommandOutput output, CancellationToken cancellationToken) =>
        (await ForTasksAsync(explicitConnection, new[] { id }, output, cancellationToken).ConfigureAwait(false))[0].Connection;

    /// <summary>
    /// The connection of each task id, grouped, in the order ids first appear: the explicit <c>-Connection</c>; else
    /// the registered connection of the server the journal says made the task, as <c>Get-MjTask -Recent</c> routes;
    /// else the default. A task made on a server that is not connected is asked of the default, with a warning.
    /// </summary>
    public async Task<IReadOnlyList<(MjConnection Connection, List<string> Ids)>> ForTasksAsync(
        MjConnection? explicitConnection, IReadOnlyList<string> ids, ICommandOutput output, CancellationToken cancellationToken)
    {
        if (explicitConnection is not null)
        {
            return new[] { (explicitConnection, ids.ToList()) };
        }

        var made = await ServersFromJournalsAsync(ids, output, cancellationToken).ConfigureAwait(false);
        var groups = new List<(MjConnection Connection, List<string> Ids)>();
        foreach (var id in ids)
        {
            MjConnection? connection = null;
            if (made.TryGetValue(id, out var server))
            {
                connection = _session.ForServer(server);
                if (connection is null)
                {
                    output.WriteWarning($"The journal says task {id} was made on {server}, which is not connected; asking the default server. "
                        + $"Connect-MjServer -Uri {server.AbsoluteUri.TrimEnd('/')} to reach it.");
                }
            }

            connection ??= Resolve(null);
            var index = groups.FindIndex(g => g.Connection == connection);
            if (index < 0)
            {
                groups.Add((connection, new List<string>()));
                index = groups.Count - 1;
            }

            groups[index].Ids.Add(id);
        }

        return groups;
    }

    /// <summary>The server of each id the journals of the registered connections know (the default's journal first).</summary>
    private async Task<Dictionary<string, Uri>> ServersFromJournalsAsync(IReadOnlyList<string> ids, ICommandOutput output, CancellationToken cancellationToken)
    {
        var servers = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var journals = _session.Connections.Select(c => c.Client.Journal).Where(j => j is not null)
            .GroupBy(j => j!.Path, StringComparer.Ordinal).Select(g => g.First()!).ToList();
        foreach (var journal in journals)
        {
            var missing = ids.Where(id => !servers.ContainsKey(id)).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            try
            {
                foreach (var pair in await journal.FindAllAsync(missing, cancellationToken).ConfigureAwait(false))
                {
                    if (Uri.TryCreate(pair.Value.Server, UriKind.Absolute, out var server))
                    {
                        servers[pair.Key] = server;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                output.WriteVerbose($"Could not read the journal {journal.Path} to find the tasks' server: {e.Message}");
            }
        }

        return servers;
    }

    /// <summary>The terminating error for a missing connection (when <see cref="TryResolve"/> gave null).</summary>
    public MjTerminatingException ResolveFailure() => NotConnected(null, _session.Connections);

    /// <summary>The terminating error for a missing connection.</summary>
    public static MjTerminatingException NotConnected(Exception? cause) => NotConnected(cause, Array.Empty<MjConnection>());

    private static MjTerminatingException NotConnected(Exception? cause, IReadOnlyList<MjConnection> registered)
    {
        if (registered.Count > 0)
        {
            // Disconnect-MjServer of the default leaves none: say which servers are still there.
            var first = registered[0].Uri.AbsoluteUri.TrimEnd('/');
            return new MjTerminatingException(new MjCommandError(
                new InvalidOperationException($"No connection is the default: the default was disconnected. Still connected: {string.Join(", ", registered.Select(c => c.Uri.AbsoluteUri))}", cause),
                MjErrorIds.NotConnected, MjErrorCategory.ConnectionError, null,
                $"Give -Connection {first} (Tab completes the connected servers), or make one the default again with Connect-MjServer -Uri {first}."));
        }

        var message = "Not connected to a Midjourney proxy server. Run Connect-MjServer -Uri <server> -ApiKey <key>, "
            + $"or set {MjSession.BaseUrlVariable} (and {MjSession.ApiKeyVariable}, {MjSession.AuthSchemeVariable})."
            + (cause is null ? string.Empty : " " + cause.Message);
        return new MjTerminatingException(new MjCommandError(
            new InvalidOperationException(message, cause), MjErrorIds.NotConnected, MjErrorCategory.ConnectionError, null,
            "Connect-MjServer -Uri https://your-proxy.example -ApiKey (Read-Host -AsSecureString)"));
    }
}
