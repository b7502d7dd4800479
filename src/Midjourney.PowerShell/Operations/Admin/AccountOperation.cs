using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Admin;

/// <summary>What an account cmdlet does to each account.</summary>
internal enum AccountChange
{
    Enable,
    Disable,
    Sync,
    Reconnect,
    Remove,
}

/// <summary>The input of Get-MjAccount.</summary>
internal sealed class GetAccountOptions
{
    /// <summary>-Id: ids or channel ids, wildcards allowed; null lists every account.</summary>
    public IReadOnlyList<string>? Id { get; set; }

    /// <summary>-Enabled: only enabled (true) or disabled (false) accounts.</summary>
    public bool? Enabled { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }
}

/// <summary>The input of Enable-, Disable-, Sync- and Remove-MjAccount.</summary>
internal sealed class ChangeAccountOptions
{
    public AccountChange Change { get; set; }

    /// <summary>-PassThru: emit the account as the server has it afterwards.</summary>
    public bool PassThru { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }
}

/// <summary>
/// The account cmdlets: list a pool's accounts, and enable, disable, sync, reconnect or remove them. Whether the flavour
/// and the key allow a change is asked before ShouldProcess (a novicezk proxy, a gateway, a user's token), so -WhatIf
/// never shows what could not be done.
/// </summary>
internal sealed class AccountOperation : MjOperation
{
    private readonly HashSet<MjConnection> _changed = new();

    /// <summary>Creates the operation.</summary>
    public AccountOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Emits the accounts of the server, filtered; an -Id without wildcards that matches nothing is an error.</summary>
    public Task GetAsync(GetAccountOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, connection.Uri, async () =>
        {
            var accounts = await connection.Client.Admin.GetAccountsAsync(cancellationToken).ConfigureAwait(false);
            output.WriteVerbose($"{connection.Uri}: {accounts.Count} accounts, {accounts.Count(a => a.IsUsable)} usable.");
            var wanted = Wildcard.AnyOf(options.Id);
            foreach (var account in accounts.Where(a => wanted(new[] { a.Id, a.ChannelId }) && (options.Enabled is null || a.Enabled == options.Enabled)))
            {
                output.WriteObject(account);
            }

            foreach (var id in Wildcard.Unmatched(options.Id, accounts.SelectMany(a => new[] { a.Id, a.ChannelId })))
            {
                output.WriteError(ErrorMapping.NotFound($"{connection.Uri} has no account with the id or channel '{id}'.", "account", id, "Get-MjAccount lists them."));
            }
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Changes an account given as an object (from Get-MjAccount): its server is the account's.</summary>
    public Task ChangeAsync(MjAccount account, ChangeAccountOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection, account.Server);
        await TryItemAsync(output, account, () => ChangeOneAsync(connection, account.Id, account, options, output, cancellationToken), cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Changes an account given by id: it is read first (a free read), for the confirmation and to fail early.</summary>
    public Task ChangeAsync(string id, ChangeAccountOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        var trimmed = id.Trim();
        if (trimmed.Length == 0)
        {
            output.WriteError(ErrorMapping.InvalidInput("-Id is empty; give an account id (Get-MjAccount lists them).", id));
            return;
        }

        await TryItemAsync(output, trimmed, () => ChangeOneAsync(connection, trimmed, null, options, output, cancellationToken), cancellationToken).ConfigureAwait(false);
    });

    private async Task ChangeOneAsync(MjConnection connection, string id, MjAccount? known, ChangeAccountOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        var admin = connection.Client.Admin;
        await admin.CheckAsync(Operation(options.Change), cancellationToken).ConfigureAwait(false);
        var account = known ?? await admin.GetAccountAsync(id, cancellationToken).ConfigureAwait(false);
        if (!await output.ShouldProcessAsync(Describe(account, connection), Verb(options.Change, account)).ConfigureAwait(false))
        {
            return;
        }

        switch (options.Change)
        {
            case AccountChange.Enable:
                await admin.EnableAccountAsync(id, cancellationToken).ConfigureAwait(false);
                output.WriteVerbose($"Enabled account {id} on {connection.Uri}{(account.Flavor == "trueai" ? "; TrueAI connects it at its next routine check, within a minute" : string.Empty)}.");
                break;
            case AccountChange.Disable:
                await admin.DisableAccountAsync(id, cancellationToken).ConfigureAwait(false);
                output.WriteVerbose($"Disabled account {id} on {connection.Uri}.");
                break;
            case AccountChange.Sync:
                await admin.SyncAccountAsync(id, cancellationToken).ConfigureAwait(false);
                output.WriteVerbose($"Synced account {id} on {connection.Uri} (its Midjourney info and settings).");
                break;
            case AccountChange.Reconnect:
                await admin.ReconnectAccountAsync(id, cancellationToken).ConfigureAwait(false);
                output.WriteVerbose($"Reconnected account {id} on {connection.Uri}.");
                break;
            case AccountChange.Remove:
                await admin.RemoveAccountAsync(id, cancellationToken).ConfigureAwait(false);
                output.WriteVerbose($"Removed account {id} from {connection.Uri}.");
                break;
        }

        if (options.Change != AccountChange.Sync)
        {
            lock (_changed)
            {
                _changed.Add(connection);
            }
        }

        if (options.Change == AccountChange.Remove)
        {
            return;
        }

        if (options.PassThru)
        {
            output.WriteObject(await MjAdminApi.AfterChangeAsync($"{connection.Uri.AbsoluteUri.TrimEnd('/')} took the change to account {id} (it said so)", "account",
                () => admin.GetAccountAsync(id, cancellationToken), cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// After the last account: each server whose pool changed reads its accounts once more, so its capacity (Get-MjServer,
    /// and where its submits start from) is the pool's now.
    /// </summary>
    public Task RefreshCapacityAsync(ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        List<MjConnection> changed;
        lock (_changed)
        {
            changed = _changed.ToList();
            _changed.Clear();
        }

        foreach (var connection in changed)
        {
            if (await connection.Client.Admin.TryGetCapacityAsync(cancellationToken).ConfigureAwait(false) is { } pool)
            {
                output.WriteVerbose($"{connection.Uri}: the pool holds {pool} now.");
            }
        }
    });

    private static MjAdminOperation Operation(AccountChange change) => change switch
    {
        AccountChange.Enable => MjAdminOperation.EnableAccount,
        AccountChange.Disable => MjAdminOperation.DisableAccount,
        AccountChange.Sync => MjAdminOperation.SyncAccount,
        AccountChange.Reconnect => MjAdminOperation.ReconnectAccount,
        _ => MjAdminOperation.RemoveAccount,
    };

    /// <summary>The ShouldProcess action; Plus's enable and disable go through a reconnect that drops the account's unfinished jobs.</summary>
    private static string Verb(AccountChange change, MjAccount account) => change switch
    {
        AccountChange.Enable when account.Flavor == "plus" => "Enable (Plus reconnects it: its unfinished jobs are lost)",
        AccountChange.Disable when account.Flavor == "plus" => "Disable (Plus reconnects it: its unfinished jobs are lost)",
        AccountChange.Reconnect when account.Flavor == "plus" => "Reconnect (its unfinished jobs are lost)",
        AccountChange.Remove => "Remove from the pool",
        _ => change.ToString(),
    };

    private static string Describe(MjAccount account, MjConnection connection)
    {
        var details = new List<string>();
        if (account.ChannelId is { } channel && channel != account.Id) details.Add("channel " + channel);
        if ((account.Remark ?? account.Name) is { } label) details.Add("'" + label + "'");
        details.Add(account.Enabled == false ? "disabled" : account.Availability.ToString());
        return $"Account {account.Id} ({string.Join(", ", details)}) on {connection.Uri}";
    }
}
