using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Security;
using Midjourney.PowerShell.Commands;
using Midjourney.Simulator;
using PowerShellInstance = System.Management.Automation.PowerShell;

namespace Midjourney.Hosting.Tests;

/// <summary>
/// Ctrl+C in the middle of Invoke-MjBatch (issue 18, item 7): PowerShell.Stop() is what the console host calls. The
/// pipeline takes no more output then, so the batch says where it stopped on the host, which this test's host records.
/// </summary>
public sealed class BatchStopTests : IAsyncLifetime
{
    // Only a guard against a hang: a healthy run stops the pipeline long before this.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mj-hosting-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost _host = new();
    private MjSimulator? _simulator;
    private Runspace? _runspace;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        // One task at a time, fast: the rows end one after another, so the stop comes between two of them.
        _simulator = await MjSimulator.StartAsync(new SimulatorOptions { TimeScale = 0.02, Concurrency = 1, Seed = 3 });
        _runspace = RunspaceFactory.CreateRunspace(_host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        using var shell = PowerShellInstance.Create(_runspace);
        shell.AddCommand("Import-Module").AddParameter("Name", typeof(ConnectMjServerCommand).Assembly.Location).AddStatement()
            .AddCommand("Connect-MjServer").AddParameter("Uri", _simulator.BaseAddress).AddParameter("JournalPath", Path.Combine(_folder, "journal.jsonl"));
        shell.Invoke();
        Assert.False(shell.HadErrors, string.Join("; ", shell.Streams.Error));
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
    public async Task Stopping_a_batch_says_how_many_rows_are_done_and_how_to_carry_on()
    {
        var output = Path.Combine(_folder, "out");
        using var shell = PowerShellInstance.Create(_runspace!);
        shell.AddScript("1..6 | ForEach-Object { \"stopped batch mug $_\" } | Invoke-MjBatch -OutputPath $args[0] -PollInterval 1").AddArgument(output);
        var oneDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shell.Streams.Progress.DataAdded += (_, e) =>
        {
            if (shell.Streams.Progress[e.Index].StatusDescription.StartsWith("1/6 done", StringComparison.Ordinal))
            {
                oneDone.TrySetResult();
            }
        };

        var invocation = shell.BeginInvoke();
        await oneDone.Task.WaitAsync(Guard);
        await Task.Run(shell.Stop).WaitAsync(Guard);

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(invocation));

        // The state file is the truth: the message counts the rows it says are saved.
        var saved = File.ReadAllLines(Path.Combine(output, ".mjbatch.jsonl")).Count(l => l.Contains("\"stage\":\"saved\"", StringComparison.Ordinal));
        Assert.InRange(saved, 1, 5);
        var warning = Assert.Single(_host.Warnings);
        Assert.Equal($"Stopped: {saved} of 6 rows done; run the same command to carry on.", warning);
    }

    /// <summary>A host that records what is written to it (the console host would show it).</summary>
    private sealed class RecordingHost : PSHost
    {
        private readonly RecordingUserInterface _ui = new();

        public List<string> Warnings => _ui.Warnings;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override string Name => "RecordingHost";

        public override PSHostUserInterface UI => _ui;

        public override Version Version => new(1, 0);

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }
    }

    private sealed class RecordingUserInterface : PSHostUserInterface
    {
        public List<string> Warnings { get; } = new();

        public override PSHostRawUserInterface? RawUI => null;

        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => throw new NotSupportedException();

        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

        public override string ReadLine() => throw new NotSupportedException();

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

        public override void Write(string value)
        {
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value)
        {
        }

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteErrorLine(string value)
        {
        }

        public override void WriteLine(string value)
        {
        }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message)
        {
            lock (Warnings)
            {
                Warnings.Add(message);
            }
        }
    }
}
