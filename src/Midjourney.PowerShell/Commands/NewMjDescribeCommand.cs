using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>New-MjDescribe: asks for four prompts that describe an image.</summary>
[Cmdlet(VerbsCommon.New, "MjDescribe", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class NewMjDescribeCommand : MjSubmitCmdletBase
{
    /// <summary>An image path or http(s) URL.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Path", "FullName")]
    [AllowEmptyString]
    public string Image { get; set; } = string.Empty;

    /// <summary>Which bot describes it.</summary>
    [Parameter]
    public BotType BotType { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (string.IsNullOrWhiteSpace(Image))
        {
            // A blank line of Get-Content images.txt: the module's own error, like any other bad input.
            WriteError(ToErrorRecord(ErrorMapping.InvalidInput("-Image is empty. Give an image path or an http(s) URL.", Image)));
            return;
        }

        if (!TryResolveImages(new[] { Image }, nameof(Image), single: true, out var images))
        {
            return;
        }

        var options = Apply(new NewDescribeOptions { Image = images[0], BotType = BotType });
        var operation = new NewDescribeOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
