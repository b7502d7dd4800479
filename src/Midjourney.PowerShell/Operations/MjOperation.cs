using System;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// The base of the cmdlets' logic. No PowerShell types: operations talk to the world only through
/// <see cref="ICommandOutput"/>, so they run under xunit against a simulator.
/// </summary>
internal abstract class MjOperation
{
    /// <summary>Creates the operation over a session.</summary>
    protected MjOperation(MjSession session)
    {
        Session = session ?? throw new ArgumentNullException(nameof(session));
        Connections = new ConnectionResolver(session);
    }

    /// <summary>The connection registry.</summary>
    protected MjSession Session { get; }

    /// <summary>Picks connections.</summary>
    protected ConnectionResolver Connections { get; }

    /// <summary>Runs <paramref name="body"/> with the client's trace lines going to the verbose stream of <paramref name="output"/>.</summary>
    protected static async Task RunAsync(ICommandOutput output, Func<Task> body)
    {
        using (TraceRouter.Attach(output))
        {
            await body().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one item: an expected failure becomes a non-terminating error about <paramref name="target"/> and false
    /// is returned; cancellation by the caller and terminating errors pass through.
    /// </summary>
    protected static async Task<bool> TryItemAsync(ICommandOutput output, object? target, Func<Task> item, CancellationToken cancellationToken)
    {
        try
        {
            await item().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (IsItemFailure(e, cancellationToken))
        {
            output.WriteError(ErrorMapping.FromException(e, target));
            return false;
        }
    }

    /// <summary>True for a failure of one item (not a stop by the user, not a terminating error, not a bug).</summary>
    protected static bool IsItemFailure(Exception e, CancellationToken cancellationToken) =>
        ErrorMapping.IsExpected(e) && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
