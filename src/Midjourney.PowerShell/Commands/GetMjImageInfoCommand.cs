using System.Collections.Generic;
using System.Management.Automation;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Get-MjImageInfo: reads the prompt, task ids and server saved into image files (PNG text chunks or a &lt;name&gt;.json sidecar).</summary>
[Cmdlet(VerbsCommon.Get, "MjImageInfo")]
[OutputType(typeof(MjImageInfo))]
public sealed class GetMjImageInfoCommand : MjCmdletBase
{
    private readonly List<string> _paths = new();

    /// <summary>Image files (wildcards allowed).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string[] Path { get; set; } = null!;

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
        var operation = new ImageFileOperations(Session);
        RunOperation((output, token) => operation.GetInfoAsync(_paths, output, token));
    }
}
