using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>
/// One Midjourney account (a Discord channel, or a YouChuan/official account) of a proxy's pool, the same shape for
/// every flavour with an account API (TrueAI <c>/mj/admin/*</c>, Plus and novicezk <c>/mj/account/*</c>). Secrets the
/// server sends (user token, cookie, bot token, login, password, 2FA, captcha and invitation links) were dropped when
/// it was read: they are on no property, in <see cref="Raw"/> or in <see cref="Properties"/>.
/// </summary>
public sealed class MjAccount
{
    private static readonly IReadOnlyList<string> NoModes = Array.Empty<string>();
    private static readonly IReadOnlyDictionary<string, object?> Nothing = new Dictionary<string, object?>();

    /// <summary>Creates an account with the given id.</summary>
    public MjAccount(string id) => Id = id ?? throw new ArgumentNullException(nameof(id));

    /// <summary>The account's id on the server (TrueAI: a GUID; novicezk: the channel id).</summary>
    public string Id { get; }

    /// <summary>The Discord channel the account draws in.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The Discord server (guild) of that channel.</summary>
    public string? GuildId { get; init; }

    /// <summary>The account's name where the server gives one (Plus: the Discord user name).</summary>
    public string? Name { get; init; }

    /// <summary>True when the server may use the account; false when disabled; null when the server does not say.</summary>
    public bool? Enabled { get; init; }

    /// <summary>True when its connection to Discord is alive (TrueAI <c>running</c>); null when the server does not say (novicezk).</summary>
    public bool? Connected { get; init; }

    /// <summary>True when the server locked it for a while (TrueAI: a captcha to solve).</summary>
    public bool? Locked { get; init; }

    /// <summary>The speed modes it takes (<c>FAST</c>, <c>RELAX</c>, <c>TURBO</c>); empty means every mode.</summary>
    public IReadOnlyList<string> Modes { get; init; } = NoModes;

    /// <summary>The speed it uses when a job asks for none, where set.</summary>
    public string? DefaultMode { get; init; }

    /// <summary>Jobs it runs at once.</summary>
    public int? CoreSize { get; init; }

    /// <summary>Jobs it keeps waiting in its queue.</summary>
    public int? QueueSize { get; init; }

    /// <summary>Jobs it holds at once: <see cref="CoreSize"/> + <see cref="QueueSize"/> (null when either is unknown or negative).</summary>
    public int? Capacity => CoreSize is int core && QueueSize is int queue && core >= 0 && queue >= 0 ? (int)Math.Min(int.MaxValue, (long)core + queue) : null;

    /// <summary>Minutes after which the server fails a job of this account that is still running.</summary>
    public int? TimeoutMinutes { get; init; }

    /// <summary>Jobs running on it now, where the server counts them (TrueAI's paged query).</summary>
    public int? RunningCount { get; init; }

    /// <summary>Jobs waiting in its queue now, where the server counts them.</summary>
    public int? QueueCount { get; init; }

    /// <summary>Fast hours left, as Midjourney's <c>/info</c> says (for example <c>12.35/15.0 hours (82.33%)</c>).</summary>
    public string? FastTimeRemaining { get; init; }

    /// <summary>True when its fast hours are used up (TrueAI then lets it take relax jobs only).</summary>
    public bool? FastExhausted { get; init; }

    /// <summary>The Midjourney plan (Basic, Standard, Pro, Mega), from <c>/info</c>.</summary>
    public string? Plan { get; init; }

    /// <summary>Why it is disabled (or, when enabled but not connected, why its connection failed), in the server's words.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>The administrator's remark.</summary>
    public string? Remark { get; init; }

    /// <summary>The sponsor note shown by the server's web page.</summary>
    public string? Sponsor { get; init; }

    /// <summary>The server's <c>properties</c> of the account (Midjourney's <c>/info</c> lines), secrets left out.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; init; } = Nothing;

    /// <summary>Every field the server sent, secrets left out; nested objects and arrays as dictionaries and lists.</summary>
    public IReadOnlyDictionary<string, object?> Raw { get; init; } = Nothing;

    /// <summary>The server this account belongs to (scheme, host, port and base path; never credentials).</summary>
    public Uri? Server { get; init; }

    /// <summary>The server's flavour (trueai, plus, novicezk).</summary>
    public string? Flavor { get; init; }

    /// <summary>True when the server would give it work: enabled, not locked, and connected where the server says.</summary>
    public bool IsUsable => Enabled != false && Locked != true && Connected != false;

    /// <summary>Whether it can take work now, and if not, why.</summary>
    public MjAccountAvailability Availability =>
        Enabled == false ? MjAccountAvailability.Disabled
        : Locked == true ? MjAccountAvailability.Locked
        : Connected == false ? MjAccountAvailability.NotConnected
        : Capacity is int capacity && RunningCount is int running && QueueCount is int queued && running + queued >= capacity ? MjAccountAvailability.Full
        : MjAccountAvailability.Ready;

    /// <summary>What keeps it from work, in a few words with the server's reason; empty when it is <see cref="MjAccountAvailability.Ready"/>.</summary>
    public string Reason => Availability switch
    {
        MjAccountAvailability.Disabled => DisabledReason is { Length: > 0 } why ? "disabled: " + why : "disabled",
        MjAccountAvailability.Locked => "locked (a captcha or check is pending)",
        MjAccountAvailability.NotConnected => DisabledReason is { Length: > 0 } why ? "not connected: " + why : "not connected",
        MjAccountAvailability.Full => $"full ({RunningCount} running, {QueueCount} queued)",
        _ => FastExhausted == true ? "fast hours used up: relax only" : string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({ChannelId ?? "?"}) {Availability}";
}

/// <summary>Whether an account can take work now.</summary>
public enum MjAccountAvailability
{
    /// <summary>It takes work.</summary>
    Ready,

    /// <summary>It is enabled and connected, but its running and queued jobs fill it.</summary>
    Full,

    /// <summary>Its connection to Discord is down.</summary>
    NotConnected,

    /// <summary>The server locked it for a while (a captcha or check).</summary>
    Locked,

    /// <summary>It is disabled.</summary>
    Disabled,
}
