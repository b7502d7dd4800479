using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Midjourney.PowerShell.Binding;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Invoke-MjBatch: runs many prompts (CSV rows or text lines) as one resumable batch: imagine, the follow-up clicks,
/// save. Each row binds like New-MjImagine's pipeline input. A state file beside the output lets the same command,
/// run again after Ctrl+C, a crash or kill -9, carry on without paying for anything twice.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "MjBatch", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjBatchSummary))]
public sealed class InvokeMjBatchCommand : MjCmdletBase
{
    private const string PipelineSet = "Pipeline";
    private const string PathSet = "Path";
    private const string ThenColumn = "Then";
    private readonly List<BatchRow> _rows = new();
    private InvokeBatchOperation? _operation;
    private bool _warnedColumns;

    /// <summary>Rows: CSV rows (Import-Csv) whose columns name New-MjImagine's parameters, or prompt strings (Get-Content).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NoCompletion))]
    public PSObject[] InputObject { get; set; } = null!;

    /// <summary>A .csv file (one row per job) or a text file (one prompt per line; blank lines are left out).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    public string Path { get; set; } = string.Empty;

    /// <summary>The folder the images are saved in (created when missing).</summary>
    [Parameter(Mandatory = true)]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>The state file; default .mjbatch.jsonl in -OutputPath.</summary>
    [Parameter]
    public string? StatePath { get; set; }

    /// <summary>Follow-up clicks for rows without a Then column: U1, U1,U2,U3,U4, All (the four upscales); none saves the grid.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? Then { get; set; }

    /// <summary>The most rows in flight on each server at once (default 10).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int MaxInFlight { get; set; } = 10;

    /// <summary>The most seconds to wait for one task (0 = no limit).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Timeout { get; set; }

    /// <summary>The shortest poll interval, in seconds (default 2).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int PollInterval { get; set; } = 2;

    /// <summary>Send every row's prompt as it is: no parameter checks and no permutations (New-MjImagine's -SkipParameterCheck).</summary>
    [Parameter]
    public SwitchParameter SkipParameterCheck { get; set; }

    /// <summary>The servers to spread rows over, by their free slots; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection[]? Connection { get; set; }

    /// <inheritdoc />
    internal override string? SpeedChoice => InvokeBatchOperation.SpeedChoice;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == PipelineSet)
        {
            foreach (var row in InputObject ?? Array.Empty<PSObject>())
            {
                AddRow(row);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == PathSet && !ReadFile())
        {
            return;
        }

        if (!TryResolveNewPath(OutputPath, nameof(OutputPath), out var output))
        {
            return;
        }

        var state = System.IO.Path.Combine(output, BatchStateFile.DefaultName);
        if (StatePath is not null && !TryResolveNewPath(StatePath, nameof(StatePath), out state))
        {
            return;
        }

        var options = new BatchOptions
        {
            Rows = _rows,
            OutputPath = output,
            StatePath = state,
            Connections = Connection ?? Array.Empty<MjConnection>(),
            Then = BatchRow.ParseThen(Then),
            MaxInFlight = MaxInFlight,
            TimeoutSeconds = Timeout,
            PollInterval = TimeSpan.FromSeconds(PollInterval),
        };
        var operation = _operation = new InvokeBatchOperation(Session);
        RunOperation((sink, token) => operation.RunAsync(options, sink, token));
    }

    /// <summary>Ctrl+C: says how far the batch got and how to carry on (the state file keeps every stage).</summary>
    protected override void OnStopped()
    {
        if (_operation?.Summary is { } summary)
        {
            int done;
            lock (summary)
            {
                done = summary.Done;
            }

            Host.UI.WriteWarningLine($"Stopped: {done} of {summary.Rows} rows done; run the same command to carry on.");
        }
    }

    /// <summary>Reads -Path: a .csv through Import-Csv, anything else as one prompt per non-blank line.</summary>
    private bool ReadFile()
    {
        if (!TryResolveFile(Path, nameof(Path), out var file))
        {
            return false;
        }

        if (string.Equals(System.IO.Path.GetExtension(file), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var row in InvokeCommand.InvokeScript("Import-Csv -LiteralPath $args[0]", file))
            {
                AddRow(row);
            }
        }
        else
        {
            foreach (var line in File.ReadAllLines(file).Where(l => l.Trim().Length > 0))
            {
                AddRow(new PSObject(line));
            }
        }

        return true;
    }

    /// <summary>Binds one row onto a New-MjImagine instance (its parameters, its transformations) and keeps it.</summary>
    private void AddRow(PSObject input)
    {
        var index = _rows.Count + 1;
        var isText = input.BaseObject is string;
        var columns = isText
            ? new List<(string Name, string Value)> { ("Prompt", (string)input.BaseObject) }
            : RowBinder.Columns(input).Select(c => (Name: c.Name, Value: Text(c.Value))).ToList();
        var prompt = columns.FirstOrDefault(c => string.Equals(c.Name, "Prompt", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var row = new BatchRow(index, BatchRow.IdentityOf(index, columns), prompt);
        _rows.Add(row);
        try
        {
            var imagine = new NewMjImagineCommand { SkipParameterCheck = SkipParameterCheck };
            var unknown = RowBinder.Bind(input, imagine, nameof(NewMjImagineCommand.Prompt), new[] { ThenColumn });
            WarnUnknownColumns(unknown);
            row.Then = BatchRow.ParseThen(columns.Where(c => string.Equals(c.Name, ThenColumn, StringComparison.OrdinalIgnoreCase)).Select(c => c.Value));
            if (imagine.TryBuildOptions(this, out var options))
            {
                options.CsvRow = isText ? null : index;
                row.Options = options;
            }
            else
            {
                row.Error = "a file it names cannot be used (see the error above).";
            }
        }
        catch (InvalidInputException e)
        {
            row.Error = e.Message;
        }
    }

    private void WarnUnknownColumns(IReadOnlyList<string> unknown)
    {
        if (_warnedColumns || unknown.Count == 0)
        {
            return;
        }

        _warnedColumns = true;
        WriteWarning(Client.MjText.Clean($"Invoke-MjBatch ignores the column{(unknown.Count == 1 ? string.Empty : "s")} {string.Join(", ", unknown.Select(n => "'" + n + "'"))}: "
            + "no New-MjImagine parameter has that name. Columns that bind: Prompt, Then, and New-MjImagine's parameters (AspectRatio, Version, Stylize, Seed, Mode, …)."));
    }

    private static string Text(object? value)
    {
        var inner = value is PSObject ps ? ps.BaseObject : value;
        return inner switch
        {
            null => string.Empty,
            string s => s,
            IEnumerable list => string.Join(";", list.Cast<object?>().Select(Text)),
            _ => Convert.ToString(inner, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
