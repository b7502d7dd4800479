using Midjourney.Client;
using Midjourney.Simulator;

namespace Midjourney.EndToEnd.Tests;

/// <summary>Starts a simulator of one flavour on loopback and a client for it; both are stopped at the end.</summary>
internal sealed class Rig : IAsyncDisposable
{
    private Rig(MjSimulator simulator, MjClient client, string folder)
    {
        Simulator = simulator;
        Client = client;
        Folder = folder;
    }

    public MjSimulator Simulator { get; }

    public MjClient Client { get; }

    /// <summary>A temporary folder for downloads and the journal, deleted at the end.</summary>
    public string Folder { get; }

    public static MjWaitOptions Wait => new()
    {
        MinPollInterval = TimeSpan.FromMilliseconds(20),
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<Rig> StartAsync(SimulatorFlavor flavor, AuthScheme scheme, Action<SimulatorOptions>? configure = null, Action<MjClientOptions>? configureClient = null)
    {
        const string key = "e2e-key-5d41402abc4b2a76";
        var options = new SimulatorOptions { Flavor = flavor, ApiKey = key, TimeScale = 0.002, Seed = 7 };
        configure?.Invoke(options);
        var simulator = await MjSimulator.StartAsync(options);
        var folder = Path.Combine(Path.GetTempPath(), "mj-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clientOptions = new MjClientOptions(simulator.BaseAddress)
        {
            ApiKey = key,
            AuthScheme = scheme,
            JournalPath = Path.Combine(folder, "journal.jsonl"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        configureClient?.Invoke(clientOptions);
        return new Rig(simulator, new MjClient(clientOptions), folder);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
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
