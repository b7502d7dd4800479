using System;
using System.IO;
using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>Save-MjImage: downloads finished tasks' images into a folder and emits the files.</summary>
[Cmdlet(VerbsData.Save, "MjImage", DefaultParameterSetName = TaskSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SaveMjImageCommand : MjCmdletBase
{
    private const string TaskSet = "Task";
    private const string IdSet = "Id";

    /// <summary>Finished tasks.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjTask[] Task { get; set; } = null!;

    /// <summary>Ids of finished tasks, read from the server the journal says made each (else the default).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = null!;

    /// <summary>The folder (created when missing); default the current location.</summary>
    [Parameter(Position = 0)]
    public string? Path { get; set; }

    /// <summary>Also save the separate tiles.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>Also save videos.</summary>
    [Parameter]
    public SwitchParameter IncludeVideo { get; set; }

    /// <summary>Overwrite existing files.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Also save a grid's four tiles as &lt;id&gt;_1…_4: downloaded where the server gives tile URLs, else cut from the grid as lossless PNGs.</summary>
    [Parameter]
    public SwitchParameter Split { get; set; }

    /// <summary>Also write &lt;id&gt;.json with the prompt, ids, action, job id, seed and server (for any image format).</summary>
    [Parameter]
    public SwitchParameter Sidecar { get; set; }

    /// <summary>The longest one file may take, in seconds, every retry included; 0 = the default of 300.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
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
        if (!TryResolveNewPath(Path, nameof(Path), out var folder))
        {
            return;
        }

        if (File.Exists(folder))
        {
            WriteError(ToErrorRecord(ErrorMapping.InvalidInput(
                $"-Path '{Path}' is a file; -Path must be a folder (it is created when missing). Files are named <id>.png, <id>_1.png...",
                Path, MjErrorCategory.InvalidArgument)));
            return;
        }

        var options = new SaveImageOptions
        {
            Tasks = ParameterSetName == TaskSet ? Task : System.Array.Empty<MjTask>(),
            Ids = ParameterSetName == IdSet ? Id : System.Array.Empty<string>(),
            Folder = folder,
            All = All.IsPresent,
            IncludeVideo = IncludeVideo.IsPresent,
            Force = Force.IsPresent,
            Connection = Connection,
            Split = Split.IsPresent,
            Sidecar = Sidecar.IsPresent,
            Timeout = Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : MjDownloadOptions.DefaultTimeout,
        };
        var operation = new SaveImageOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }
}
