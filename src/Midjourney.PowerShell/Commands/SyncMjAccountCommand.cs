using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>Sync-MjAccount: refreshes accounts' Midjourney info and settings, or with -Reconnect drops and restarts their connection.</summary>
[Cmdlet(VerbsData.Sync, "MjAccount", DefaultParameterSetName = AccountSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjAccount))]
public sealed class SyncMjAccountCommand : MjAccountChangeCommand
{
    /// <summary>Drop and restart each account's connection instead (TrueAI, Plus; Plus loses the account's unfinished jobs).</summary>
    [Parameter]
    public SwitchParameter Reconnect { get; set; }

    /// <summary>Emit each account as the server has it afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    internal override AccountChange Change => Reconnect.IsPresent ? AccountChange.Reconnect : AccountChange.Sync;

    /// <inheritdoc />
    internal override bool PassThruRequested => PassThru.IsPresent;
}
