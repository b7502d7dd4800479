using System;
using System.Management.Automation;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Get-MjServer: lists the registered connections (never their keys), or the ones for the given servers.</summary>
[Cmdlet(VerbsCommon.Get, "MjServer")]
[OutputType(typeof(MjConnection))]
public sealed class GetMjServerCommand : MjCmdletBase
{
    /// <summary>Only the connections to these servers (as given to Connect-MjServer -Uri).</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    public Uri[]? Uri { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var operation = new GetServerOperation(Session);
        RunOperation((output, token) => operation.RunAsync(Uri, output, token));
    }
}
