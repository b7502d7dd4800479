using System;
using System.Collections.Generic;

namespace Midjourney.Simulator.Recordings;

/// <summary>
/// The simulator settings that match the real server's settings of one recording (the table of
/// <c>tests/Recordings/README.md</c>): guest or keyed, Redis on or off, and no Discord account ("no account" is
/// <see cref="SimulatorOptions.NoAccounts"/>). Recordings of requests on existing tasks first get tasks of the same
/// kinds, made while the accounts are still there.
/// </summary>
internal sealed class ReplayMode
{
    /// <summary>The kit's test tokens (the real server's users "admin" and "user").</summary>
    public const string AdminToken = "adm-secret-1";

    /// <summary>The kit's user token.</summary>
    public const string UserToken = "usr-secret-1";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    private ReplayMode(Users users, bool guest, bool noRedis = false, bool tasks = false, bool offlineAccounts = false, string? seedAccountsFrom = null)
    {
        var flags = new List<string>();
        if (guest && users == Users.Both) flags.Add("--guest");
        if (users == Users.Both) flags.Add("--api-key " + UserToken);
        if (users != Users.None) flags.Add("--admin-key " + AdminToken);
        if (noRedis) flags.Add("--no-redis");
        flags.Add(tasks ? "(tasks made, then no accounts)" : offlineAccounts ? "--accounts-offline" : "--no-accounts");
        if (seedAccountsFrom is not null) flags.Add("(the recording's accounts)");
        Settings = string.Join(' ', flags);
        NeedsTasks = tasks;
        SeedAccountsFrom = seedAccountsFrom;
        Configure = o =>
        {
            o.Guest = guest;
            o.ApiKey = users == Users.Both ? UserToken : null;
            o.AdminKey = users == Users.None ? null : AdminToken;
            o.NoRedis = noRedis;
            o.NoAccounts = !tasks && !offlineAccounts; // the task recordings take the accounts away once their tasks exist
            o.OfflineAccounts = offlineAccounts; // capture_admin.py's accounts: in the database, never connected
        };
    }

    /// <summary>The real server's users that a recording's server had and its requests used.</summary>
    private enum Users
    {
        /// <summary>No token named (the simulator needs none).</summary>
        None,

        /// <summary>The administrator's token only.</summary>
        AdminOnly,

        /// <summary>The kit's user and administrator.</summary>
        Both,
    }

    /// <summary>The simulator command line that matches, for people (e.g. <c>--no-accounts --admin-key adm-secret-1</c>).</summary>
    public string Settings { get; }

    /// <summary>Sets the matching options (time, flavour and the rest are the replay's).</summary>
    public Action<SimulatorOptions> Configure { get; }


    /// <summary>Headers for entries that do not record theirs (capture2.py sends the admin token).</summary>
    public IReadOnlyDictionary<string, string> DefaultHeaders { get; private init; } = NoHeaders;

    /// <summary>True when the requests name existing tasks: a grid, a describe, a shorten, a video, an edit and more are made first.</summary>
    public bool NeedsTasks { get; }

    /// <summary>
    /// The recorded request whose answer lists the real server's accounts (tools/recordings/capture_admin.py seeded them into its
    /// database): the simulator takes the same accounts (ids, channels, sizes, state) before the replay.
    /// </summary>
    public string? SeedAccountsFrom { get; }

    /// <summary>Task roles and their ids on the real server when the file does not list them (capture2.py's constants).</summary>
    public IReadOnlyDictionary<string, string> RealIds { get; private init; } = NoHeaders;

    /// <summary>The mode of the recording named <paramref name="recording"/> (file name without extension), or null when it is not a list of requests.</summary>
    public static ReplayMode? For(string recording) => recording switch
    {
        "guest-nokey" => new ReplayMode(Users.None, guest: true, noRedis: true),
        "guest-redis" or "blend-dimensions" => new ReplayMode(Users.None, guest: true),
        "guest-admin" => new ReplayMode(Users.AdminOnly, guest: true),
        "guest-user" => new ReplayMode(Users.Both, guest: true),
        "noguest-nokey" or "noguest-admin" or "client-noguest" => new ReplayMode(Users.Both, guest: false),
        "tasks-checks" => new ReplayMode(Users.Both, guest: true, tasks: true),
        "tasks-admin" => new ReplayMode(Users.AdminOnly, guest: true, tasks: true)
        {
            DefaultHeaders = new Dictionary<string, string> { ["Authorization"] = AdminToken },
            RealIds = new Dictionary<string, string>
            {
                // capture2.py's ids of the tasks seed_real_db.py put into the real server's database, and the grid's job hash.
                ["GRID"] = "1796600847203001",
                ["DESC"] = "1796600847251007",
                ["VID"] = "1796600847257009",
                ["SHORT"] = "1796600847254008",
                ["EDIT"] = "1796600847262011",
                ["GRID_HASH"] = "a1d6c282-c93d-4eb1-8129-9a9c63098feb",
            },
        },
        // The client's own requests (tools/recordings/capture_client.py) on the kit's seeded rows
        // (base 1796600847203001: +901 running, +902 failed, +906 CANCEL, +907 with a seed).
        "client-guest" => new ReplayMode(Users.Both, guest: true, tasks: true)
        {
            RealIds = new Dictionary<string, string>
            {
                ["RUNNING"] = "1796600847203902",
                ["FAILED"] = "1796600847203903",
                ["CANCELLED"] = "1796600847203907",
                ["SEEDED"] = "1796600847203908",
            },
        },
        // tools/recordings/capture_admin.py's requests on the accounts it put into the real server's database (which never connected).
        "admin-admin" or "admin-after-check" => new ReplayMode(Users.Both, guest: true, offlineAccounts: true, seedAccountsFrom: "accounts-page"),
        "admin-user" or "admin-nokey" => new ReplayMode(Users.Both, guest: true, offlineAccounts: true),
        _ => null,
    };
}
