using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>Disable-MjAccount: stops the server from using accounts; the account is sent back as read with enable false, so nothing else changes.</summary>
[Cmdlet(VerbsLifecycle.Disable, "MjAccount", DefaultParameterSetName = AccountSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjAccount))]
public sealed class DisableMjAccountCommand : MjAccountChangeCommand
{
    /// <summary>Emit each account as the server has it afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    internal override AccountChange Change => AccountChange.Disable;

    /// <inheritdoc />
    internal override bool PassThruRequested => PassThru.IsPresent;
}
