using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Images;

namespace Midjourney.Simulator.Http;

/// <summary>The shared parts one simulator instance hands to its endpoints and middleware.</summary>
internal sealed class SimulatorServices
{
    public SimulatorServices(SimulatorOptions options)
    {
        Options = options;
        Profile = FlavorProfile.For(options.Flavor);
        Clock = new SimClock(options.TimeProvider);
        StartedAtMs = Clock.NowMs();
        Counters = new SimCounters();
        Engine = new TaskEngine(options, Clock, Counters, Profile.TrueAiBehaviour, Profile.TimeoutReason(options), Profile.BotFailReason);
        Links = new MediaLinks(new MediaUrlSigner(options.Seed, options.ImageTtl));
        Banned = new Admin.BannedWordLists(options, StartedAtMs);
        Users = new Admin.UserStore(options, StartedAtMs);
        Faults = new FaultInjector(options.Faults, options.Seed);
        Gate = new Endpoints.NewTaskGate(this);
    }

    public SimulatorOptions Options { get; }
    public FlavorProfile Profile { get; }
    public SimClock Clock { get; }
    public SimCounters Counters { get; }
    public TaskEngine Engine { get; }
    public MediaLinks Links { get; }
    /// <summary>The banned words prompts are checked against (TrueAI's lists, which its administrator edits).</summary>
    public Admin.BannedWordLists Banned { get; }

    /// <summary>TrueAI's users: who a token is.</summary>
    public Admin.UserStore Users { get; }
    public FaultInjector Faults { get; }

    /// <summary>TrueAI's checks before a task is created (Redis, state length, guest limit).</summary>
    public Endpoints.NewTaskGate Gate { get; }
    public UploadStore Uploads { get; } = new();

    /// <summary>Start instant, for uptime.</summary>
    public long StartedAtMs { get; }

    /// <summary>The numbers behind <c>/sim/stats</c>.</summary>
    public SimulatorStats Stats()
    {
        long now = Clock.NowMs();
        var requests = Counters.Routes();
        long total = 0;
        foreach (long count in requests.Values) total += count;
        return new SimulatorStats
        {
            Flavor = Cli.FlavorNames.Of(Options.Flavor),
            UptimeSeconds = (now - StartedAtMs) / 1000.0,
            Requests = requests,
            TotalRequests = total,
            SubmitsAccepted = Counters.SubmitsAccepted,
            TasksCreated = Counters.TasksCreated,
            Faults = Counters.Faults(),
            Slots = Engine.Slots,
            BusySlotSeconds = Engine.Store.BusyMs(now) / 1000.0,
            TasksStored = Engine.Store.Count,
            TasksWaiting = Engine.Waiting(),
            TimeScale = Options.TimeScale,
        };
    }
    public ImageCache Images { get; } = new();

    /// <summary>The base URL used in image links when no request is at hand (notify hooks).</summary>
    public string DefaultBaseUrl { get; set; } = "http://127.0.0.1/";

    // A reference (not a struct) so concurrent readers never see a torn host/url pair.
    private BaseUrlCache? _lastBase;

    /// <summary>Base URL of the server as the client reached it (image links must work through the client's host name).</summary>
    public string BaseUrlOf(Microsoft.AspNetCore.Http.HttpContext context)
    {
        string host = context.Request.Host.Value ?? "";
        BaseUrlCache? cached = System.Threading.Volatile.Read(ref _lastBase);
        if (cached is not null && cached.Host == host) return cached.Url;
        string url = host.Length == 0 ? DefaultBaseUrl : context.Request.Scheme + "://" + host + "/";
        System.Threading.Volatile.Write(ref _lastBase, new BaseUrlCache(host, url));
        return url;
    }

    private sealed record BaseUrlCache(string Host, string Url);

    /// <summary>Clears tasks, counters, uploads and the fault generator.</summary>
    public void Reset()
    {
        Engine.Reset();
        Counters.Clear();
        Uploads.Clear();
        Images.Clear();
        Faults.Reset();
        Gate.Reset();
    }
}
