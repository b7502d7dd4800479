using System;
using System.Collections.Generic;

namespace Midjourney.PowerShell;

/// <summary>What Invoke-MjBatch did: one object at the end of a run (or of a stopped run's re-run).</summary>
public sealed class MjBatchSummary
{
    /// <summary>Rows given.</summary>
    public int Rows { get; set; }

    /// <summary>Rows done (saved), this run or an earlier one.</summary>
    public int Done { get; set; }

    /// <summary>Rows that failed (bad input, or the server failed the task).</summary>
    public int Failed { get; set; }

    /// <summary>Rows already done by an earlier run of the same batch, skipped.</summary>
    public int Skipped { get; set; }

    /// <summary>Rows carried on from an earlier run (submitted but not finished or saved).</summary>
    public int Resumed { get; set; }

    /// <summary>Rows whose position held a different row in the state file: edited rows, run as new work.</summary>
    public int Edited { get; set; }

    /// <summary>Rows not run (-WhatIf, or the user said no).</summary>
    public int NotRun { get; set; }

    /// <summary>Tasks the batch's rows made (imagines and clicks), this run and earlier ones.</summary>
    public int Tasks { get; set; }

    /// <summary>Tasks submitted by this run.</summary>
    public int Submitted { get; set; }

    /// <summary>Files the batch's rows saved.</summary>
    public int Files { get; set; }

    /// <summary>HTTP requests this run made (as traced by the client).</summary>
    public long Requests { get; set; }

    /// <summary>How long this run took.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>The failed rows and why.</summary>
    public IList<MjBatchFailure> Failures { get; set; } = new List<MjBatchFailure>();

    /// <summary>The output folder.</summary>
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>The state file (run the same command again to carry on).</summary>
    public string StatePath { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Done}/{Rows} done, {Failed} failed, {Skipped} skipped";
}

/// <summary>One failed row of a batch.</summary>
public sealed class MjBatchFailure
{
    /// <summary>The row's position, 1-based.</summary>
    public int Row { get; set; }

    /// <summary>The row's prompt.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>Why it failed, and what to do.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>
    /// True when running the same command again tries the row again (the server was out, an answer was lost); false when
    /// the row failed for good (bad input, a failed task) and must be edited to be tried again.
    /// </summary>
    public bool Retryable { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"row {Row}: {Reason}";
}
