using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Submit-MjModal: completes a MODAL task with a prompt and/or a PNG mask.</summary>
[Cmdlet(VerbsLifecycle.Submit, "MjModal", DefaultParameterSetName = TaskSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class SubmitMjModalCommand : MjCmdletBase
{
    private const string TaskSet = "Task";
    private const string IdSet = "Id";
    private readonly DeferredWaits _waits = new();

    /// <summary>The MODAL task.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjTask Task { get; set; } = null!;

    /// <summary>The MODAL task's id.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string Id { get; set; } = string.Empty;

    /// <summary>The prompt (Custom Zoom needs --zoom N; empty keeps the parent's).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Prompt { get; set; }

    /// <summary>Send the prompt as it is, without checking its Midjourney parameters (for parameters newer than this module).</summary>
    [Parameter]
    public SwitchParameter SkipParameterCheck { get; set; }

    /// <summary>A PNG mask file (white repaints, black keeps).</summary>
    [Parameter]
    public string? MaskPath { get; set; }

    /// <summary>A PNG mask as base64 or a data URL.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? MaskBase64 { get; set; }

    /// <summary>Areas to repaint with Vary (Region): 'x,y,width,height' in pixels or percent ('25%,25%,50%,50%'), 'ellipse:…', or @{X=…; Y=…; Width=…; Height=…; Shape='Ellipse'}. The mask is built at the image's real size.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NoCompletion))]
    public object[]? Region { get; set; }

    /// <summary>With -Region: repaint everything except the regions.</summary>
    [Parameter]
    public SwitchParameter Invert { get; set; }

    /// <summary>Wait for the tasks and emit the finished ones: every input is submitted first, then all are waited for together.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: the most seconds to wait (0 = no limit).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Timeout { get; set; }

    /// <summary>The connection; default the task's server, else the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string? mask = null;
        if (MaskPath is not null && !TryResolveFile(MaskPath, nameof(MaskPath), out mask))
        {
            return;
        }

        var options = new SubmitModalOptions
        {
            Task = ParameterSetName == TaskSet ? Task : null,
            Id = ParameterSetName == IdSet ? Id : null,
            Prompt = Prompt,
            MaskPath = mask,
            MaskBase64 = MaskBase64,
            Regions = RegionValues.From(Region),
            Invert = Invert.IsPresent,
            Wait = Wait.IsPresent,
            WaitLater = _waits,
            TimeoutSeconds = Timeout,
            Connection = Connection,
        };
        var operation = new SubmitModalOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }

    /// <summary>With -Wait: waits for every task the input made, together (as piping to Wait-MjTask does).</summary>
    protected override void EndProcessing()
    {
        if (_waits.Count > 0)
        {
            RunOperation(_waits.WaitAsync);
        }
    }
}
