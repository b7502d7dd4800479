using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Get-MjTask: tasks by id, the most recent ones from the journal, or the server's tasks filtered by status, action and prompt.</summary>
[Cmdlet(VerbsCommon.Get, "MjTask", DefaultParameterSetName = IdSet)]
[OutputType(typeof(MjTask), typeof(MjJournalEntry))]
public sealed class GetMjTaskCommand : MjCmdletBase
{
    private const string IdSet = "Id";
    private const string RecentSet = "Recent";
    private const string QuerySet = "Query";
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

    /// <summary>Also read each finished task's seed (<c>/image-seed</c>; up to a minute each on TrueAI).</summary>
    [Parameter(ParameterSetName = IdSet)]
    public SwitchParameter Seed { get; set; }

    /// <summary>Only the server's tasks in one of these states.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    public MjTaskStatus[]? Status { get; set; }

    /// <summary>Only the server's tasks of one of these actions.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateSet("Imagine", "Upscale", "UpscaleHd", "Variation", "Reroll", "Pan", "Zoom", "Blend", "Describe", "Shorten", "Video", "Edit", "Retexture", "SwapFace", IgnoreCase = true)]
    public string[]? Action { get; set; }

    /// <summary>Only the server's tasks whose prompt matches this wildcard pattern (as -like: '*mug*').</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Prompt { get; set; }

    /// <summary>The most tasks to list, newest first (default 100).</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateRange(1, 10000)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Limit { get; set; } = 100;

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

        if (ParameterSetName == QuerySet)
        {
            var query = new MjTaskQuery { Prompt = Prompt, Limit = Limit };
            foreach (var status in Status ?? new MjTaskStatus[0])
            {
                query.Status.Add(status);
            }

            foreach (var action in Action ?? new string[0])
            {
                query.Action.Add(action);
            }

            var options = new QueryTasksOptions { Query = query, Connection = Connection };
            RunOperation((output, token) => _operation.ProcessQueryAsync(options, output, token));
            return;
        }

        var byId = new GetTaskByIdOptions { Ids = Id, Connection = Connection, Seed = Seed.IsPresent };
        RunOperation((output, token) => _operation.ProcessIdsAsync(byId, output, token));
    }
}
