using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>Get-MjServer: emits every registered connection, the default first.</summary>
internal sealed class GetServerOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public GetServerOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Emits the connections; with <paramref name="servers"/>, the one of each server (MjInvalidInput for a server not connected).</summary>
    public Task RunAsync(IReadOnlyList<Uri>? servers, ICommandOutput output, CancellationToken cancellationToken)
    {
        if (servers is null)
        {
            foreach (var connection in Session.Connections)
            {
                cancellationToken.ThrowIfCancellationRequested();
                output.WriteObject(connection);
            }

            return Task.CompletedTask;
        }

        foreach (var server in servers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Session.ForServer(server) is { } connection)
            {
                output.WriteObject(connection);
            }
            else
            {
                output.WriteError(NotConnected(server));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The error for a server that has no connection.</summary>
    internal static MjCommandError NotConnected(Uri server) => ErrorMapping.InvalidInput(
        $"No connection to {server} is registered. Get-MjServer lists the connections; Connect-MjServer -Uri {server} makes one.", server, MjErrorCategory.ObjectNotFound);
}
