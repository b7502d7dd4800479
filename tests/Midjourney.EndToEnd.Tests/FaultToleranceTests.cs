using System.Collections.Concurrent;
using Midjourney.Client;
using Midjourney.Simulator;
using Xunit.Abstractions;

namespace Midjourney.EndToEnd.Tests;

/// <summary>With 500s, 429s, resets, latency and garbled JSON on, every task the server created is known to the client.</summary>
public sealed class FaultToleranceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.Raw)]
    [InlineData(SimulatorFlavor.Plus, AuthScheme.MjApiSecret)]
    public async Task Every_task_is_accounted_for_under_faults(SimulatorFlavor flavor, AuthScheme scheme)
    {
        await using var rig = await Rig.StartAsync(flavor, scheme, o =>
        {
            o.Seed = 1234;
            o.Concurrency = 3;
            o.Queue = 10;
            o.Faults = new FaultOptions
            {
                ServerErrorRate = 0.04,
                TooManyRequestsRate = 0.02,
                ResetRate = 0.02,
                LatencyRate = 0.02,
                MalformedJsonRate = 0.02,
                Latency = TimeSpan.FromMilliseconds(30),
                RetryAfter = TimeSpan.FromMilliseconds(50),
                Phase = FaultPhase.Random,
            };
        }, c => c.MaxSubmitRetries = 8);
        var client = rig.Client;
        var known = new ConcurrentDictionary<string, MjTask>();
        var ambiguous = 0;

        async Task RunOne(int i)
        {
            try
            {
                var submitted = await client.ImagineAsync(new MjImagineRequest($"prompt number {i}"));
                known[submitted.Id] = submitted;
                var grid = await client.WaitAsync(submitted.Id, Rig.Wait);
                var child = Assert.Single(await client.ClickAsync(grid, "U1"));
                known[child.Id] = child;
                var upscale = await client.WaitAsync(child.Id, Rig.Wait);
                Assert.Equal(MjTaskStatus.Success, upscale.Status);
            }
            catch (MjAmbiguousSubmitException)
            {
                Interlocked.Increment(ref ambiguous);
            }
        }

        // A user's loop: a few prompts in flight at a time, within the account's slots and queue.
        for (var batch = 0; batch < 4; batch++)
        {
            await Task.WhenAll(Enumerable.Range(batch * 4, 4).Select(RunOne));
        }

        var stats = rig.Simulator.GetStats();
        output.WriteLine($"faults: {string.Join(", ", stats.Faults.Select(f => f.Key + "=" + f.Value))}; created {stats.TasksCreated}; known {known.Count}; ambiguous {ambiguous}");
        Assert.True(stats.Faults.Values.Sum() > 0, "no fault was injected: the test proves nothing");
        Assert.Equal(stats.TasksCreated, known.Count); // nothing lost, nothing duplicated
        Assert.True(known.Count >= 2 * (16 - ambiguous), $"{known.Count} tasks known, {ambiguous} ambiguous submits");
    }
}
