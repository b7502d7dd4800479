using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Midjourney.Bench;

/// <summary>Prints ours vs baseline and their ratio as one Markdown table (pasteable into docs/performance.md).</summary>
public static class ResultTable
{
    public static string Format(ScenarioResult ours, ScenarioResult? baseline)
    {
        var rows = new List<(string Figure, Func<ScenarioResult, double> Value, string Format)>
        {
            ("prompts", r => r.Prompts, "0"),
            ("prompts completed (grid + U1 upscale succeeded)", r => r.PromptsCompleted, "0"),
            ("tasks submitted (ids the script got back)", r => r.TasksSubmitted, "0"),
            ("tasks succeeded", r => r.Succeeded, "0"),
            ("tasks failed", r => r.Failed, "0"),
            ("submits that failed (no id)", r => r.SubmitErrorCount, "0"),
            ("lost (submitted, never seen to end)", r => r.Lost, "0"),
            ("duplicated (tasks created − ids known)", r => r.Duplicated, "0"),
            ("HTTP requests per succeeded task: submits", r => PerTask(r, r.Requests.Submits), "0.00"),
            ("HTTP requests per succeeded task: polls", r => PerTask(r, r.Requests.Polls), "0.00"),
            ("HTTP requests per succeeded task: retries", r => PerTask(r, r.Requests.Retries), "0.00"),
            ("submit requests on the wire per accepted task (repeats included)", r => r.TasksSubmitted == 0 ? double.NaN : (double)r.Requests.WireSubmits / r.TasksSubmitted, "0.00"),
            ("poll requests on the wire per finished task (retries included)", r => r.Succeeded + r.Failed == 0 ? double.NaN : (double)r.Requests.WirePolls / (r.Succeeded + r.Failed), "0.00"),
            ("polls per completed task while ≥ 10 in flight", r => r.CompletionsAt10 == 0 ? double.NaN : (double)r.Requests.PollsAt10 / r.CompletionsAt10, "0.00"),
            ("HTTP requests seen by the server (simulator-counted)", r => r.ServerRequests, "0"),
            ("slot utilisation (busy slot-s ÷ slots × wall s)", r => r.SlotUtilisation * 100, "0.0'%'"),
            ("detection latency p50 (s, real speed)", r => r.LatencyP50, "0.00"),
            ("detection latency p95 (s, real speed)", r => r.LatencyP95, "0.00"),
            ("wall time (s)", r => r.WallSeconds, "0.0"),
            ("client CPU (s)", r => r.CpuSeconds, "0.00"),
            ("client peak managed heap (MB)", r => r.PeakHeapBytes / 1048576.0, "0.0"),
            ("client allocations (MB)", r => r.AllocatedBytes / 1048576.0, "0"),
        };

        var sb = new StringBuilder();
        sb.AppendLine(baseline is null ? "| figure | ours |" : "| figure | ours | baseline | ours ÷ baseline |");
        sb.AppendLine(baseline is null ? "|---|---:|" : "|---|---:|---:|---:|");
        foreach (var (figure, value, format) in rows)
        {
            var a = value(ours);
            if (baseline is null)
            {
                sb.AppendLine($"| {figure} | {Show(a, format)} |");
                continue;
            }

            var b = value(baseline);
            var ratio = b == 0 || double.IsNaN(a) || double.IsNaN(b) ? "–" : (a / b).ToString("0.00", CultureInfo.InvariantCulture);
            sb.AppendLine($"| {figure} | {Show(a, format)} | {Show(b, format)} | {ratio} |");
        }

        sb.AppendLine($"| poll interval (real speed) | {ours.PollInterval} |{(baseline is null ? "" : $" {baseline.PollInterval} | |")}");
        sb.AppendLine();
        Notes(sb, ours);
        if (baseline is not null) Notes(sb, baseline);
        return sb.ToString();
    }

    private static void Notes(StringBuilder sb, ScenarioResult r)
    {
        var errors = r.SubmitErrors.Count == 0 ? "none" : string.Join(", ", r.SubmitErrors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}"));
        var faults = r.Faults.Count == 0 ? "none" : string.Join(", ", r.Faults.Select(f => $"{f.Key} {f.Value}"));
        sb.AppendLine($"- {r.Name}: submit errors: {errors}; faults injected: {faults}; tasks created {r.TasksCreated}; "
            + $"wait errors {r.WaitErrors}; deadline hit: {(r.DeadlineHit ? "YES" : "no")}; CPU {(r.CpuIncludesSimulator ? "INCLUDES the in-process simulator" : "is the client's alone (simulator in a child process)")}.");
    }

    private static double PerTask(ScenarioResult r, long requests) => r.Succeeded == 0 ? double.NaN : (double)requests / r.Succeeded;

    private static string Show(double x, string format) => double.IsNaN(x) ? "–" : x.ToString(format, CultureInfo.InvariantCulture);
}
