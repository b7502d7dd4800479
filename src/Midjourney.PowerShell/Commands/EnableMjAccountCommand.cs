using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>Enable-MjAccount: lets the server use accounts again (TrueAI connects them at its next routine check, within a minute).</summary>
[Cmdlet(VerbsLifecycle.Enable, "MjAccount", DefaultParameterSetName = AccountSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjAccount))]
public sealed class EnableMjAccountCommand : MjAccountChangeCommand
{
    /// <summary>Emit each account as the server has it afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    internal override AccountChange Change => AccountChange.Enable;

    /// <inheritdoc />
    internal override bool PassThruRequested => PassThru.IsPresent;
}
