using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Split-MjImage: cuts 2×2 grid files into four lossless PNG tiles named &lt;name&gt;_1…_4.</summary>
[Cmdlet(VerbsCommon.Split, "MjImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SplitMjImageCommand : MjCmdletBase
{
    private readonly List<string> _paths = new();

    /// <summary>Grid image files (wildcards allowed).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string[] Path { get; set; } = null!;

    /// <summary>The folder for the tiles; default the grid's folder.</summary>
    [Parameter]
    public string? Destination { get; set; }

    /// <summary>Overwrite existing tiles.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            if (TryResolveFiles(path, nameof(Path), out var files))
            {
                _paths.AddRange(files);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        string? destination = null;
        if (Destination is not null && !TryResolveNewPath(Destination, nameof(Destination), out destination))
        {
            return;
        }

        var operation = new ImageFileOperations(Session);
        RunOperation((output, token) => operation.SplitAsync(_paths, destination, Force.IsPresent, output, token));
    }
}
