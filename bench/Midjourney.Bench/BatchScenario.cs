using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Output;
using Midjourney.Simulator;

namespace Midjourney.Bench;

/// <summary>
/// The batch shape: Invoke-MjBatch's own operation (the code behind the cmdlet, in this process so its delays can be
/// scaled like every other script's) over N text rows with <c>-Then U1</c>, on one or more child-process simulators.
/// With <c>resume</c>, the first run is stopped (as Ctrl+C would) once half the rows are done, and the same batch is
/// run again from its state file in a fresh session, as a user would after a crash. Every figure is counted by the
/// simulators, over both runs.
/// </summary>
public static class BatchScenario
{
    public static async Task<BatchResult> RunAsync(BenchOptions o, int servers, bool resume)
    {
        var hosts = new List<ISimHost>();
        var folder = Path.Combine(Path.GetTempPath(), "mj-bench-batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < servers; i++)
            {
                hosts.Add(await SimHost.StartAsync(SimHost.Options(o, o.TimeScale, o.Concurrency, o.Queue), o.SimulatorInProcess).ConfigureAwait(false));
            }

            var before = await StatsAsync(hosts).ConfigureAwait(false);
            var wall = Stopwatch.StartNew();
            var first = await RunOnceAsync(o, hosts, folder, stopAtHalf: resume).ConfigureAwait(false);
            var second = resume ? await RunOnceAsync(o, hosts, folder, stopAtHalf: false).ConfigureAwait(false) : null;
            wall.Stop();
            var after = await StatsAsync(hosts).ConfigureAwait(false);

            var last = second ?? first;
            var submits = Count(after, before, route => route.Contains("/submit/", StringComparison.Ordinal));
            var polls = Count(after, before, route => route.StartsWith("/mj/task/", StringComparison.Ordinal));
            var created = after.Sum(s => s.TasksCreated) - before.Sum(s => s.TasksCreated);
            var busy = after.Sum(s => s.BusySlotSeconds) - before.Sum(s => s.BusySlotSeconds);
            var slots = after.Sum(s => s.Slots);
            var expected = (long)last!.Tasks;
            return new BatchResult
            {
                Name = resume ? "batch, stopped at half and run again" : servers == 1 ? "batch" : $"batch over {servers} servers",
                Rows = o.Prompts,
                Done = last.Done,
                Failed = last.Failed,
                SkippedOnResume = second?.Skipped ?? 0,
                ResumedOnResume = second?.Resumed ?? 0,
                FirstRunDone = resume ? second!.Skipped : last.Done,
                TasksExpected = expected,
                TasksCreated = created,
                Files = Directory.EnumerateFiles(Path.Combine(folder, "out"), "*.png", SearchOption.AllDirectories).Count(),
                SubmitRequests = submits,
                PollRequests = polls,
                ServerRequests = Count(after, before, route => !route.StartsWith("/sim/", StringComparison.Ordinal)),
                SlotUtilisation = busy / (slots * wall.Elapsed.TotalSeconds),
                WallSeconds = wall.Elapsed.TotalSeconds,
                FailureReasons = last.Failures.GroupBy(f => Shorten(f.Reason)).ToDictionary(g => g.Key, g => g.Count()),
                Faults = after.SelectMany(s => s.Faults).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value)
                    - before.SelectMany(s => s.Faults).Where(f => f.Key == g.Key).Sum(f => f.Value)),
            };
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>One Invoke-MjBatch run in a fresh session (a new process, as far as the module can tell).</summary>
    private static async Task<MjBatchSummary?> RunOnceAsync(BenchOptions o, IReadOnlyList<ISimHost> hosts, string folder, bool stopAtHalf)
    {
        var session = new MjSession(_ => null);
        var connections = new List<MjConnection>();
        for (var i = 0; i < hosts.Count; i++)
        {
            connections.Add(await new ConnectServerOperation(session).RunAsync(new ConnectServerOptions
            {
                Uri = hosts[i].BaseAddress,
                JournalPath = Path.Combine(folder, $"journal-{i}.jsonl"),
                SkipCheck = true,
                Tune = c => Scale(o, c),
            }, new BenchOutput(null), CancellationToken.None).ConfigureAwait(false));
        }

        using var stop = new CancellationTokenSource();
        var output = new BenchOutput(stopAtHalf ? p => { if (p.PercentComplete >= 50) stop.Cancel(); } : null);
        var rows = Enumerable.Range(1, o.Prompts).Select(i =>
        {
            var prompt = $"benchmark prompt {i}, a lighthouse at dusk --v 7";
            return new BatchRow(i, BatchRow.IdentityOf(i, new[] { ("Prompt", prompt) }), prompt) { Options = new NewImagineOptions { Prompt = prompt } };
        }).ToList();
        var options = new BatchOptions
        {
            Rows = rows,
            OutputPath = Path.Combine(folder, "out"),
            StatePath = Path.Combine(folder, "out", BatchStateFile.DefaultName),
            Connections = connections,
            Then = new[] { "U1" },
            MaxInFlight = o.Concurrency + o.Queue,
            PollInterval = o.Scaled(o.PollMin),
        };
        Directory.CreateDirectory(options.OutputPath);
        try
        {
            await new InvokeBatchOperation(session).RunAsync(options, output, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        // A stopped run writes no summary (the cmdlet's pipeline is stopped); the next run's Skipped tells what it did.
        return output.Summary ?? (stop.IsCancellationRequested ? null : throw new InvalidOperationException("Invoke-MjBatch wrote no summary: " + string.Join(" | ", output.Errors.Take(3))));
    }

    private static string Shorten(string reason)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(reason, @"\d{6,}", "<id>");
        return text.Length > 140 ? text.Substring(0, 140) + "…" : text;
    }

    /// <summary>Every client delay of the library defaults scaled by the time scale, as in the other scripts.</summary>
    private static void Scale(BenchOptions o, MjClientOptions c)
    {
        var scaled = OursScript.ClientOptions(o, c.BaseAddress);
        c.RetryBaseDelay = scaled.RetryBaseDelay;
        c.MaxRetryDelay = scaled.MaxRetryDelay;
        c.QueueFullPatience = scaled.QueueFullPatience;
        c.LostAnswerGrace = scaled.LostAnswerGrace;
    }

    private static async Task<List<SimulatorStats>> StatsAsync(IEnumerable<ISimHost> hosts)
    {
        var list = new List<SimulatorStats>();
        foreach (var host in hosts)
        {
            list.Add(await host.GetStatsAsync().ConfigureAwait(false));
        }

        return list;
    }

    private static long Count(IReadOnlyList<SimulatorStats> after, IReadOnlyList<SimulatorStats> before, Func<string, bool> route) =>
        after.SelectMany(s => s.Requests).Where(r => route(r.Key)).Sum(r => r.Value)
        - before.SelectMany(s => s.Requests).Where(r => route(r.Key)).Sum(r => r.Value);

    /// <summary>Keeps the summary; tells the progress to the stop rule; drops the rest.</summary>
    private sealed class BenchOutput : ICommandOutput
    {
        private readonly Action<MjProgress>? _progress;

        public BenchOutput(Action<MjProgress>? progress) => _progress = progress;

        public MjBatchSummary? Summary { get; private set; }

        public void WriteObject(object value)
        {
            if (value is MjBatchSummary summary) Summary = summary;
        }

        public List<string> Errors { get; } = new();

        public void WriteError(MjCommandError error) => Errors.Add(error.ErrorId + ": " + error.Message);

        public void WriteWarning(string text)
        {
        }

        public void WriteModalWarning(ModalNotice notice)
        {
        }

        public void WriteVerbose(string text)
        {
        }

        public void WriteProgress(MjProgress progress) => _progress?.Invoke(progress);

        public Task<bool> ShouldProcessAsync(string target, string action) => Task.FromResult(true);
    }
}

/// <summary>The figures of one batch run (both runs, for a resumed one), counted by the simulators.</summary>
public sealed record BatchResult
{
    public required string Name { get; init; }
    public required int Rows { get; init; }
    public required int Done { get; init; }
    public required int Failed { get; init; }
    public required int FirstRunDone { get; init; }
    public required int SkippedOnResume { get; init; }
    public required int ResumedOnResume { get; init; }
    public required long TasksExpected { get; init; }
    public required long TasksCreated { get; init; }
    public required int Files { get; init; }
    public required long SubmitRequests { get; init; }
    public required long PollRequests { get; init; }
    public required long ServerRequests { get; init; }
    public required double SlotUtilisation { get; init; }
    public required double WallSeconds { get; init; }
    public required IReadOnlyDictionary<string, long> Faults { get; init; }
    public required IReadOnlyDictionary<string, int> FailureReasons { get; init; }
}
