using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Simulator;

namespace Midjourney.Bench;

/// <summary>Runs one script against a fresh simulator and gathers every figure of the table.</summary>
public static class ScenarioRunner
{
    /// <summary>Mean real-speed slot time of one prompt: a fast grid (1 s submit phase + 30 s) and its U1 (1 s + 7.5 s).</summary>
    private const double PromptSlotSeconds = 31 + 8.5;

    public static async Task<ScenarioResult> RunAsync(BenchOptions o, bool baseline)
    {
        await using var host = await SimHost.StartAsync(SimHost.Options(o, o.TimeScale, o.Concurrency, o.Queue), o.SimulatorInProcess).ConfigureAwait(false);
        var before = await host.GetStatsAsync().ConfigureAwait(false);
        var metrics = new RunMetrics();
        var journal = Path.Combine(Path.GetTempPath(), "mj-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(journal);

        // Generous deadline: four times the ideal duration plus a minute; whatever is still in flight then is lost.
        var ideal = TimeSpan.FromSeconds(o.Prompts * PromptSlotSeconds / o.Concurrency * o.TimeScale);
        using var deadline = new CancellationTokenSource(ideal * 4 + TimeSpan.FromSeconds(60));

        IOursScript? ours = baseline ? null : o.Shape == "per-prompt" ? new PerPromptScript(o, metrics) : new OursScript(o, metrics);
        var naive = baseline ? new BaselineScript(o, metrics) : null;
        var process = Process.GetCurrentProcess();
        GC.Collect();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        var deadlineHit = false;
        await using (var memory = new MemorySampler())
        {
            try
            {
                if (ours is not null) await ours.RunAsync(host.BaseAddress, journal, deadline.Token).ConfigureAwait(false);
                else await naive!.RunAsync(host.BaseAddress, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                deadlineHit = true;
            }

            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
            var after = await host.GetStatsAsync().ConfigureAwait(false);
            TryDelete(journal);

            var busy = after.BusySlotSeconds - before.BusySlotSeconds;
            var requests = ours is not null ? RequestSplit.ForClient(ours.Wire!, ours.Trace, metrics.SubmitCalls) : naive!.Requests;
            var poll = ours is not null
                ? $"{o.PollMin.TotalSeconds:0.#}-{o.PollMax.TotalSeconds:0.#} s batch ({o.Scaled(o.PollMin).TotalMilliseconds:0.#}-{o.Scaled(o.PollMax).TotalMilliseconds:0.#} ms wall)"
                : $"{o.BaselinePoll.TotalSeconds:0.#} s per task ({o.Scaled(o.BaselinePoll).TotalMilliseconds:0.#} ms wall)";
            return new ScenarioResult
            {
                Name = baseline ? "baseline" : $"ours ({ours!.Shape})",
                Prompts = o.Prompts,
                TasksSubmitted = metrics.Known,
                SubmitErrors = metrics.SubmitErrors,
                SubmitErrorCount = metrics.SubmitErrorCount,
                Succeeded = metrics.Succeeded,
                Failed = metrics.Failed,
                PromptsCompleted = metrics.PromptsCompleted,
                Lost = metrics.Lost,
                Duplicated = (after.TasksCreated - before.TasksCreated) - metrics.Known,
                TasksCreated = after.TasksCreated - before.TasksCreated,
                Requests = requests,
                ServerRequests = after.TotalRequests - before.TotalRequests - SimRequests(after) + SimRequests(before),
                Faults = after.Faults,
                CompletionsAt10 = metrics.CompletionsAt10,
                WallSeconds = wall.Elapsed.TotalSeconds,
                SlotUtilisation = busy / (after.Slots * wall.Elapsed.TotalSeconds),
                LatencyP50 = metrics.Percentile(0.50) / 1000 / o.TimeScale,
                LatencyP95 = metrics.Percentile(0.95) / 1000 / o.TimeScale,
                PollInterval = poll,
                CpuSeconds = cpu,
                CpuIncludesSimulator = host.SharesProcess,
                PeakHeapBytes = memory.PeakHeapBytes,
                AllocatedBytes = allocated,
                WaitErrors = ours?.WaitErrors ?? 0,
                DeadlineHit = deadlineHit,
            };
        }
    }

    /// <summary>GET /sim/stats itself is counted by the simulator; leave those out.</summary>
    private static long SimRequests(SimulatorStats stats)
    {
        long n = 0;
        foreach (var (route, count) in stats.Requests)
        {
            if (route.StartsWith("/sim/", StringComparison.Ordinal)) n += count;
        }

        return n;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
