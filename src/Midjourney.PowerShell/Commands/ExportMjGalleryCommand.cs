using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Operations.Gallery;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Export-MjGallery: writes a page that shows a batch folder, saved files or tasks as cards (pictures, prompt,
/// parameters, status, the next commands), self-contained and safe to open from disk.
/// </summary>
[Cmdlet(VerbsData.Export, "MjGallery", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportMjGalleryCommand : MjCmdletBase
{
    private const string PathSet = "Path";
    private const string PipelineSet = "Pipeline";
    private const string DefaultFolder = "gallery";
    private readonly List<object> _items = new();

    /// <summary>An Invoke-MjBatch output folder (its state file, saved pictures and their facts).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    public string Path { get; set; } = string.Empty;

    /// <summary>Tasks, image and video files, batch folders, Get-MjImageInfo results or an Invoke-MjBatch summary.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public object[] InputObject { get; set; } = null!;

    /// <summary>The page's folder; default 'gallery' in the batch folder, else in the current location.</summary>
    [Parameter]
    public string? OutputPath { get; set; }

    /// <summary>Replace an existing page.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Emit the page's index.html.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Open the page in the default browser (interactive sessions only).</summary>
    [Parameter]
    public SwitchParameter Open { get; set; }

    /// <summary>The connection for piped tasks' pictures; default the task's server, else the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == PathSet)
        {
            if (TryResolveFile(Path, nameof(Path), out var folder))
            {
                if (Directory.Exists(folder))
                {
                    _items.Add(new BatchFolder(folder, System.IO.Path.Combine(folder, BatchStateFile.DefaultName)));
                }
                else
                {
                    WriteError(ToErrorRecord(ErrorMapping.InvalidInput($"-Path '{Path}' is a file; give the batch's output folder (Invoke-MjBatch -OutputPath), or pipe files in.", Path)));
                }
            }

            return;
        }

        foreach (var value in InputObject)
        {
            Add(value is PSObject wrapped ? wrapped.BaseObject : value);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_items.Count == 0)
        {
            return;
        }

        var home = _items.OfType<BatchFolder>().Select(b => b.Folder).FirstOrDefault();
        string output;
        if (OutputPath is null)
        {
            output = System.IO.Path.Combine(home ?? SessionState.Path.CurrentFileSystemLocation.ProviderPath, DefaultFolder);
        }
        else if (!TryResolveNewPath(OutputPath, nameof(OutputPath), out output))
        {
            return;
        }

        var options = new ExportGalleryOptions
        {
            Items = _items,
            OutputPath = output,
            Force = Force.IsPresent,
            PassThru = PassThru.IsPresent,
            Open = Open.IsPresent,
            NotInteractive = Open.IsPresent ? WhyNotInteractive() : null,
            Connection = Connection,
        };
        var operation = new ExportGalleryOperation(Session);
        RunOperation((sink, token) => operation.RunAsync(options, sink, token));
    }

    /// <summary>Sorts one piped value into what the page shows: a batch folder, a file, or a task.</summary>
    private void Add(object? value)
    {
        switch (value)
        {
            case MjTask task:
                _items.Add(task);
                break;
            case MjBatchSummary summary:
                _items.Add(new BatchFolder(summary.OutputPath, summary.StatePath));
                break;
            case DirectoryInfo directory:
                _items.Add(new BatchFolder(directory.FullName, System.IO.Path.Combine(directory.FullName, BatchStateFile.DefaultName)));
                break;
            case FileInfo file:
                AddFile(file.FullName, file.FullName);
                break;
            case MjImageInfo info:
                AddFile(info.Path, info.Path);
                break;
            case string text:
                if (TryResolveFiles(text, nameof(InputObject), out var paths))
                {
                    foreach (var path in paths)
                    {
                        if (Directory.Exists(path))
                        {
                            _items.Add(new BatchFolder(path, System.IO.Path.Combine(path, BatchStateFile.DefaultName)));
                        }
                        else
                        {
                            AddFile(path, text);
                        }
                    }
                }

                break;
            default:
                WriteError(ToErrorRecord(ErrorMapping.InvalidInput(
                    $"Export-MjGallery shows tasks, image and video files, batch folders and Invoke-MjBatch summaries, not {value?.GetType().Name ?? "null"}.", value)));
                break;
        }
    }

    private void AddFile(string path, object target)
    {
        if (SavedFileCards.IsMedia(path) && File.Exists(path))
        {
            _items.Add(path);
        }
        else if (string.Equals(System.IO.Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
        {
            // A sidecar (Save-MjImage -Sidecar emits it beside the picture): its facts are read with the picture's.
            WriteVerbose($"'{path}' is read as the facts of its picture, not shown on its own.");
        }
        else
        {
            WriteError(ToErrorRecord(ErrorMapping.InvalidInput($"'{path}' is not an image or video file (.png, .jpg, .jpeg, .webp, .gif, .mp4, .webm, .mov).", target)));
        }
    }

    /// <summary>Why a browser must not be opened from this session; null when it may.</summary>
    private string? WhyNotInteractive()
    {
        if (!Environment.UserInteractive)
        {
            return "this process is not interactive (a service or a scheduled task)";
        }

        if (Environment.GetCommandLineArgs().Skip(1).Select(a => a.TrimStart('-', '/')).Any(a => a.Length >= 4 && "noninteractive".StartsWith(a, StringComparison.OrdinalIgnoreCase)))
        {
            return "PowerShell runs with -NonInteractive";
        }

        return Host.Name switch
        {
            "ServerRemoteHost" => "this is a remote session (a browser would open on the remote computer)",
            "Default Host" => "this runspace has no user interface",
            _ => null,
        };
    }
}
