using System;
using System.Threading.Tasks;
using Midjourney.Simulator;

namespace Midjourney.Bench;

/// <summary>A running simulator, in this process or in a child process.</summary>
public interface ISimHost : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>True when the simulator's CPU time is counted in this process's CPU time.</summary>
    bool SharesProcess { get; }

    Task<SimulatorStats> GetStatsAsync();
}

/// <summary>Starts the right kind of host.</summary>
public static class SimHost
{
    /// <summary>The simulator options for a run; real-speed fault latency is scaled like everything else.</summary>
    public static SimulatorOptions Options(BenchOptions o, double timeScale, int concurrency, int queue, SpeedMode mode = SpeedMode.Fast) => new()
    {
        Flavor = o.Flavor,
        TimeScale = timeScale,
        Concurrency = concurrency,
        Queue = queue,
        Seed = o.Seed,
        DefaultMode = mode,
        Faults = new FaultOptions
        {
            ServerErrorRate = o.Faults.ServerErrorRate,
            TooManyRequestsRate = o.Faults.TooManyRequestsRate,
            ResetRate = o.Faults.ResetRate,
            MalformedJsonRate = o.Faults.MalformedJsonRate,
            LatencyRate = o.Faults.LatencyRate,
            Latency = TimeSpan.FromTicks((long)(o.Faults.Latency.Ticks * timeScale)),
            // Scaled like the latency: under half a second the simulator sends 0 ("retry at once"), nearer the real
            // pause than a whole wall second, which at 200x would be 200 s of real time.
            RetryAfter = TimeSpan.FromTicks((long)(o.Faults.RetryAfter.Ticks * timeScale)),
            Phase = o.Faults.Phase,
        },
    };

    public static async Task<ISimHost> StartAsync(SimulatorOptions options, bool inProcess) => inProcess
        ? new InProcessSimHost(await MjSimulator.StartAsync(options))
        : await ChildProcessSimHost.StartAsync(options);
}

/// <summary>The simulator in this process (tests): simple, but its CPU counts as the client's.</summary>
public sealed class InProcessSimHost : ISimHost
{
    private readonly MjSimulator _simulator;

    public InProcessSimHost(MjSimulator simulator) => _simulator = simulator;

    public Uri BaseAddress => _simulator.BaseAddress;

    public bool SharesProcess => true;

    public Task<SimulatorStats> GetStatsAsync() => Task.FromResult(_simulator.GetStats());

    public ValueTask DisposeAsync() => _simulator.DisposeAsync();
}
