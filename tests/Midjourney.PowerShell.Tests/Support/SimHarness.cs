using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;
using Midjourney.Simulator;

namespace Midjourney.PowerShell.Tests.Support;

/// <summary>A simulator on 127.0.0.1:0, a private session connected to it, and a temp folder.</summary>
internal sealed class SimHarness : IAsyncDisposable
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private SimHarness(MjSimulator simulator, MjSession session, MjConnection connection, string folder)
    {
        Simulator = simulator;
        Session = session;
        Connection = connection;
        Folder = folder;
    }

    public MjSimulator Simulator { get; }

    public MjSession Session { get; }

    public MjConnection Connection { get; }

    public string Folder { get; }

    /// <summary>
    /// Starts the simulator and connects. <paramref name="simulatorTime"/> replaces the simulator's clock (a fake one
    /// that nobody moves freezes every task where it is); <paramref name="clientTime"/> replaces the clock of the
    /// client's waits (poll intervals, deadlines).
    /// </summary>
    public static async Task<SimHarness> StartAsync(SimulatorFlavor flavor = SimulatorFlavor.TrueAi, string? apiKey = "test-key", AuthScheme scheme = AuthScheme.MjApiSecret, bool remix = false, TimeProvider? simulatorTime = null, TimeProvider? clientTime = null)
    {
        var simulator = await MjSimulator.StartAsync(new SimulatorOptions { Flavor = flavor, TimeScale = 0.001, ApiKey = apiKey, Concurrency = 8, Timeout = TimeSpan.FromHours(10), TimeProvider = simulatorTime ?? TimeProvider.System, Remix = remix });
        var folder = Path.Combine(Path.GetTempPath(), "mjps-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var session = new MjSession(_ => null);
        var connection = await new ConnectServerOperation(session).RunAsync(Connect(simulator.BaseAddress, apiKey, scheme, folder, clientTime), new RecordingOutput(), CancellationToken.None);
        return new SimHarness(simulator, session, connection, folder);
    }

    public static ConnectServerOptions Connect(Uri uri, string? apiKey, AuthScheme scheme, string folder, TimeProvider? clientTime = null) => new()
    {
        Uri = uri,
        ApiKey = apiKey,
        AuthScheme = scheme,
        JournalPath = Path.Combine(folder, "journal.jsonl"),
        Tune = o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            o.TimeProvider = clientTime ?? TimeProvider.System;
        },
    };

    /// <summary>Submits requests so far (submit routes only).</summary>
    public long Submits()
    {
        long total = 0;
        foreach (KeyValuePair<string, long> pair in Simulator.GetStats().Requests)
        {
            if (pair.Key.Contains("/submit/", StringComparison.Ordinal))
            {
                total += pair.Value;
            }
        }

        return total;
    }

    public async Task<MjTask> ImagineAndWaitAsync(string prompt = "a red ceramic mug")
    {
        var output = new RecordingOutput();
        await new NewImagineOperation(Session).ProcessAsync(new NewImagineOptions { Prompt = prompt, Wait = true, PollInterval = Poll }, output, CancellationToken.None);
        Xunit.Assert.Empty(output.Errors);
        return Xunit.Assert.Single(output.Tasks);
    }

    public async Task<MjTask> ClickAndWaitAsync(MjTask task, string label)
    {
        var output = new RecordingOutput();
        await new InvokeButtonOperation(Session).ProcessAsync(new InvokeButtonOptions { Task = task, Label = label, Wait = true, PollInterval = Poll }, output, CancellationToken.None);
        Xunit.Assert.Empty(output.Errors);
        return Xunit.Assert.Single(output.Tasks);
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
