using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// The base of Enable-, Disable-, Sync- and Remove-MjAccount: accounts from Get-MjAccount (each on its own server) or
/// ids, ShouldProcess for each, and what the flavour and key allow asked before anything is sent.
/// </summary>
public abstract class MjAccountChangeCommand : MjCmdletBase
{
    /// <summary>The parameter set of accounts given as objects.</summary>
    protected const string AccountSet = "Account";

    /// <summary>The parameter set of accounts given by id.</summary>
    protected const string IdSet = "Id";

    private AccountOperation _operation = null!;

    /// <summary>Accounts, usually from Get-MjAccount.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = AccountSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjAccount[] Account { get; set; } = null!;

    /// <summary>Account ids (TrueAI: the GUID of Get-MjAccount's Id; novicezk: the channel id).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("AccountId")]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[] Id { get; set; } = null!;

    /// <summary>The connection; default the account's server, else the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <summary>What this cmdlet does to each account.</summary>
    internal abstract AccountChange Change { get; }

    /// <summary>Emit each account afterwards (not for a removal).</summary>
    internal virtual bool PassThruRequested => false;

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new AccountOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var options = new ChangeAccountOptions { Change = Change, PassThru = PassThruRequested, Connection = Connection };
        if (ParameterSetName == AccountSet)
        {
            foreach (var account in Account)
            {
                if (account is not null)
                {
                    RunOperation((output, token) => _operation.ChangeAsync(account, options, output, token));
                }
            }

            return;
        }

        foreach (var id in Id)
        {
            RunOperation((output, token) => _operation.ChangeAsync(id ?? string.Empty, options, output, token));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing() => RunOperation((output, token) => _operation.RefreshCapacityAsync(output, token));
}
