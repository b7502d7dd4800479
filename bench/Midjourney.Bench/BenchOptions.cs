using System;
using System.Collections.Generic;
using System.Globalization;
using Midjourney.Simulator;

namespace Midjourney.Bench;

/// <summary>The runner's command line. Durations are given at real speed and scaled by <see cref="TimeScale"/>.</summary>
public sealed class BenchOptions
{
    public int Prompts { get; set; } = 1000;

    public SimulatorFlavor Flavor { get; set; } = SimulatorFlavor.TrueAi;

    public int Concurrency { get; set; } = 3;

    public int Queue { get; set; } = 10;

    /// <summary>0.005 = 200x faster: a 30 s grid takes 150 ms, so 1,000 prompts take about a minute per run.</summary>
    public double TimeScale { get; set; } = 0.005;

    public FaultOptions Faults { get; set; } = new();

    public int Seed { get; set; } = 42;

    /// <summary>
    /// Our script's shape: "stream" (one WaitAllAsync over a queue, the default), "per-prompt" (Task.WhenAll over
    /// per-prompt submit and WaitAsync) or "batch" (Invoke-MjBatch's operation: one server, the same stopped at half
    /// and run again, and two servers).
    /// </summary>
    public string Shape { get; set; } = "stream";

    public bool Baseline { get; set; } = true;

    /// <summary>Prompts in flight at most (a grid and its upscale share one place); 0 = submit everything.</summary>
    public int? Window { get; set; }

    /// <summary>The client's MjWaitOptions at real speed (defaults: the library's own 2 s / 10 s).</summary>
    public TimeSpan PollMin { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan PollMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The baseline's fixed poll interval at real speed: the gateway documentation's advice.</summary>
    public TimeSpan BaselinePoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Child process (default): the client's CPU is measured alone. In-process: for tests.</summary>
    public bool SimulatorInProcess { get; set; }

    public bool CpuPhase { get; set; } = true;

    public bool Micro { get; set; }

    /// <summary>Arguments after --micro go to BenchmarkDotNet.</summary>
    public string[] MicroArgs { get; set; } = Array.Empty<string>();

    /// <summary>Window actually used: the explicit one, else slots + queue (what the proxy can hold).</summary>
    public int EffectiveWindow => Window ?? Concurrency + Queue;

    public TimeSpan Scaled(TimeSpan realSpeed) => TimeSpan.FromTicks(Math.Max(1, (long)(realSpeed.Ticks * TimeScale)));

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        double? spread = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--micro":
                    o.Micro = true;
                    o.MicroArgs = Slice(args, i + 1);
                    return o;
                case "--prompts": o.Prompts = Int(Value()); break;
                case "--flavor" or "--flavour": o.Flavor = ParseFlavor(Value()); break;
                case "--concurrency": o.Concurrency = Int(Value()); break;
                case "--queue": o.Queue = Int(Value()); break;
                case "--time-scale": o.TimeScale = Double(Value()); break;
                case "--seed": o.Seed = Int(Value()); break;
                case "--shape": o.Shape = ParseShape(Value()); break;
                case "--baseline": o.Baseline = OnOff(Value()); break;
                case "--window": o.Window = Int(Value()); break;
                case "--poll-min": o.PollMin = Seconds(Value()); break;
                case "--poll-max": o.PollMax = Seconds(Value()); break;
                case "--baseline-poll": o.BaselinePoll = Seconds(Value()); break;
                case "--simulator": o.SimulatorInProcess = Value() == "inproc"; break;
                case "--cpu-phase": o.CpuPhase = OnOff(Value()); break;
                case "--faults": spread = Double(Value()); break;
                case "--fault-500": o.Faults.ServerErrorRate = Double(Value()); break;
                case "--fault-429": o.Faults.TooManyRequestsRate = Double(Value()); break;
                case "--fault-reset": o.Faults.ResetRate = Double(Value()); break;
                case "--fault-malformed": o.Faults.MalformedJsonRate = Double(Value()); break;
                case "--fault-latency": o.Faults.LatencyRate = Double(Value()); break;
                case "--latency": o.Faults.Latency = Seconds(Value()); break;
                case "--retry-after": o.Faults.RetryAfter = Seconds(Value()); break;
                case "--fault-phase": o.Faults.Phase = Enum.Parse<FaultPhase>(Value(), ignoreCase: true); break;
                default: throw new ArgumentException($"Unknown option {name}. See the top of Program.cs.");
            }
        }

        if (spread is double total)
        {
            // "--faults 0.1": 10% of requests faulted, spread evenly over the five kinds (explicit rates win).
            var each = total / 5;
            var f = o.Faults;
            if (f.ServerErrorRate == 0) f.ServerErrorRate = each;
            if (f.TooManyRequestsRate == 0) f.TooManyRequestsRate = each;
            if (f.ResetRate == 0) f.ResetRate = each;
            if (f.MalformedJsonRate == 0) f.MalformedJsonRate = each;
            if (f.LatencyRate == 0) f.LatencyRate = each;
        }

        return o;
    }

    private static string[] Slice(IReadOnlyList<string> args, int from)
    {
        var rest = new string[Math.Max(0, args.Count - from)];
        for (var i = 0; i < rest.Length; i++) rest[i] = args[from + i];
        return rest;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(string s) => s.EndsWith("ms", StringComparison.Ordinal)
        ? TimeSpan.FromMilliseconds(Double(s[..^2]))
        : TimeSpan.FromSeconds(Double(s.TrimEnd('s')));

    private static string ParseShape(string s) => s is "stream" or "per-prompt" or "batch" ? s : throw new ArgumentException("--shape is stream, per-prompt or batch.");

    private static bool OnOff(string s) => s is "on" or "true" or "1";

    private static SimulatorFlavor ParseFlavor(string s) => s.ToLowerInvariant() switch
    {
        "trueai" => SimulatorFlavor.TrueAi,
        "plus" => SimulatorFlavor.Plus,
        "novicezk" => SimulatorFlavor.NoviceZk,
        "gateway" => SimulatorFlavor.Gateway,
        "taskapi" => SimulatorFlavor.TaskApi,
        _ => throw new ArgumentException($"Unknown flavour {s}."),
    };
}
