using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>New-MjEdit: edits an image with a prompt, or with -Retexture repaints its surfaces keeping its shapes.</summary>
[Cmdlet(VerbsCommon.New, "MjEdit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class NewMjEditCommand : MjSubmitCmdletBase
{
    /// <summary>What to change.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>Send the prompt as it is, without checking its Midjourney parameters (for parameters newer than this module).</summary>
    [Parameter]
    public SwitchParameter SkipParameterCheck { get; set; }

    /// <summary>The image: a path or http(s) URL.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string Image { get; set; } = string.Empty;

    /// <summary>Retexture instead of edit: keep the image's shapes and layout, repaint its surfaces and style (TrueAI).</summary>
    [Parameter]
    public SwitchParameter Retexture { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!TryResolveImages(new[] { Image }, nameof(Image), single: true, out var images))
        {
            return;
        }

        var options = Apply(new NewEditOptions { Prompt = Prompt, Image = images[0], SkipParameterCheck = SkipParameterCheck.IsPresent, Retexture = Retexture.IsPresent });
        var operation = new NewEditOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
