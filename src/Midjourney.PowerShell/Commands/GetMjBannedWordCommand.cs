using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>Get-MjBannedWord: the banned-word lists of a TrueAI proxy.</summary>
[Cmdlet(VerbsCommon.Get, "MjBannedWord")]
[OutputType(typeof(MjBannedWord))]
public sealed class GetMjBannedWordCommand : MjCmdletBase
{
    /// <summary>Only the lists that hold this word (without case).</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Word { get; set; }

    /// <summary>Only lists with these names, wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? Name { get; set; }

    /// <summary>Only the lists with these ids.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? Id { get; set; }

    /// <summary>The server; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var operation = new BannedWordOperation(Session);
        var options = new GetBannedWordOptions { Word = Word, Name = Name, Id = Id, Connection = Connection };
        RunOperation((output, token) => operation.GetAsync(options, output, token));
    }
}
