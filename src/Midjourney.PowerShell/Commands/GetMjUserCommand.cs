using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>Get-MjUser: the users of a TrueAI proxy and their limits; their tokens are dropped while reading.</summary>
[Cmdlet(VerbsCommon.Get, "MjUser", DefaultParameterSetName = NameSet)]
[OutputType(typeof(MjUser))]
public sealed class GetMjUserCommand : MjCmdletBase
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";

    /// <summary>Only users with these names, wildcards allowed.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? Name { get; set; }

    /// <summary>Only the users with these ids.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("UserId")]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[] Id { get; set; } = null!;

    /// <summary>The server; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var operation = new UserOperation(Session);
        var options = new GetUserOptions { Name = Name, Id = ParameterSetName == IdSet ? Id : null, Connection = Connection };
        RunOperation((output, token) => operation.GetAsync(options, output, token));
    }
}
