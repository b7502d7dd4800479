using System;
using System.Collections.Generic;

namespace Midjourney.Simulator;

/// <summary>Everything that shapes a simulator instance. Defaults imitate a single Midjourney account on a proxy.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The default banned words (used when <see cref="BannedWords"/> is not changed).</summary>
    public static readonly IReadOnlyList<string> DefaultBannedWords = new[] { "nsfw", "gore", "nude", "blood" };

    /// <summary>Which server to imitate. Default <see cref="SimulatorFlavor.TrueAi"/>.</summary>
    public SimulatorFlavor Flavor { get; set; } = SimulatorFlavor.TrueAi;

    /// <summary>
    /// Required API key (a user's token); null (default) disables authentication. Header rules depend on <see cref="Flavor"/>.
    /// On TrueAI it also turns guest mode off (see <see cref="Guest"/>), and while <see cref="AdminKey"/> is null it is
    /// the administrator's token, the only one the server has.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The administrator's token, accepted wherever <see cref="ApiKey"/> is. TrueAI lets only the administrator cancel
    /// tasks (others get HTTP 400 "演示模式，禁止操作") and use <c>/mj/admin/*</c> (others get 401 "账号无权限").
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// TrueAI's guest mode (its <c>EnableGuest</c> setting): a request with no token or an unknown one is served as a guest,
    /// who may do everything but cancel and the admin routes. Null (default): on unless <see cref="ApiKey"/> is set, as a
    /// fresh TrueAI install has it. Other flavours ignore it.
    /// </summary>
    public bool? Guest { get; set; }

    /// <summary>
    /// Imitates a proxy with no usable Midjourney account (all banned, disabled or out of hours): every submit answers
    /// code 3 "无可用的账号实例". Reads, cancel and lists keep working. Changeable while running (<see cref="MjSimulator.NoAccounts"/>).
    /// </summary>
    public bool NoAccounts { get; set; }

    /// <summary>
    /// Imitates a proxy that cannot reach Discord (as the real server on a machine without it): enabled accounts never
    /// connect (TrueAI's <c>running</c> false), so none takes work and every submit answers code 3, while accounts can
    /// still be listed, enabled, disabled and removed. Default false.
    /// </summary>
    public bool OfflineAccounts { get; set; }

    /// <summary>TrueAI only: imitates a server whose Redis is off or unreachable: every new task is refused with "服务暂不可用，请联系管理员".</summary>
    public bool NoRedis { get; set; }

    /// <summary>TrueAI only: tasks a guest may create per day (its <c>GuestDefaultDayLimit</c>); 0 (default) = no limit.</summary>
    public int GuestDailyLimit { get; set; }

    /// <summary>Serve task images (grids, tiles, upscales) as lossless WebP instead of PNG; one image also on request with <c>?format=webp</c>. Default false.</summary>
    public bool WebpImages { get; set; }

    /// <summary>Multiplies every simulated duration (run times and <see cref="Timeout"/>). Default 1.0; tests use 0.001–0.01.</summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>
    /// Midjourney accounts in the pool, each with <see cref="Concurrency"/> slots and a queue of <see cref="Queue"/>
    /// (so the pool holds Accounts x (Concurrency + Queue) tasks). Administrators list, enable, disable and remove them
    /// through the flavour's account API. Default 1.
    /// </summary>
    public int Accounts { get; set; } = 1;

    /// <summary>Number of tasks that run at the same time (each account's core size). Default 3.</summary>
    public int Concurrency { get; set; } = 3;

    /// <summary>Number of tasks that may wait for a slot of an account (its queue size) before submits are refused as "queue full". Default 10.</summary>
    public int Queue { get; set; } = 10;

    /// <summary>A running task that has not finished after this long fails with a timeout. Scaled by <see cref="TimeScale"/>. Default 5 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of image URLs (Discord-like <c>ex</c> parameter); afterwards they answer 403. Not scaled. Default 24 hours.</summary>
    public TimeSpan ImageTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Imitates an account with Remix on: V, 🔄, pans, Vary (Subtle/Strong) and Animate create MODAL children. Default false.</summary>
    public bool Remix { get; set; }

    /// <summary>Prompts containing one of these words are banned (case-insensitive, whole words). Default <see cref="DefaultBannedWords"/>.</summary>
    public IList<string> BannedWords { get; set; } = new List<string>(DefaultBannedWords);

    /// <summary>Seed of every random choice (durations, job hashes, describe texts, faults). Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Fault injection; all off by default.</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>Kestrel listen URL; port 0 picks a free port (see <see cref="MjSimulator.BaseAddress"/>). Default <c>http://127.0.0.1:0</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Maximum number of stored tasks; beyond it the oldest finished tasks are evicted. Default 100,000.</summary>
    public int MaxTasks { get; set; } = 100_000;

    /// <summary>Speed mode of a task submitted on plain <c>/mj/...</c> without a <c>--fast/--relax/--turbo</c> flag. Default <see cref="SpeedMode.Fast"/>.</summary>
    public SpeedMode DefaultMode { get; set; } = SpeedMode.Fast;

    /// <summary>Turns on ASP.NET Core console logging (off by default because it costs throughput).</summary>
    public bool EnableLogging { get; set; }

    /// <summary>Interval of the notifyHook delivery loop. Not scaled. Default 20 ms.</summary>
    public TimeSpan NotifyInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The source of every simulated instant, timer and delay (task phases, image URL expiry, notifyHook ticks, latency
    /// faults, uptime). Default <see cref="System.TimeProvider.System"/>; tests pass a fake provider and move time
    /// themselves, so nothing depends on how fast the machine is.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the values and throws <see cref="ArgumentException"/> for impossible ones.</summary>
    public void Validate()
    {
        if (!(TimeScale > 0) || double.IsInfinity(TimeScale)) throw new ArgumentException("TimeScale must be a positive number.");
        if (Concurrency < 1) throw new ArgumentException("Concurrency must be at least 1.");
        if (Accounts < 1 || Accounts > 100) throw new ArgumentException("Accounts must be 1 to 100.");
        if (Queue < 0) throw new ArgumentException("Queue must be 0 or more.");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException("Timeout must be positive.");
        if (ImageTtl <= TimeSpan.Zero) throw new ArgumentException("ImageTtl must be positive.");
        if (MaxTasks < 1) throw new ArgumentException("MaxTasks must be at least 1.");
        if (TimeProvider is null) throw new ArgumentException("TimeProvider must not be null.");
        if (string.IsNullOrWhiteSpace(Urls)) throw new ArgumentException("Urls must not be empty.");
        if (GuestDailyLimit < 0) throw new ArgumentException("GuestDailyLimit must be 0 (no limit) or more.");
        if (Flavor == SimulatorFlavor.TrueAi && Guest == false && ApiKey is null && AdminKey is null)
        {
            throw new ArgumentException("With guest mode off, give an ApiKey or an AdminKey: otherwise the server refuses every request.");
        }

        CheckRate(Faults.ServerErrorRate, nameof(FaultOptions.ServerErrorRate));
        CheckRate(Faults.TooManyRequestsRate, nameof(FaultOptions.TooManyRequestsRate));
        CheckRate(Faults.ResetRate, nameof(FaultOptions.ResetRate));
        CheckRate(Faults.LatencyRate, nameof(FaultOptions.LatencyRate));
        CheckRate(Faults.MalformedJsonRate, nameof(FaultOptions.MalformedJsonRate));
        double exclusive = Faults.ServerErrorRate + Faults.TooManyRequestsRate + Faults.ResetRate + Faults.MalformedJsonRate;
        if (exclusive > 1.0 + 1e-9) throw new ArgumentException("The sum of the 500, 429, reset and malformed rates must not exceed 1.");
    }

    /// <summary>TrueAI serves unknown callers as guests (see <see cref="Guest"/>).</summary>
    internal bool GuestMode => Flavor == SimulatorFlavor.TrueAi && (Guest ?? ApiKey is null);

    private static void CheckRate(double rate, string name)
    {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentException($"{name} must be between 0 and 1.");
    }
}
