using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>
/// A user of a TrueAI proxy (its <c>/mj/admin/users</c>): who may submit with which token, and their limits. The
/// user's token, which the server shows its administrator, was dropped when it was read: it is on no property and not
/// in <see cref="Raw"/>. Times are the server's local clock, as it sends them (no zone).
/// </summary>
public sealed class MjUser
{
    private static readonly IReadOnlyDictionary<string, object?> Nothing = new Dictionary<string, object?>();

    /// <summary>Creates a user with the given id.</summary>
    public MjUser(string id) => Id = id ?? throw new ArgumentNullException(nameof(id));

    /// <summary>The user's id (TrueAI makes a GUID; its first users are <c>admin</c> and <c>user</c>).</summary>
    public string Id { get; }

    /// <summary>The user's name.</summary>
    public string? Name { get; init; }

    /// <summary>The e-mail address, where set.</summary>
    public string? Email { get; init; }

    /// <summary>The phone number, where set.</summary>
    public string? Phone { get; init; }

    /// <summary><c>ADMIN</c> or <c>USER</c>.</summary>
    public string? Role { get; init; }

    /// <summary><c>NORMAL</c> or <c>DISABLED</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Images a day the user may make; -1 or 0 means no limit.</summary>
    public int? DayDrawLimit { get; init; }

    /// <summary>Images in all the user may make; -1 or 0 means no limit.</summary>
    public int? TotalDrawLimit { get; init; }

    /// <summary>Images made today.</summary>
    public int? DayDrawCount { get; init; }

    /// <summary>Images made in all.</summary>
    public int? TotalDrawCount { get; init; }

    /// <summary>Jobs the user may run at once; -1 means no limit.</summary>
    public int? CoreSize { get; init; }

    /// <summary>Jobs the user may keep queued; -1 means no limit.</summary>
    public int? QueueSize { get; init; }

    /// <summary>True for a user on the white list (no rate limits).</summary>
    public bool? IsWhite { get; init; }

    /// <summary>From when the user may work, where limited.</summary>
    public DateTime? ValidStartTime { get; init; }

    /// <summary>Until when the user may work, where limited.</summary>
    public DateTime? ValidEndTime { get; init; }

    /// <summary>The last login, where known.</summary>
    public DateTime? LastLoginTime { get; init; }

    /// <summary>When the user was made.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>When the user was last changed.</summary>
    public DateTime? UpdateTime { get; init; }

    /// <summary>Every field the server sent, the token left out.</summary>
    public IReadOnlyDictionary<string, object?> Raw { get; init; } = Nothing;

    /// <summary>The server this user belongs to.</summary>
    public Uri? Server { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({Role})";
}
