using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>New-MjShorten: asks for shorter versions of a prompt.</summary>
[Cmdlet(VerbsCommon.New, "MjShorten", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class NewMjShortenCommand : MjSubmitCmdletBase
{
    /// <summary>The prompt to shorten.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>Which bot analyses it.</summary>
    [Parameter]
    public BotType BotType { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var options = Apply(new NewShortenOptions { Prompt = Prompt, BotType = BotType });
        var operation = new NewShortenOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
