using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>The accounts of the pool: list, read, enable, disable, sync, reconnect, remove.</summary>
public sealed partial class MjAdminApi
{
    /// <summary>
    /// Every account of the pool, in the server's order. TrueAI's paged query also counts each one's running and queued
    /// jobs. The read also refreshes the pool's capacity that this client's submits start from.
    /// </summary>
    public async Task<IReadOnlyList<MjAccount>> GetAccountsAsync(CancellationToken cancellationToken = default) =>
        (await ReadPoolAsync(cancellationToken).ConfigureAwait(false)).Accounts;

    private async Task<(IReadOnlyList<MjAccount> Accounts, MjPoolCapacity Capacity)> ReadPoolAsync(CancellationToken cancellationToken)
    {
        var routes = await RoutesAsync(MjAdminOperation.ReadAccounts, cancellationToken).ConfigureAwait(false);
        var accounts = new List<MjAccount>();
        var budget = new AdminReadBudget("accounts");
        for (var page = 0; page < MaxPages; page++)
        {
            var (method, body) = routes.ListShape switch
            {
                AccountListShape.TrueAiPaged => (HttpMethod.Post, AdminRoutes.TrueAiPage(page + 1, PageSize)),
                AccountListShape.SpringPaged => (HttpMethod.Post, AdminRoutes.SpringPage(page, PageSize)),
                _ => (HttpMethod.Get, (string?)null),
            };
            var (items, total) = await ReadListAsync(method, routes.AccountList!, body, (e, server) => AdminJson.Account(e, server, routes.Flavor, routes.ListShape == AccountListShape.TrueAiPaged), budget, cancellationToken).ConfigureAwait(false);
            accounts.AddRange(items);
            if (routes.ListShape == AccountListShape.Plain || items.Count < PageSize || (total is int all && accounts.Count >= all))
            {
                break;
            }
        }

        return (accounts, UseCapacity(accounts));
    }

    /// <summary>One account by its id (running and queued counts are not included: only TrueAI's list counts them).</summary>
    public async Task<MjAccount> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        Require(accountId, nameof(accountId));
        var routes = await RoutesAsync(MjAdminOperation.ReadAccounts, cancellationToken).ConfigureAwait(false);
        using var document = await FetchAccountDocumentAsync(routes, accountId, cancellationToken).ConfigureAwait(false);
        return AdminJson.Account(document.RootElement, _transport.BaseAddress, routes.Flavor, liveCounts: false);
    }

    /// <summary>
    /// Enables an account. TrueAI: <c>POST /mj/admin/accounts-enable</c> (its routine start connects it within a minute);
    /// Plus: the account is sent back with <c>enable</c> set (<c>update-reconnect</c>, which drops its unfinished jobs).
    /// </summary>
    public async Task EnableAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        Require(accountId, nameof(accountId));
        var routes = await RoutesAsync(MjAdminOperation.EnableAccount, cancellationToken).ConfigureAwait(false);
        if (routes.AccountsEnable is { } path)
        {
            // Without this check TrueAI answers "已启用 0 个账号" for an id it does not have, as if all were well.
            using (await FetchAccountDocumentAsync(routes, accountId, cancellationToken).ConfigureAwait(false))
            {
            }

            await ChangeAsync(HttpMethod.Post, path, JsonSerializer.SerializeToUtf8Bytes(new[] { accountId }), "account", accountId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendBackAsync(routes, accountId, enable: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Disables an account. Neither TrueAI nor Plus has a route of its own for this: their web pages send the whole
    /// account back with <c>enable</c> false (<c>account-reconnect</c> / <c>update-reconnect</c>), and so does this,
    /// exactly as it was read, so nothing else (its token, its login) changes.
    /// </summary>
    public async Task DisableAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        Require(accountId, nameof(accountId));
        var routes = await RoutesAsync(MjAdminOperation.DisableAccount, cancellationToken).ConfigureAwait(false);
        await SendBackAsync(routes, accountId, enable: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refreshes an account's Midjourney info and settings (<c>/info</c>, <c>/settings</c>): TrueAI <c>account-sync</c>,
    /// Plus <c>sync-info</c>. TrueAI syncs a connected account only.
    /// </summary>
    public async Task SyncAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        Require(accountId, nameof(accountId));
        var routes = await RoutesAsync(MjAdminOperation.SyncAccount, cancellationToken).ConfigureAwait(false);
        try
        {
            await ChangeAsync(HttpMethod.Post, routes.AccountSync!(accountId), Array.Empty<byte>(), "account", accountId, cancellationToken).ConfigureAwait(false);
        }
        catch (MjValidationException notRunning) when ((notRunning.Description ?? string.Empty).Contains("无可用的账号实例"))
        {
            // TrueAI syncs through the account's live connection; the generic "no usable account" text would mislead here.
            const string advice = "Enable it and wait until it is connected (Get-MjAccount shows Connected), or reconnect it (Sync-MjAccount -Reconnect), then sync.";
            throw new MjValidationException($"Account {accountId} is not connected to Discord, so {_transport.Errors.Server} cannot sync it. {advice}\n{_transport.Errors.Url(notRunning.RequestPath)} answered: {notRunning.Description}",
                notRunning.Code, notRunning.Description, notRunning.StatusCode, notRunning.RequestPath, notRunning) { Advice = advice };
        }
    }

    /// <summary>
    /// Drops and restarts an account's connection to Discord: the account is sent back unchanged to TrueAI's
    /// <c>account-reconnect</c> or Plus's <c>update-reconnect</c>. Plus loses the account's unfinished jobs.
    /// </summary>
    public async Task ReconnectAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        Require(accountId, nameof(accountId));
        var routes = await RoutesAsync(MjAdminOperation.ReconnectAccount, cancellationToken).ConfigureAwait(false);
        await SendBackAsync(routes, accountId, enable: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes an account from the pool (TrueAI <c>DELETE /mj/admin/account/{id}</c>, Plus <c>DELETE /mj/account/{id}/delete</c>).</summary>
    public async Task RemoveAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        Require(accountId, nameof(accountId));
        var routes = await RoutesAsync(MjAdminOperation.RemoveAccount, cancellationToken).ConfigureAwait(false);
        await ChangeAsync(HttpMethod.Delete, routes.AccountDelete!(accountId), null, "account", accountId, cancellationToken).ConfigureAwait(false);
    }
}
