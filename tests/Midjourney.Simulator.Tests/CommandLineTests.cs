using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Midjourney.Simulator.Cli;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parses_every_option()
    {
        CommandLine parsed = CommandLine.Parse(new[]
        {
            "--urls", "http://127.0.0.1:0", "--flavor", "gateway", "--api-key", "k", "--time-scale", "0.5", "--concurrency", "4",
            "--queue=7", "--timeout", "90s", "--image-ttl", "2h", "--remix", "--banned-words", "a, b ,c", "--seed", "9",
            "--max-tasks", "50", "--default-mode", "turbo", "--log", "--ready-file", "/tmp/x", "--fault-500", "0.1",
            "--fault-429", "0.2", "--fault-reset", "0.05", "--fault-latency", "0.3", "--fault-malformed", "0.1",
            "--latency", "250ms", "--retry-after", "3", "--fault-route", "/mj/task/*", "--fault-phase", "after",
        });
        SimulatorOptions o = parsed.Options;
        Assert.Equal((SimulatorFlavor.Gateway, "k", 0.5, 4, 7), (o.Flavor, o.ApiKey, o.TimeScale, o.Concurrency, o.Queue));
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromHours(2), true, 9, 50), (o.Timeout, o.ImageTtl, o.Remix, o.Seed, o.MaxTasks));
        Assert.Equal(new[] { "a", "b", "c" }, o.BannedWords);
        Assert.Equal((SpeedMode.Turbo, true, "/tmp/x"), (o.DefaultMode, o.EnableLogging, parsed.ReadyFile));
        FaultOptions f = o.Faults;
        Assert.Equal((0.1, 0.2, 0.05, 0.3, 0.1), (f.ServerErrorRate, f.TooManyRequestsRate, f.ResetRate, f.LatencyRate, f.MalformedJsonRate));
        Assert.Equal((TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3), "/mj/task/*", FaultPhase.After), (f.Latency, f.RetryAfter, f.RouteFilter, f.Phase));
    }

    [Theory]
    [InlineData("--flavor", "nope")]
    [InlineData("--bogus", "1")]
    [InlineData("--timeout", "soon")]
    [InlineData("--concurrency", "0")]
    [InlineData("--fault-500", "2")]
    public void Rejects_bad_input(string name, string value) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(new[] { name, value }));

    [Fact]
    public void Defaults_match_the_documentation()
    {
        SimulatorOptions o = CommandLine.Parse(Array.Empty<string>()).Options;
        Assert.Equal(("http://127.0.0.1:8080", SimulatorFlavor.TrueAi, null, 1.0, 3, 10), (o.Urls, o.Flavor, (string?)o.ApiKey, o.TimeScale, o.Concurrency, o.Queue));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromHours(24), 100_000, FaultPhase.Random), (o.Timeout, o.ImageTtl, o.MaxTasks, o.Faults.Phase));
        Assert.Contains("--fault-phase", HelpText.Text);
    }

    [Fact]
    public async Task Executable_prints_the_three_lines_and_writes_the_ready_file()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Midjourney.Simulator.dll");
        string ready = Path.Combine(Path.GetTempPath(), "mjsim-" + Guid.NewGuid().ToString("N") + ".txt");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0", "--flavor", "plus", "--api-key", "k", "--ready-file", ready },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        try
        {
            // Generous bounds: starting a process on a busy machine may take long; nothing here measures speed.
            string? baseLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            string? flavorLine = await process.StandardOutput.ReadLineAsync();
            string? keyLine = await process.StandardOutput.ReadLineAsync();
            Assert.Matches(@"^BaseUrl: http://127\.0\.0\.1:\d+$", baseLine);
            Assert.NotEqual("BaseUrl: http://127.0.0.1:0", baseLine);
            Assert.Equal(("Flavor: plus", "ApiKey: k"), (flavorLine, keyLine));
            string baseUrl = baseLine!["BaseUrl: ".Length..];
            Assert.Equal(baseUrl, (await ReadReadyFileAsync(ready).WaitAsync(TimeSpan.FromMinutes(2))).Trim());
            using var http = new HttpClient();
            Assert.Equal("ok", await http.GetStringAsync(baseUrl + "/sim/health"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            File.Delete(ready);
        }
    }

    /// <summary>The ready file once it is complete (the simulator writes it right after the three lines, ending in a newline).</summary>
    private static async Task<string> ReadReadyFileAsync(string path)
    {
        while (true)
        {
            if (File.Exists(path))
            {
                string text = await File.ReadAllTextAsync(path);
                if (text.EndsWith('\n')) return text;
            }

            await Task.Delay(20);
        }
    }
}
