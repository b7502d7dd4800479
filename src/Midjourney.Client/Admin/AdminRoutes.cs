using System;

namespace Midjourney.Client;

/// <summary>How one flavour is administered: its account, user and banned-word routes (null: the flavour has none).</summary>
internal sealed class AdminRoutes
{
    private AdminRoutes(string flavor) => Flavor = flavor;

    public string Flavor { get; }

    /// <summary>The route of the account list; paged flavours take the page in the body.</summary>
    public string? AccountList { get; private init; }

    /// <summary>How the account list is asked for.</summary>
    public AccountListShape ListShape { get; private init; }

    public Func<string, string>? AccountFetch { get; private init; }

    /// <summary>TrueAI: <c>POST accounts-enable</c> with a list of ids; others enable by sending the account back.</summary>
    public string? AccountsEnable { get; private init; }

    /// <summary>Where an account is sent back, changed or not (TrueAI and Plus: update and reconnect).</summary>
    public Func<string, string>? AccountUpdate { get; private init; }

    public Func<string, string>? AccountSync { get; private init; }

    public Func<string, string>? AccountDelete { get; private init; }

    /// <summary>TrueAI's <c>GET /mj/admin/current</c>: tells the key's role without touching anything.</summary>
    public string? CurrentUser { get; private init; }

    /// <summary>True when the flavour has an account list.</summary>
    public bool HasAccountList => AccountList is not null;

    /// <summary>TrueAI's paged user query.</summary>
    public string? UserList { get; private init; }

    /// <summary>TrueAI's "add or edit a user".</summary>
    public string? UserSave { get; private init; }

    public Func<string, string>? UserDelete { get; private init; }

    /// <summary>TrueAI's paged banned-word query.</summary>
    public string? BannedWordList { get; private init; }

    /// <summary>TrueAI's "add or edit a banned-word list".</summary>
    public string? BannedWordSave { get; private init; }

    public Func<string, string>? BannedWordDelete { get; private init; }

    public bool HasUsers => UserList is not null;

    /// <summary>True when the flavour has the routes of <paramref name="operation"/>.</summary>
    public bool Has(MjAdminOperation operation) => operation switch
    {
        MjAdminOperation.ReadAccounts => AccountList is not null,
        MjAdminOperation.EnableAccount => AccountsEnable is not null || AccountUpdate is not null,
        MjAdminOperation.DisableAccount or MjAdminOperation.ReconnectAccount => AccountUpdate is not null,
        MjAdminOperation.SyncAccount => AccountSync is not null,
        MjAdminOperation.RemoveAccount => AccountDelete is not null,
        _ => HasUsers,
    };

    /// <summary>The operation in words, for messages: "disable accounts".</summary>
    public static string Describe(MjAdminOperation operation) => operation switch
    {
        MjAdminOperation.ReadAccounts => "read accounts",
        MjAdminOperation.EnableAccount => "enable accounts",
        MjAdminOperation.DisableAccount => "disable accounts",
        MjAdminOperation.SyncAccount => "sync accounts",
        MjAdminOperation.ReconnectAccount => "reconnect accounts",
        MjAdminOperation.RemoveAccount => "remove accounts",
        MjAdminOperation.ManageUsers => "manage users",
        _ => "manage banned words",
    };

    public static AdminRoutes For(string? flavor) => flavor switch
    {
        "trueai" => new AdminRoutes("trueai")
        {
            AccountList = "/mj/admin/accounts",
            ListShape = AccountListShape.TrueAiPaged,
            AccountFetch = id => "/mj/admin/account/" + Escape(id),
            AccountsEnable = "/mj/admin/accounts-enable",
            AccountUpdate = id => "/mj/admin/account-reconnect/" + Escape(id),
            AccountSync = id => "/mj/admin/account-sync/" + Escape(id),
            AccountDelete = id => "/mj/admin/account/" + Escape(id),
            CurrentUser = CurrentUserAnswer.Path,
            UserList = "/mj/admin/users",
            UserSave = "/mj/admin/user",
            UserDelete = id => "/mj/admin/user/" + Escape(id),
            BannedWordList = "/mj/admin/banned-words",
            BannedWordSave = "/mj/admin/banned-word",
            BannedWordDelete = id => "/mj/admin/banned-word/" + Escape(id),
        },

        // Plus (closed source): routes from its API pages and its admin web page (litter-coder/midjourney-proxy-admin).
        "plus" => new AdminRoutes("plus")
        {
            AccountList = "/mj/account/query",
            ListShape = AccountListShape.SpringPaged,
            AccountFetch = id => "/mj/account/" + Escape(id) + "/fetch",
            AccountUpdate = id => "/mj/account/" + Escape(id) + "/update-reconnect",
            AccountSync = id => "/mj/account/" + Escape(id) + "/sync-info",
            AccountDelete = id => "/mj/account/" + Escape(id) + "/delete",
        },
        "novicezk" => new AdminRoutes("novicezk")
        {
            AccountList = "/mj/account/list",
            ListShape = AccountListShape.Plain,
            AccountFetch = id => "/mj/account/" + Escape(id) + "/fetch",
        },
        _ => new AdminRoutes(flavor ?? "unknown"),
    };

    /// <summary>TrueAI's paged query: <c>{pagination:{current,pageSize}, sort:{}, search:{}}</c>.</summary>
    public static string TrueAiPage(int page, int size, string? searchJson = null) =>
        $"{{\"pagination\":{{\"current\":{page},\"pageSize\":{size}}},\"sort\":{{}},\"search\":{searchJson ?? "{}"}}}";

    /// <summary>Plus's Spring page: <c>{pageNumber (from 0), pageSize}</c>.</summary>
    public static string SpringPage(int page, int size) => $"{{\"pageNumber\":{page},\"pageSize\":{size}}}";

    private static string Escape(string id) => Uri.EscapeDataString(id);
}

/// <summary>How a flavour's account list is asked for.</summary>
internal enum AccountListShape
{
    /// <summary>No account list.</summary>
    None,

    /// <summary>GET, a bare array (novicezk).</summary>
    Plain,

    /// <summary>POST TrueAI's paged query.</summary>
    TrueAiPaged,

    /// <summary>POST Plus's Spring page.</summary>
    SpringPaged,
}
