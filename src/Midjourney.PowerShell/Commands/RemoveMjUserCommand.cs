using System.Management.Automation;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>Remove-MjUser: removes TrueAI users (their tokens stop working). ConfirmImpact High.</summary>
[Cmdlet(VerbsCommon.Remove, "MjUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveMjUserCommand : MjCmdletBase
{
    private UserOperation _operation = null!;

    /// <summary>The users' ids, usually from Get-MjUser.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[] Id { get; set; } = null!;

    /// <summary>The server; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new UserOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            RunOperation((output, token) => _operation.RemoveAsync(id ?? string.Empty, Connection, output, token));
        }
    }
}
