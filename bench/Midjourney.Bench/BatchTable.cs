using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Midjourney.Bench;

/// <summary>Prints the batch runs beside the naive baseline as one Markdown table (pasteable into README).</summary>
public static class BatchTable
{
    public static string Format(IReadOnlyList<BatchResult> runs, ScenarioResult? baseline)
    {
        var rows = new List<(string Figure, Func<BatchResult, string> Ours, Func<ScenarioResult, string> Naive)>
        {
            ("rows", r => N(r.Rows), b => N(b.Prompts)),
            ("rows done (grid + U1 upscale saved)", r => N(r.Done), b => N(b.PromptsCompleted)),
            ("rows failed (for the baseline: a submit refused and not retried)", r => N(r.Failed), b => N(b.SubmitErrorCount + b.Failed)),
            ("rows done by the first run / skipped / picked up mid-way by the second", r => r.SkippedOnResume + r.ResumedOnResume == 0 ? "–" : $"{r.FirstRunDone} / {r.SkippedOnResume} / {r.ResumedOnResume}", b => "–"),
            ("tasks created on the server / known to the script", r => $"{r.TasksCreated} / {r.TasksExpected}", b => $"{b.TasksCreated} / {b.TasksSubmitted}"),
            ("duplicated (created − known)", r => N(r.TasksCreated - r.TasksExpected), b => N(b.Duplicated)),
            ("lost (rows neither done nor failed)", r => N(r.Rows - r.Done - r.Failed), b => N(b.Lost)),
            ("files saved", r => N(r.Files), b => "–"),
            ("submit requests per finished task", r => Ratio(r.SubmitRequests, r.TasksCreated), b => Ratio(b.Requests.Submits, b.Succeeded)),
            ("poll requests per finished task", r => Ratio(r.PollRequests, r.TasksCreated), b => Ratio(b.Requests.Polls, b.Succeeded)),
            ("HTTP requests seen by the servers", r => N(r.ServerRequests), b => N(b.ServerRequests)),
            ("slot utilisation (busy slot-s ÷ slots × wall s)", r => Percent(r.SlotUtilisation), b => Percent(b.SlotUtilisation)),
            ("wall time (s)", r => r.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture), b => b.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)),
        };

        var sb = new StringBuilder();
        sb.Append("| figure |");
        foreach (var run in runs) sb.Append(' ').Append(run.Name).Append(" |");
        if (baseline is not null) sb.Append(" naive baseline |");
        sb.AppendLine();
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", runs.Count + (baseline is null ? 0 : 1)))).AppendLine();
        foreach (var (figure, ours, naive) in rows)
        {
            sb.Append("| ").Append(figure).Append(" |");
            foreach (var run in runs) sb.Append(' ').Append(ours(run)).Append(" |");
            if (baseline is not null) sb.Append(' ').Append(naive(baseline)).Append(" |");
            sb.AppendLine();
        }

        sb.AppendLine();
        foreach (var run in runs)
        {
            sb.AppendLine($"- {run.Name}: faults injected: {(run.Faults.Count == 0 ? "none" : string.Join(", ", run.Faults.Select(f => $"{f.Key} {f.Value}")))}; "
                + $"rows failed: {(run.FailureReasons.Count == 0 ? "none" : string.Join("; ", run.FailureReasons.OrderByDescending(f => f.Value).Select(f => $"{f.Value} × {f.Key}")))}.");
        }

        return sb.ToString();
    }

    private static string N(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(long a, long b) => b == 0 ? "–" : ((double)a / b).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double x) => double.IsNaN(x) ? "–" : (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
