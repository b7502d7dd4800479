using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Get-MjTask: tasks by id, or the most recent ones from the journal.</summary>
[Cmdlet(VerbsCommon.Get, "MjTask", DefaultParameterSetName = IdSet)]
[OutputType(typeof(MjTask), typeof(MjJournalEntry))]
public sealed class GetMjTaskCommand : MjCmdletBase
{
    private const string IdSet = "Id";
    private const string RecentSet = "Recent";
    private GetTaskOperation _operation = null!;

    /// <summary>Task ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = null!;

    /// <summary>How many of the most recent journal entries.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RecentSet)]
    [ValidateRange(1, 10000)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Recent { get; set; }

    /// <summary>Emit the journal entries without asking the server.</summary>
    [Parameter(ParameterSetName = RecentSet)]
    public SwitchParameter FromJournal { get; set; }

    /// <summary>The connection; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new GetTaskOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == RecentSet)
        {
            var recent = new GetRecentTasksOptions { Count = Recent, FromJournal = FromJournal.IsPresent, Connection = Connection };
            RunOperation((output, token) => _operation.ProcessRecentAsync(recent, output, token));
            return;
        }

        var byId = new GetTaskByIdOptions { Ids = Id, Connection = Connection };
        RunOperation((output, token) => _operation.ProcessIdsAsync(byId, output, token));
    }
}
