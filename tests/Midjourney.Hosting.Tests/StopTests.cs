using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Midjourney.PowerShell.Commands;
using Midjourney.Simulator;
using PowerShellInstance = System.Management.Automation.PowerShell;

namespace Midjourney.Hosting.Tests;

/// <summary>
/// Ctrl+C in a real PowerShell host: PowerShell.Stop() is exactly what the console host calls. A child pwsh
/// cannot be sent Ctrl+C without a terminal, so these run in-process with Microsoft.PowerShell.SDK.
/// </summary>
public sealed class StopTests : IAsyncLifetime
{
    // Only a guard against a hang: a healthy run stops the pipeline long before this.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mj-hosting-" + Guid.NewGuid().ToString("N"));
    private MjSimulator? _simulator;
    private Runspace? _runspace;

    private string JournalPath => Path.Combine(_folder, "journal.jsonl");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        // Time runs 100x SLOWER than real: a job would take most of an hour, so it is still running
        // whenever the test stops the pipeline, however slow the machine.
        _simulator = await MjSimulator.StartAsync(new SimulatorOptions { TimeScale = 100, Seed = 3 });
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Invoke("Import-Module", ("Name", typeof(ConnectMjServerCommand).Assembly.Location));
        Invoke("Connect-MjServer", ("Uri", _simulator.BaseAddress), ("JournalPath", JournalPath));
    }

    public async Task DisposeAsync()
    {
        _runspace?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Stopping_a_wait_ends_the_pipeline_and_keeps_the_submitted_task_in_the_journal()
    {
        using var shell = PowerShellInstance.Create(_runspace!);
        shell.AddScript("New-MjImagine 'red ceramic mug' | Wait-MjTask");
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shell.Streams.Progress.DataAdded += (_, _) => waiting.TrySetResult();

        var invocation = shell.BeginInvoke();
        await waiting.Task.WaitAsync(Guard);
        await Task.Run(shell.Stop).WaitAsync(Guard);

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(invocation));
        // The paid task is not lost: its id is in the journal, and the server made exactly one.
        var line = Assert.Single(File.ReadAllLines(JournalPath));
        Assert.Contains("red ceramic mug", line);
        Assert.Equal(1, _simulator!.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Stopping_a_wait_lets_the_next_command_in_the_same_session_run()
    {
        using (var shell = PowerShellInstance.Create(_runspace!))
        {
            shell.AddScript("New-MjImagine 'blue glass vase' | Wait-MjTask");
            var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            shell.Streams.Progress.DataAdded += (_, _) => waiting.TrySetResult();
            shell.BeginInvoke();
            await waiting.Task.WaitAsync(Guard);
            await Task.Run(shell.Stop).WaitAsync(Guard);
        }

        // The connection survives the stop: the journal still lists the task, and the server still answers.
        var recent = Invoke("Get-MjTask", ("Recent", 5));
        var task = Assert.Single(recent);
        Assert.Equal("blue glass vase", task.Properties["Prompt"].Value);
    }

    private IReadOnlyList<PSObject> Invoke(string command, params (string Name, object Value)[] parameters)
    {
        using var shell = PowerShellInstance.Create(_runspace!);
        shell.AddCommand(command);
        foreach (var (name, value) in parameters)
        {
            shell.AddParameter(name, value);
        }

        var output = shell.Invoke();
        if (shell.HadErrors)
        {
            throw new InvalidOperationException($"{command} failed: {string.Join("; ", shell.Streams.Error.Select(e => e.ToString()))}");
        }

        return output;
    }
}
