using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.Hostile;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Xunit;

namespace Midjourney.PowerShell.Tests.Hostile;

/// <summary>
/// Issue 17 item 4 for what the cmdlets say: a hostile server's text reaches no progress bar, warning, error or emitted
/// task with an escape sequence (the views and the terminal itself are checked in tests/Hostile.Tests.ps1).
/// </summary>
public sealed class HostileOutputTests : IAsyncLifetime
{
    private readonly HostileServer _server = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mj-hostile-out-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Waiting_for_a_task_with_escape_sequences_says_nothing_with_one()
    {
        var session = new MjSession(_ => null);
        var connection = await new ConnectServerOperation(session).RunAsync(SimHarness.Connect(_server.Probe("inject"), "k", AuthScheme.MjApiSecret, _folder), new RecordingOutput(), CancellationToken.None);
        var wait = new WaitTaskOperation(session);
        wait.Add("1");
        var output = new RecordingOutput();

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await wait.EndAsync(new WaitTaskOptions { Connection = connection, PollInterval = TimeSpan.FromMilliseconds(50) }, output, bound.Token);

        var task = Assert.Single(output.Tasks);
        Assert.Equal(MjTaskStatus.Failure, task.Status);
        var error = Assert.Single(output.Errors);
        Assert.Contains("banned click reason", error.Message);
        Assert.NotEmpty(output.Progress);
        AssertClean(output.AllText());
        AssertClean(string.Join("\n", output.Progress.Select(p => p.Activity + p.StatusDescription)));
    }

    [Fact]
    public async Task A_batch_row_left_retryable_by_a_refusal_with_escape_sequences_is_shown_clean_in_the_summary()
    {
        var session = new MjSession(_ => null);
        var connection = await new ConnectServerOperation(session).RunAsync(SimHarness.Connect(_server.Probe("inject"), "k", AuthScheme.MjApiSecret, _folder), new RecordingOutput(), CancellationToken.None);
        var prompt = "a cat " + Probes.Injection; // the user's file is data too: the summary shows it in a table
        var options = new BatchOptions
        {
            OutputPath = _folder,
            StatePath = Path.Combine(_folder, BatchStateFile.DefaultName),
            Connections = { connection },
            PollInterval = TimeSpan.FromMilliseconds(10),
            Rows = new[] { new BatchRow(1, "row1", prompt) { Options = new NewImagineOptions { Prompt = prompt } } },
        };
        var output = new RecordingOutput();

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await new InvokeBatchOperation(session).RunAsync(options, output, bound.Token);

        var failure = Assert.Single(Assert.Single(output.Objects.OfType<MjBatchSummary>()).Failures);
        Assert.True(failure.Retryable); // a refused submit leaves the row for the next run
        Assert.Contains("refused", failure.Reason); // the server's words are there, without their escape sequences
        Assert.EndsWith(BatchRowException.CarryOn, failure.Reason.Split('\n')[0]);
        Assert.StartsWith("a cat ", failure.Prompt);
        AssertClean(failure.Reason);
        AssertClean(failure.Prompt);
    }

    private static void AssertClean(string text)
    {
        var bad = text.FirstOrDefault(c => (c < ' ' && c != '\n' && c != '\r' && c != '\t') || (c >= '\u007f' && c <= '\u009f'));
        Assert.True(bad == default(char), $"U+{(int)bad:X4} in: {text}");
    }
}
