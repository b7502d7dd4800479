using System.Management.Automation;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Remove-MjAccount: removes accounts from the server's pool. ConfirmImpact High: the account's configuration (and its
/// token, kept only by the server) is gone; adding it back needs the token again.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MjAccount", DefaultParameterSetName = AccountSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveMjAccountCommand : MjAccountChangeCommand
{
    /// <inheritdoc />
    internal override AccountChange Change => AccountChange.Remove;
}
