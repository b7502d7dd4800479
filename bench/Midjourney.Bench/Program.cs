using System;
using System.Globalization;
using System.Threading;
using BenchmarkDotNet.Running;
using Midjourney.Bench;
using Midjourney.Bench.Micro;

// Scenario runner and micro-benchmarks (docs/performance.md).
//   dotnet run -c Release --project bench/Midjourney.Bench -- [--prompts 1000] [--flavor trueai] [--concurrency 3]
//       [--queue 10] [--time-scale 0.005] [--faults 0.1 | --fault-500 r --fault-429 r --fault-reset r
//       --fault-malformed r --fault-latency r] [--latency 2s] [--retry-after 1s] [--fault-phase random]
//       [--seed 42] [--baseline on|off] [--window n (0 = submit everything)] [--poll-min 2] [--poll-max 10]
//       [--baseline-poll 5] [--simulator process|inproc] [--cpu-phase on|off] [--shape stream|per-prompt|batch]
//   dotnet run -c Release --project bench/Midjourney.Bench -- --micro [BenchmarkDotNet arguments, e.g. --filter *]
Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
if (options.Micro)
{
    BenchmarkSwitcher.FromAssembly(typeof(TaskParsingBenchmarks).Assembly).Run(options.MicroArgs);
    return 0;
}

Console.WriteLine($"{options.Prompts} prompts (imagine, then U1), script shape {options.Shape switch { "per-prompt" => "per-prompt waits (Task.WhenAll, no window)", "batch" => "Invoke-MjBatch (-Then U1, -MaxInFlight slots + queue)", _ => "streamed pipeline" }}, flavour {options.Flavor}, {options.Concurrency} slots, queue {options.Queue}, "
    + $"time scale {options.TimeScale} ({1 / options.TimeScale:0}x), window {(options.EffectiveWindow == 0 ? "none" : options.EffectiveWindow.ToString(CultureInfo.InvariantCulture))}, seed {options.Seed}, "
    + $"{Environment.ProcessorCount} cores");
var f = options.Faults;
Console.WriteLine($"faults: 500 {f.ServerErrorRate:P1}, 429 {f.TooManyRequestsRate:P1} (Retry-After {f.RetryAfter.TotalSeconds:0.#} s, scaled), reset {f.ResetRate:P1}, "
    + $"malformed {f.MalformedJsonRate:P1}, latency {f.LatencyRate:P1} of {f.Latency.TotalSeconds:0.#} s, phase {f.Phase}");
var wait = OursScript.WaitOptions(options);
Console.WriteLine($"client: MjWaitOptions Min/MaxPollInterval {options.PollMin.TotalSeconds:0.#}/{options.PollMax.TotalSeconds:0.#} s real = "
    + $"{wait.MinPollInterval.TotalMilliseconds:0.#}/{wait.MaxPollInterval.TotalMilliseconds:0.#} ms wall; retry delays, QueueFullPatience and LostAnswerGrace scaled alike");

if (options.Shape == "batch")
{
    // Warm-up first (JIT), then: one server; one server stopped at half and run again; two servers; the baseline.
    var warm = BenchOptions.Parse(args);
    warm.Prompts = 6;
    await BatchScenario.RunAsync(warm, servers: 1, resume: false);
    var runs = new[]
    {
        await BatchScenario.RunAsync(options, servers: 1, resume: false),
        await BatchScenario.RunAsync(options, servers: 1, resume: true),
        await BatchScenario.RunAsync(options, servers: 2, resume: false),
    };
    var naive = options.Baseline ? await ScenarioRunner.RunAsync(options, baseline: true) : null;
    Console.WriteLine();
    Console.Write(BatchTable.Format(runs, naive));
    return 0;
}

// A short unmeasured run of both scripts first, so neither's CPU figure carries the JIT of the HTTP stack.
var warmUp = BenchOptions.Parse(args);
warmUp.Prompts = 6;
await ScenarioRunner.RunAsync(warmUp, baseline: false);
if (options.Baseline) await ScenarioRunner.RunAsync(warmUp, baseline: true);

var ours = await ScenarioRunner.RunAsync(options, baseline: false);
var baseline = options.Baseline ? await ScenarioRunner.RunAsync(options, baseline: true) : null;
Console.WriteLine();
Console.Write(ResultTable.Format(ours, baseline));

if (options.CpuPhase)
{
    var cpu = await CpuWhileWaiting.RunAsync(options);
    Console.WriteLine($"- CPU while 100 tasks are waited on (real speed, default poll intervals): {cpu.CpuPercentOfOneCore:0.00}% of one core "
        + $"over {cpu.WindowSeconds:0} s, {cpu.Polls} poll requests{(cpu.IncludesSimulator ? " (INCLUDES the in-process simulator)" : " (client alone)")}.");
}

return 0;
