using System;
using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Wait-MjTask: waits for many tasks at once and emits each as it ends.</summary>
[Cmdlet(VerbsLifecycle.Wait, "MjTask", DefaultParameterSetName = TaskSet)]
[OutputType(typeof(MjTask))]
public sealed class WaitMjTaskCommand : MjCmdletBase
{
    private const string TaskSet = "Task";
    private const string IdSet = "Id";
    private WaitTaskOperation _operation = null!;

    /// <summary>Tasks to wait for (each on its own server).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjTask[] Task { get; set; } = null!;

    /// <summary>Task ids to wait for.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = null!;

    /// <summary>The most seconds to wait for all of them; 0 = no limit.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Timeout { get; set; }

    /// <summary>The shortest poll interval in seconds (it grows while nothing changes).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int PollInterval { get; set; } = 2;

    /// <summary>Draw each task's image in the terminal as it finishes (see Show-MjImage).</summary>
    [Parameter]
    public SwitchParameter Show { get; set; }

    /// <summary>The connection; default the task's server, else the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new WaitTaskOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == TaskSet)
        {
            foreach (var task in Task)
            {
                _operation.Add(task);
            }
        }
        else
        {
            foreach (var id in Id)
            {
                _operation.Add(id);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var options = new WaitTaskOptions { Connection = Connection, TimeoutSeconds = Timeout, PollInterval = TimeSpan.FromSeconds(PollInterval) };
        if (Show.IsPresent)
        {
            var (columns, rows) = TerminalSize.Of(Host, 0);
            options.Show = new ShowImageOptions { Columns = columns, MaxRows = rows, Connection = Connection, ToHost = true, NotDrawnBecause = TerminalOutput.WhyNotDrawn(this) };
        }

        RunOperation((output, token) => _operation.EndAsync(options, output, token));
    }
}
