using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Get-MjAccount: the Midjourney accounts of a proxy's pool (TrueAI, Plus, novicezk), with what keeps each from work.
/// Secrets the server sends (tokens, cookies, logins, passwords, 2FA) are dropped while reading.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MjAccount")]
[OutputType(typeof(MjAccount))]
public sealed class GetMjAccountCommand : MjCmdletBase
{
    private AccountOperation _operation = null!;

    /// <summary>Only these accounts: ids or channel ids, wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [Alias("AccountId", "ChannelId")]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? Id { get; set; }

    /// <summary>Only enabled ($true) or disabled ($false) accounts.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(BooleanCompleter))]
    public bool? Enabled { get; set; }

    /// <summary>The server; default the session's. Get-MjServer | Get-MjAccount lists every server's accounts.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new AccountOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var options = new GetAccountOptions { Id = Id, Enabled = Enabled, Connection = Connection };
        RunOperation((output, token) => _operation.GetAsync(options, output, token));
    }
}
