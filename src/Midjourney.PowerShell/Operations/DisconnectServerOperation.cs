using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>Disconnect-MjServer: forgets a connection (default: the session default) and frees it.</summary>
internal sealed class DisconnectServerOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public DisconnectServerOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>
    /// Removes <paramref name="connection"/>, or the default when null; none at all is a non-terminating MjNotConnected,
    /// as -Uri of a server not connected is, so a clean-up's <c>-ErrorAction SilentlyContinue</c> quiets it (a terminating
    /// error ignores -ErrorAction).
    /// </summary>
    public Task RunAsync(MjConnection? connection, ICommandOutput output, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var target = connection ?? Session.Default;
        if (target is null)
        {
            output.WriteError(ConnectionResolver.NotConnected(null).Error);
            return Task.CompletedTask;
        }

        var wasDefault = target == Session.Default;
        if (Session.Remove(target))
        {
            output.WriteVerbose($"Disconnected from {target.Uri}.");
            WarnOpenTasks(target, output);
            var others = Session.Connections;
            if (wasDefault && others.Count > 0)
            {
                // No other server becomes the default silently: the next paid job would go there.
                output.WriteWarning($"No connection is the default now (still connected: {string.Join(", ", others.Select(c => c.Uri.AbsoluteUri))}): "
                    + $"commands without -Connection stop with MjNotConnected until Connect-MjServer makes one the default, e.g. Connect-MjServer -Uri {others[0].Uri.AbsoluteUri.TrimEnd('/')}.");
            }
        }
        else
        {
            output.WriteWarning($"The connection to {target.Uri} was not registered (already disconnected).");
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Tasks this session emitted from the server unfinished go on there (and are paid for), but nothing here follows
    /// them any more: a Wait-MjTask, Invoke-MjButton or Save-MjImage still to come in the pipeline stops with
    /// MjNotConnected. Says so, and how to pick them up again.
    /// </summary>
    private static void WarnOpenTasks(MjConnection target, ICommandOutput output)
    {
        var open = target.OpenTasks;
        if (open.Count == 0)
        {
            return;
        }

        const int Shown = 5;
        var server = target.Uri.AbsoluteUri.TrimEnd('/');
        var ids = string.Join(", ", open.Take(Shown)) + (open.Count > Shown ? $" and {open.Count - Shown} more" : string.Empty);
        var one = open.Count == 1;
        output.WriteWarning($"Disconnected from {server} while {open.Count} task{(one ? string.Empty : "s")} this session last saw unfinished there may still be running ({ids}). "
            + $"{(one ? "It goes" : "They go")} on on the server and {(one ? "is" : "are")} paid for, but nothing here follows {(one ? "it" : "them")} any more: "
            + "commands still to come in this pipeline that use this server (Wait-MjTask, Invoke-MjButton, Save-MjImage...) stop with MjNotConnected. "
            + $"To pick {(one ? "it" : "them")} up again: Connect-MjServer -Uri {server}, then Get-MjTask -Id {string.Join(",", open.Take(Shown))} | Wait-MjTask.");
    }

    /// <summary>Removes the connection to <paramref name="server"/>; MjInvalidInput when there is none.</summary>
    public Task RunAsync(Uri server, ICommandOutput output, CancellationToken cancellationToken)
    {
        if (Session.ForServer(server) is { } connection)
        {
            return RunAsync(connection, output, cancellationToken);
        }

        output.WriteError(GetServerOperation.NotConnected(server));
        return Task.CompletedTask;
    }
}
