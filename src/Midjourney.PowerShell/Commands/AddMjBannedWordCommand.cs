using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Add-MjBannedWord: bans words on a TrueAI proxy: into a list piped from Get-MjBannedWord (-Id), or as a new list.
/// TrueAI then accepts a prompt with one of them and fails it with "可能包含敏感词".
/// </summary>
[Cmdlet(VerbsCommon.Add, "MjBannedWord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjBannedWord))]
public sealed class AddMjBannedWordCommand : MjCmdletBase
{
    private BannedWordOperation _operation = null!;

    /// <summary>The words to ban (whole words, any case).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[] Word { get; set; } = null!;

    /// <summary>The list to add them to (from Get-MjBannedWord); without it a new list is made.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Id { get; set; }

    /// <summary>The new list's name (or a new name for the list of -Id).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Name { get; set; }

    /// <summary>The list's description.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Description { get; set; }

    /// <summary>The server; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new BannedWordOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var options = new AddBannedWordOptions { Word = Word, Id = Id, Name = Name, Description = Description, Connection = Connection };
        RunOperation((output, token) => _operation.AddAsync(options, output, token));
    }
}
