using Midjourney.Client;
using Midjourney.Simulator;

namespace Midjourney.EndToEnd.Tests;

/// <summary>The README's C# example, kept compiling and working against the simulator.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_example_runs()
    {
        await using var simulator = await MjSimulator.StartAsync(new SimulatorOptions { TimeScale = 0.002, ApiKey = "readme-key" });
        var folder = Path.Combine(Path.GetTempPath(), "mj-readme-" + Guid.NewGuid().ToString("N"));
        try
        {
            // --- README example (base URL and journal path adapted) ---
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));  // or your app's token
            var ct = cts.Token;
            using var client = new MjClient(new MjClientOptions(simulator.BaseAddress)
            {
                ApiKey = "readme-key",
                AuthScheme = AuthScheme.Raw,
                JournalPath = Path.Combine(folder, "journal.jsonl"),
            });

            var submitted = await client.ImagineAsync(new MjImagineRequest("red ceramic mug --v 7"), ct);
            var grid = await client.WaitAsync(submitted.Id, Rig.Wait, cancellationToken: ct);
            var upscaling = (await client.ClickAsync(grid, "U1", cancellationToken: ct))[0];
            var upscale = await client.WaitAsync(upscaling.Id, Rig.Wait, cancellationToken: ct);
            var files = await client.DownloadAsync(upscale, Path.Combine(folder, "out"), cancellationToken: ct);
            // --- end ---

            Assert.Equal(MjTaskStatus.Success, upscale.Status);
            MaskPng.ReadSize(File.ReadAllBytes(Assert.Single(files).FullName));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
