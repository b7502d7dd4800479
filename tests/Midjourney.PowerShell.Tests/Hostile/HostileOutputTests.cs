using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.Hostile;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Operations;
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

    private static void AssertClean(string text)
    {
        var bad = text.FirstOrDefault(c => (c < ' ' && c != '\n' && c != '\r' && c != '\t') || (c >= '\u007f' && c <= '\u009f'));
        Assert.True(bad == default(char), $"U+{(int)bad:X4} in: {text}");
    }
}
