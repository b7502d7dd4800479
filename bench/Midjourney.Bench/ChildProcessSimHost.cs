using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Midjourney.Simulator;

namespace Midjourney.Bench;

/// <summary>
/// The simulator as a separate process (its CLI, from the copy of Midjourney.Simulator.dll next to this program),
/// so this process's CPU time is the client's alone. Stats come from GET /sim/stats.
/// </summary>
public sealed class ChildProcessSimHost : ISimHost
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly HttpClient _http;

    private ChildProcessSimHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public bool SharesProcess => false;

    public static async Task<ChildProcessSimHost> StartAsync(SimulatorOptions o)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Midjourney.Simulator.dll");
        var ready = Path.Combine(Path.GetTempPath(), "mj-bench-" + Guid.NewGuid().ToString("N") + ".url");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in Arguments(o, dll, ready)) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the simulator.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("simulator: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!File.Exists(ready) || new FileInfo(ready).Length == 0)
        {
            if (process.HasExited) throw new InvalidOperationException($"The simulator exited with code {process.ExitCode}.");
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("The simulator did not start within 30 s.");
            await Task.Delay(50);
        }

        await Task.Delay(20); // the file may be mid-write
        var url = (await File.ReadAllTextAsync(ready)).Trim();
        File.Delete(ready);
        return new ChildProcessSimHost(process, new Uri(url.TrimEnd('/') + "/"));
    }

    public async Task<SimulatorStats> GetStatsAsync() =>
        await _http.GetFromJsonAsync<SimulatorStats>("sim/stats", Json) ?? throw new InvalidOperationException("Empty /sim/stats.");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string[] Arguments(SimulatorOptions o, string dll, string ready)
    {
        var f = o.Faults;
        string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        string Ms(TimeSpan t) => Math.Max(1, (long)Math.Round(t.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
        return new[]
        {
            dll, "--urls", "http://127.0.0.1:0", "--ready-file", ready,
            "--flavor", o.Flavor switch
            {
                SimulatorFlavor.TrueAi => "trueai", SimulatorFlavor.Plus => "plus", SimulatorFlavor.NoviceZk => "novicezk",
                SimulatorFlavor.Gateway => "gateway", _ => "taskapi",
            },
            "--time-scale", N(o.TimeScale), "--concurrency", o.Concurrency.ToString(CultureInfo.InvariantCulture),
            "--queue", o.Queue.ToString(CultureInfo.InvariantCulture), "--seed", o.Seed.ToString(CultureInfo.InvariantCulture),
            "--default-mode", o.DefaultMode.ToString().ToLowerInvariant(),
            "--fault-500", N(f.ServerErrorRate), "--fault-429", N(f.TooManyRequestsRate), "--fault-reset", N(f.ResetRate),
            "--fault-malformed", N(f.MalformedJsonRate), "--fault-latency", N(f.LatencyRate),
            "--latency", Ms(f.Latency), "--retry-after", Ms(f.RetryAfter), "--fault-phase", f.Phase.ToString().ToLowerInvariant(),
        };
    }
}
