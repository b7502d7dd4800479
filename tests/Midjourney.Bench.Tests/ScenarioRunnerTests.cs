using Midjourney.Simulator;
using Xunit.Abstractions;

namespace Midjourney.Bench.Tests;

/// <summary>The runner's scenario on a small N with faults on: a correctness check of the user script, not a timing.</summary>
public sealed class ScenarioRunnerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_prompts_under_faults_end_with_nothing_lost_or_duplicated()
    {
        var options = BenchOptions.Parse(new[] { "--prompts", "20", "--time-scale", "0.002", "--seed", "11", "--simulator", "inproc" });
        // Faults of every kind on the poll routes only, so every prompt must complete: this checks the wait.
        // Submit faults (resets included) are the next test's.
        options.Faults = new FaultOptions
        {
            ServerErrorRate = 0.03,
            TooManyRequestsRate = 0.02,
            ResetRate = 0.02,
            MalformedJsonRate = 0.03,
            LatencyRate = 0.02,
            Latency = TimeSpan.FromSeconds(2),
            RetryAfter = TimeSpan.FromSeconds(1),
            RouteFilter = "/mj/task/*",
        };

        var result = await ScenarioRunner.RunAsync(options, baseline: false);

        output.WriteLine(ResultTable.Format(result, null));
        Assert.True(result.Faults.Values.Sum() > 0, "no fault was injected: the test proves nothing");
        Assert.False(result.DeadlineHit);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.Equal(40, result.TasksCreated);
        Assert.Equal(20, result.PromptsCompleted);
        Assert.Equal(40, result.Succeeded);
        Assert.Equal(0, result.SubmitErrorCount);
    }

    [Fact]
    public async Task Submit_faults_never_lose_or_duplicate_a_task()
    {
        // Faults on the submit routes too, resets included: a prompt may fail (ambiguous submit), but every task the
        // server created is known to the script and seen to end.
        var options = BenchOptions.Parse(new[] { "--prompts", "20", "--time-scale", "0.002", "--seed", "5", "--simulator", "inproc", "--faults", "0.1", "--latency", "1s" });

        var result = await ScenarioRunner.RunAsync(options, baseline: false);

        output.WriteLine(ResultTable.Format(result, null));
        Assert.True(result.Faults.Values.Sum() > 0, "no fault was injected: the test proves nothing");
        Assert.False(result.DeadlineHit);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.Equal(result.TasksSubmitted, result.Succeeded + result.Failed);
        // Every prompt ends exactly one way: completed, a refused submit (imagine or click), or a failed task.
        Assert.Equal(20, result.PromptsCompleted + result.SubmitErrorCount + result.Failed);
        Assert.True(result.PromptsCompleted >= 15, $"only {result.PromptsCompleted} of 20 prompts completed");
    }

    [Fact]
    public async Task A_batch_stopped_at_half_and_run_again_under_faults_does_every_row_once()
    {
        var options = BenchOptions.Parse(new[] { "--prompts", "16", "--time-scale", "0.002", "--seed", "7", "--simulator", "inproc", "--faults", "0.1", "--latency", "1s" });

        var result = await BatchScenario.RunAsync(options, servers: 1, resume: true);

        output.WriteLine(BatchTable.Format(new[] { result }, null));
        Assert.True(result.Faults.Values.Sum() > 0, "no fault was injected: the test proves nothing");
        Assert.True(result.SkippedOnResume > 0, "the first run was not stopped with rows done: the test proves nothing");
        Assert.True(result.SkippedOnResume < 16, "the first run did every row: the test proves nothing");
        Assert.Equal(16, result.Done);
        Assert.Equal(32, result.TasksExpected);
        Assert.Equal(32, result.TasksCreated);
        Assert.Equal(16, result.Files);
    }
}
