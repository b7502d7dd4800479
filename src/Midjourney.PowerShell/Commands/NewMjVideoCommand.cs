using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>New-MjVideo: makes a video from an image.</summary>
[Cmdlet(VerbsCommon.New, "MjVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class NewMjVideoCommand : MjSubmitCmdletBase
{
    private int? _batchSize;

    /// <summary>The prompt.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>Send the prompt as it is, without checking its Midjourney parameters (for parameters newer than this module).</summary>
    [Parameter]
    public SwitchParameter SkipParameterCheck { get; set; }

    /// <summary>The first frame: a path or http(s) URL.</summary>
    [Parameter]
    public string? Image { get; set; }

    /// <summary>The last frame: a path or http(s) URL.</summary>
    [Parameter]
    public string? EndImage { get; set; }

    /// <summary>Low or High.</summary>
    [Parameter]
    [ValidateSet("Low", "High")]
    public string? Motion { get; set; }

    /// <summary>Loop the video.</summary>
    [Parameter]
    public SwitchParameter Loop { get; set; }

    /// <summary>--raw: less of Midjourney's own styling in the motion.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>vid_1.1_i2v_480 (SD) or vid_1.1_i2v_720 (HD).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(VideoTypeCompleter))]
    public string? VideoType { get; set; }

    /// <summary>1, 2 or 4 videos.</summary>
    [Parameter]
    [ValidateSet("1", "2", "4")]
    public int BatchSize { get => _batchSize ?? 1; set => _batchSize = value; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string? image = null;
        string? endImage = null;
        if ((Image is not null && !TryResolveOne(Image, nameof(Image), out image)) || (EndImage is not null && !TryResolveOne(EndImage, nameof(EndImage), out endImage)))
        {
            return;
        }

        var options = Apply(new NewVideoOptions
        {
            SkipParameterCheck = SkipParameterCheck.IsPresent,
            Raw = Raw.IsPresent,
            Prompt = Prompt,
            Image = image,
            EndImage = endImage,
            Motion = Motion,
            Loop = Loop.IsPresent,
            VideoType = VideoType,
            BatchSize = _batchSize,
        });
        var operation = new NewVideoOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }

    private bool TryResolveOne(string value, string parameterName, out string? resolved)
    {
        var ok = TryResolveImages(new[] { value }, parameterName, single: true, out var images);
        resolved = ok ? images[0] : null;
        return ok;
    }
}
