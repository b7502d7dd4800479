using System;
using System.Management.Automation;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Disconnect-MjServer: forgets a connection (default: the session default), given as an object or by its server's URI.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "MjServer", DefaultParameterSetName = ConnectionSet)]
public sealed class DisconnectMjServerCommand : MjCmdletBase
{
    private const string ConnectionSet = "Connection";
    private const string UriSet = "Uri";

    /// <summary>The connection to forget; default the session default.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = ConnectionSet)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <summary>The server whose connection to forget (as given to Connect-MjServer -Uri).</summary>
    [Parameter(Mandatory = true, ParameterSetName = UriSet)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    public Uri Uri { get; set; } = null!;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var operation = new DisconnectServerOperation(Session);
        if (ParameterSetName == UriSet)
        {
            RunOperation((output, token) => operation.RunAsync(Uri, output, token));
            return;
        }

        RunOperation((output, token) => operation.RunAsync(Connection, output, token));
    }
}
