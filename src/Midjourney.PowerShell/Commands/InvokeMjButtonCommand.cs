using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Invoke-MjButton: clicks buttons of a finished task (and finishes a MODAL step with -Prompt/-MaskPath).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MjButton", DefaultParameterSetName = ButtonSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class InvokeMjButtonCommand : MjSubmitCmdletBase
{
    private const string ButtonSet = "Button";
    private const string LabelSet = "Label";
    private const string IndexSet = "Index";
    private const string CustomIdSet = "CustomId";
    private const string IdLabelSet = "IdLabel";
    private const string IdIndexSet = "IdIndex";
    private const string IdCustomIdSet = "IdCustomId";

    /// <summary>Buttons to click (from a task's Buttons).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ButtonSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjButton[] Button { get; set; } = null!;

    /// <summary>The finished task whose button to click.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = LabelSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IndexSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CustomIdSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjTask Task { get; set; } = null!;

    /// <summary>The id of the finished task whose button to click (read from the server the journal says made it).</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdLabelSet)]
    [Parameter(Mandatory = true, ParameterSetName = IdIndexSet)]
    [Parameter(Mandatory = true, ParameterSetName = IdCustomIdSet)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string Id { get; set; } = string.Empty;

    /// <summary>Labels (U1, Vary (Region)), emoji (🔄) or kind names; each is clicked (-Label U1, U2).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = LabelSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdLabelSet)]
    [ArgumentCompleter(typeof(LabelCompleter))]
    public string[] Label { get; set; } = null!;

    /// <summary>The image index 1–4, with -Kind.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IndexSet)]
    [Parameter(Mandatory = true, ParameterSetName = IdIndexSet)]
    [ValidateRange(1, 4)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Index { get; set; }

    /// <summary>The kind of button for -Index (default Upscale).</summary>
    [Parameter(ParameterSetName = IndexSet)]
    [Parameter(ParameterSetName = IdIndexSet)]
    public MjButtonKind Kind { get; set; } = MjButtonKind.Upscale;

    /// <summary>A button's customId.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CustomIdSet)]
    [Parameter(Mandatory = true, ParameterSetName = IdCustomIdSet)]
    [ArgumentCompleter(typeof(CustomIdCompleter))]
    public string CustomId { get; set; } = string.Empty;

    /// <summary>The prompt of a MODAL step (Custom Zoom, remix, Vary (Region)).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Prompt { get; set; }

    /// <summary>Send the prompt as it is, without checking its Midjourney parameters (for parameters newer than this module).</summary>
    [Parameter]
    public SwitchParameter SkipParameterCheck { get; set; }

    /// <summary>A PNG mask file for Vary (Region).</summary>
    [Parameter]
    public string? MaskPath { get; set; }

    /// <summary>On a Remix account, a V, 🔄 or pan click that goes MODAL is sent on with the server's suggested prompt.</summary>
    [Parameter]
    public SwitchParameter UseSuggestedPrompt { get; set; }

    /// <summary>Areas to repaint with Vary (Region): 'x,y,width,height' in pixels or percent ('25%,25%,50%,50%'), 'ellipse:…', or @{X=…; Y=…; Width=…; Height=…; Shape='Ellipse'}. The mask is built at the image's real size.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NoCompletion))]
    public object[]? Region { get; set; }

    /// <summary>With -Region: repaint everything except the regions.</summary>
    [Parameter]
    public SwitchParameter Invert { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string? mask = null;
        if (MaskPath is not null && !TryResolveFile(MaskPath, nameof(MaskPath), out mask))
        {
            return;
        }

        var operation = new InvokeButtonOperation(Session);
        if (ParameterSetName == ButtonSet)
        {
            foreach (var button in Button)
            {
                var byButton = Apply(new InvokeButtonOptions { Button = button, Prompt = Prompt, MaskPath = mask, UseSuggestedPrompt = UseSuggestedPrompt.IsPresent, SkipParameterCheck = SkipParameterCheck.IsPresent, Regions = RegionValues.From(Region), Invert = Invert.IsPresent });
                RunOperation((output, token) => operation.ProcessAsync(byButton, output, token));
            }

            return;
        }

        var options = Apply(new InvokeButtonOptions
        {
            SkipParameterCheck = SkipParameterCheck.IsPresent,
            Task = Task, // bound only in the Label, Index and CustomId sets: null in the Id sets
            TaskId = ParameterSetName is IdLabelSet or IdIndexSet or IdCustomIdSet ? Id : null,
            Labels = ParameterSetName is LabelSet or IdLabelSet ? Label : System.Array.Empty<string>(),
            Index = ParameterSetName is IndexSet or IdIndexSet ? Index : null,
            Kind = Kind,
            CustomId = ParameterSetName is CustomIdSet or IdCustomIdSet ? CustomId : null,
            Prompt = Prompt,
            MaskPath = mask,
            UseSuggestedPrompt = UseSuggestedPrompt.IsPresent,
            Regions = RegionValues.From(Region),
            Invert = Invert.IsPresent,
        });
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
