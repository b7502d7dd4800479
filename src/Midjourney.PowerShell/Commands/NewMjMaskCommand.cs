using System.IO;
using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>New-MjMask: writes a Vary (Region) mask PNG (black keeps, white repaints) at an image's real size.</summary>
[Cmdlet(VerbsCommon.New, "MjMask", DefaultParameterSetName = TaskSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class NewMjMaskCommand : MjCmdletBase
{
    private const string TaskSet = "Task";
    private const string SizeSet = "Size";

    /// <summary>The task whose image the mask is for.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjTask Task { get; set; } = null!;

    /// <summary>The image's width in pixels (without -Task).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SizeSet)]
    [ValidateRange(1, 16384)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Width { get; set; }

    /// <summary>The image's height in pixels (without -Task).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SizeSet)]
    [ValidateRange(1, 16384)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Height { get; set; }

    /// <summary>Areas to repaint: 'x,y,width,height' in pixels or percent, 'ellipse:…', or @{X=…; Y=…; Width=…; Height=…; Shape='Ellipse'}.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NoCompletion))]
    public object[] Region { get; set; } = null!;

    /// <summary>Repaint everything except the regions.</summary>
    [Parameter]
    public SwitchParameter Invert { get; set; }

    /// <summary>The PNG file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = string.Empty;

    /// <summary>Overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The connection; default the task's server, else the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!TryResolveNewPath(Path, nameof(Path), out var file))
        {
            return;
        }

        var options = new NewMaskOptions
        {
            Task = ParameterSetName == TaskSet ? Task : null,
            Width = Width,
            Height = Height,
            Regions = RegionValues.From(Region)!,
            Invert = Invert.IsPresent,
            Path = file,
            Force = Force.IsPresent,
            Connection = Connection,
        };
        var operation = new ImageFileOperations(Session);
        RunOperation((output, token) => operation.NewMaskAsync(options, output, token));
    }
}
