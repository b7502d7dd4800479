using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Simulator.Admin;

/// <summary>One user of a TrueAI proxy: who may submit with which token.</summary>
internal sealed class SimUser
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public required string Role { get; set; }
    public string Status { get; set; } = "NORMAL";
    public required string Token { get; set; }
    public int DayDrawLimit { get; set; } = -1;
    public int TotalDrawLimit { get; set; } = -1;
    public int CoreSize { get; set; } = -1;
    public int QueueSize { get; set; } = -1;
    public bool IsWhite { get; set; }
    public long CreateTimeMs { get; init; }
    public long UpdateTimeMs { get; set; }

    public bool IsAdmin => string.Equals(Role, "ADMIN", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// TrueAI's users table. It starts as the real server's first start makes it: "admin" with the administrator's token
/// and "user" with the user's (<see cref="SimulatorOptions.AdminKey"/>, <see cref="SimulatorOptions.ApiKey"/>; an API key
/// alone is the administrator's). <c>/mj/admin/user</c> adds users whose tokens then work like the others.
/// </summary>
internal sealed class UserStore
{
    public const string AdminId = "admin";
    public const string DefaultId = "user";

    private readonly object _gate = new();
    private readonly List<SimUser> _users = new();

    public UserStore(SimulatorOptions options, long nowMs)
    {
        string? admin = options.AdminKey ?? options.ApiKey;
        if (admin is not null) _users.Add(new SimUser { Id = AdminId, Name = "admin", Role = "ADMIN", Token = admin, IsWhite = true, CreateTimeMs = nowMs, UpdateTimeMs = nowMs });
        if (options.AdminKey is not null && options.ApiKey is not null)
        {
            _users.Add(new SimUser { Id = DefaultId, Name = "user", Role = "USER", Token = options.ApiKey, IsWhite = true, CreateTimeMs = nowMs, UpdateTimeMs = nowMs });
        }
    }

    /// <summary>The user of a token, or null.</summary>
    public SimUser? ByToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        lock (_gate) return _users.FirstOrDefault(u => string.Equals(u.Token, token, StringComparison.Ordinal));
    }

    /// <summary>The users, the last changed first (as TrueAI orders them).</summary>
    public IReadOnlyList<SimUser> All()
    {
        lock (_gate) return _users.OrderByDescending(u => u.UpdateTimeMs).ToList();
    }

    /// <summary>Runs a change of users under the store's lock.</summary>
    public T Change<T>(Func<List<SimUser>, T> change)
    {
        lock (_gate) return change(_users);
    }
}
