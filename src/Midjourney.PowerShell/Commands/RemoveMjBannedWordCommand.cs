using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Remove-MjBannedWord: removes banned-word lists of a TrueAI proxy, or with -Word only those words from them.
/// ConfirmImpact Medium: a list is quickly made again, and moderation scripts should not be asked each time.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MjBannedWord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjBannedWord))]
public sealed class RemoveMjBannedWordCommand : MjCmdletBase
{
    private BannedWordOperation _operation = null!;

    /// <summary>The lists' ids, usually from Get-MjBannedWord.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[] Id { get; set; } = null!;

    /// <summary>Remove only these words from the lists (the lists stay, and are emitted).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? Word { get; set; }

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
        foreach (var id in Id)
        {
            RunOperation((output, token) => _operation.RemoveAsync(id ?? string.Empty, Word, Connection, output, token));
        }
    }
}
