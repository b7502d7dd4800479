using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>New-MjBlend: blends 2 to 5 images.</summary>
[Cmdlet(VerbsCommon.New, "MjBlend", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class NewMjBlendCommand : MjSubmitCmdletBase
{
    /// <summary>2 to 5 image paths or http(s) URLs.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateCount(2, 5)]
    public string[] Image { get; set; } = null!;

    /// <summary>The result's aspect.</summary>
    [Parameter]
    public BlendDimensions Dimensions { get; set; }

    /// <summary>Which bot renders it.</summary>
    [Parameter]
    public BotType BotType { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!TryResolveImages(Image, nameof(Image), single: true, out var images))
        {
            return;
        }

        var options = Apply(new NewBlendOptions { Images = images, Dimensions = Dimensions, BotType = BotType });
        var operation = new NewBlendOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
