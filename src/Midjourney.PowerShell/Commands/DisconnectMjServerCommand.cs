using System.Management.Automation;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Disconnect-MjServer: forgets a connection (default: the session default).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "MjServer")]
public sealed class DisconnectMjServerCommand : MjCmdletBase
{
    /// <summary>The connection to forget; default the session default.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var operation = new DisconnectServerOperation(Session);
        RunOperation((output, token) => operation.RunAsync(Connection, output, token));
    }
}
