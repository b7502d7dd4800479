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

    /// <summary>Emits the connections.</summary>
    public Task RunAsync(ICommandOutput output, CancellationToken cancellationToken)
    {
        foreach (var connection in Session.Connections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.WriteObject(connection);
        }

        return Task.CompletedTask;
    }
}
