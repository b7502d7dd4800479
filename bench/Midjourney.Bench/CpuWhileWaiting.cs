using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.Simulator;

namespace Midjourney.Bench;

/// <summary>
/// The "100 tasks being waited on" phase, at real speed: 100 relax-mode grids (about 60 s each) all running at once,
/// one WaitAllAsync over them with the library's default poll intervals; the client's CPU is measured over 30 s
/// in the middle of the wait.
/// </summary>
public static class CpuWhileWaiting
{
    public sealed record Result(double CpuPercentOfOneCore, double WindowSeconds, long Polls, bool IncludesSimulator);

    public static async Task<Result> RunAsync(BenchOptions o)
    {
        var quiet = new BenchOptions { Flavor = o.Flavor, Seed = o.Seed, SimulatorInProcess = o.SimulatorInProcess }; // no faults: measure waiting, not retrying
        await using var host = await SimHost.StartAsync(SimHost.Options(quiet, 1.0, 100, 100, Midjourney.Simulator.SpeedMode.Relax), o.SimulatorInProcess).ConfigureAwait(false);
        var counter = new RequestCounter(new System.Net.Http.HttpClientHandler { MaxConnectionsPerServer = 16 }, () => 0);
        var journal = Path.Combine(Path.GetTempPath(), "mj-bench-cpu-" + Guid.NewGuid().ToString("N") + ".jsonl");
        using var client = new MjClient(new MjClientOptions(host.BaseAddress) { JournalPath = journal }, counter, disposeHandler: true);
        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            ids.Add((await client.ImagineAsync(new MjImagineRequest($"cpu phase prompt {i} --v 7")).ConfigureAwait(false)).Id);
        }

        using var stop = new CancellationTokenSource();
        var wait = Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in client.WaitAllAsync(ids, new MjWaitOptions(), stop.Token).ConfigureAwait(false))
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false); // past the first polls and the JIT
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var polls0 = counter.Polls;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var seconds = clock.Elapsed.TotalSeconds;
        var polls = counter.Polls - polls0;
        await stop.CancelAsync().ConfigureAwait(false);
        await wait.ConfigureAwait(false);
        File.Delete(journal);
        return new Result(cpu / seconds * 100, seconds, polls, host.SharesProcess);
    }
}
