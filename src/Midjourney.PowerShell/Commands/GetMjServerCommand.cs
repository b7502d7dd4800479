using System.Management.Automation;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Get-MjServer: lists the registered connections (never their keys).</summary>
[Cmdlet(VerbsCommon.Get, "MjServer")]
[OutputType(typeof(MjConnection))]
public sealed class GetMjServerCommand : MjCmdletBase
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var operation = new GetServerOperation(Session);
        RunOperation((output, token) => operation.RunAsync(output, token));
    }
}
