using System;
using System.Collections.Generic;
using System.Globalization;

namespace Midjourney.Simulator.Engine;

/// <summary>
/// One Midjourney account of the simulated pool: its slots (CoreSize tasks at once) and its queue (QueueSize waiting),
/// and what an administrator sees of it. Like the real servers it keeps secrets (user token, cookie, bot token, login,
/// password, 2FA, links), made up and marked <c>SIM-SECRET-</c>, and sends them to the administrator, so that a client's
/// promise to drop them can be tested. Fields change under <see cref="AccountPool"/>'s lock; the slots under the engine's.
/// </summary>
internal sealed class SimAccount
{
    /// <summary>What every made-up secret of a simulated account starts with.</summary>
    public const string SecretMark = "SIM-SECRET-";

    /// <summary>Account <paramref name="number"/> of the pool the options make, disabled until the pool switches it on.</summary>
    public SimAccount(int number, SimulatorOptions options)
        : this(number,
            "0000" + number.ToString("D4", CultureInfo.InvariantCulture) + "-5e1a-4c0d-9a11-" + (0x5A0000000000L + number).ToString("x12", CultureInfo.InvariantCulture),
            (1_200_000_000_000_000_000L + number).ToString(CultureInfo.InvariantCulture),
            (1_100_000_000_000_000_000L + number).ToString(CultureInfo.InvariantCulture),
            options.Concurrency, options.Queue, Math.Max(1, (int)Math.Round(options.Timeout.TotalMinutes)))
    {
        Remark = "sim account " + number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An account with the given identity and sizes (a replay gives the real server's), disabled until told.</summary>
    public SimAccount(int number, string id, string channelId, string guildId, int coreSize, int queueSize, int timeoutMinutes)
    {
        Number = number;
        Id = id;
        ChannelId = channelId;
        GuildId = guildId;
        CoreSize = Math.Clamp(coreSize, 1, 12);
        QueueSize = Math.Max(0, queueSize);
        TimeoutMinutes = timeoutMinutes;
        Slots = new SlotScheduler(CoreSize);
        string n = number.ToString(CultureInfo.InvariantCulture);
        UserToken = SecretMark + "usertoken-" + n;
        Cookie = SecretMark + "cookie-" + n;
        BotToken = SecretMark + "bottoken-" + n;
        LoginAccount = SecretMark + "login-" + n + "@example.com";
        LoginPassword = SecretMark + "password-" + n;
        Login2fa = SecretMark + "2fa-" + n;
        PermanentInvitationLink = "https://discord.gg/" + SecretMark + "invite-" + n;
    }

    public int Number { get; }
    public string Id { get; }
    public string ChannelId { get; }
    public string GuildId { get; }
    public string? Remark { get; set; }
    public string? Sponsor { get; set; }
    public bool Enabled { get; set; }

    /// <summary>True while its connection to Discord is alive (TrueAI's <c>running</c>): only then does it take work.</summary>
    public bool Connected { get; set; }

    /// <summary>Enabled and connected: the server gives it work.</summary>
    public bool Usable => Enabled && Connected;
    public string? DisabledReason { get; set; }
    public int CoreSize { get; private set; }
    public int QueueSize { get; set; }
    public int TimeoutMinutes { get; set; }

    /// <summary>The speed modes it takes (<c>FAST</c>, <c>RELAX</c>, <c>TURBO</c>); empty: all.</summary>
    public List<string> Modes { get; } = new();

    public string FastTimeRemaining { get; set; } = "12.00/15.0 hours (80.00%)";
    public string Plan { get; } = "Standard";

    /// <summary>When <c>/info</c> was last read (a sync), epoch ms; 0 before any.</summary>
    public long InfoUpdatedMs { get; set; }

    /// <summary>How many times it was synced (TrueAI's <c>todaySyncCount</c>).</summary>
    public int Syncs { get; set; }

    // The secrets a real server keeps for an account and shows its administrator.
    public string? UserToken { get; set; }
    public string? Cookie { get; set; }
    public string? BotToken { get; set; }
    public string? LoginAccount { get; set; }
    public string? LoginPassword { get; set; }
    public string? Login2fa { get; set; }
    public string? PermanentInvitationLink { get; set; }

    /// <summary>Its slots and queue; the engine books them under its own lock.</summary>
    public SlotScheduler Slots { get; private set; }

    /// <summary>
    /// A new core size takes a fresh set of slots (TrueAI caps it at 12): the tasks booked on the old ones keep their
    /// schedule, so for a while the account may run more than its new size.
    /// </summary>
    public void Resize(int coreSize)
    {
        coreSize = Math.Clamp(coreSize, 1, 12);
        if (coreSize == CoreSize) return;
        CoreSize = coreSize;
        Slots = new SlotScheduler(coreSize);
    }

    /// <summary>The sizes a reconnect's body gives (null: unchanged); the core size as <see cref="Resize"/>, a queue at least 0.</summary>
    public void ApplySizes(int? coreSize, int? queueSize, int? timeoutMinutes)
    {
        if (coreSize is int core) Resize(core);
        if (queueSize is int queue) QueueSize = Math.Max(0, queue);
        if (timeoutMinutes is int timeout) TimeoutMinutes = timeout;
    }

    /// <summary>Forgets every booking (the simulator's reset).</summary>
    public void ClearSlots() => Slots = new SlotScheduler(CoreSize);
}
