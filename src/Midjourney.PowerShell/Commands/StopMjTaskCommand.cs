using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Stop-MjTask: cancels queued or running tasks (<c>POST /mj/task/{id}/cancel</c>). ConfirmImpact Medium, like Stop-Job and
/// Stop-Process: a cancel cannot be undone, but it destroys no finished image, and scripts that stop many tasks must not
/// be asked each time; -Confirm asks, -WhatIf shows.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "MjTask", DefaultParameterSetName = TaskSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class StopMjTaskCommand : MjCmdletBase
{
    private const string TaskSet = "Task";
    private const string IdSet = "Id";
    private StopTaskOperation _operation = null!;

    /// <summary>Tasks to cancel (each on its own server); a finished one is not sent.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public MjTask[] Task { get; set; } = null!;

    /// <summary>Task ids to cancel.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = null!;

    /// <summary>Emit each task as the server has it after the cancel.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The connection; default the task's server, else the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new StopTaskOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var options = new StopTaskOptions { Connection = Connection, PassThru = PassThru.IsPresent };
        if (ParameterSetName == TaskSet)
        {
            foreach (var task in Task)
            {
                if (task is not null)
                {
                    RunOperation((output, token) => _operation.StopAsync(task, options, output, token));
                }
            }

            return;
        }

        foreach (var id in Id)
        {
            RunOperation((output, token) => _operation.StopAsync(id ?? string.Empty, options, output, token));
        }
    }
}
