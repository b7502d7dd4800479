using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>New-MjImagine: submits a text-to-image job.</summary>
[Cmdlet(VerbsCommon.New, "MjImagine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class NewMjImagineCommand : MjSubmitCmdletBase
{
    /// <summary>The prompt, with any Midjourney parameters.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>Image prompts: paths or http(s) URLs.</summary>
    [Parameter]
    public string[]? Image { get; set; }

    /// <summary>Which bot renders it.</summary>
    [Parameter]
    public BotType BotType { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!TryResolveImages(Image, nameof(Image), single: false, out var images))
        {
            return;
        }

        var options = Apply(new NewImagineOptions { Prompt = Prompt, Images = images, BotType = BotType });
        var operation = new NewImagineOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
