using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// A proxy's administration (<see cref="MjClient.Admin"/>): its Midjourney accounts (TrueAI <c>/mj/admin/*</c>, Plus and
/// novicezk <c>/mj/account/*</c>), and TrueAI's users and banned words. Secrets in the answers (account tokens, cookies,
/// logins, passwords, 2FA, user tokens) are dropped while reading (<see cref="MjAccount"/>). A flavour without an
/// operation throws <see cref="MjNotSupportedException"/> before sending it; a key that is not the administrator's throws
/// <see cref="MjNotSupportedException"/> with <see cref="MjNotSupportedException.NeedsAdministrator"/>: before the request
/// where the server can tell (TrueAI's <c>/mj/admin/current</c>), else from its 401.
/// </summary>
public sealed class MjAdminApi
{
    private const int PageSize = 100;
    private const int MaxPages = 100;
    private const int TokenBytes = 32;

    private readonly MjClient _client;
    private readonly MjTransport _transport;
    private readonly TimeSpan _attemptTimeout;
    private volatile object? _isAdministrator;
    private volatile string? _role;
    private int _capacityTried;

    internal MjAdminApi(MjClient client, MjTransport transport, TimeSpan attemptTimeout)
    {
        _client = client;
        _transport = transport;
        _attemptTimeout = attemptTimeout > TimeSpan.Zero ? attemptTimeout : TimeSpan.FromSeconds(100);
    }

    /// <summary>True when the key is the administrator's, false when the server said it is not, null before anything told.</summary>
    public bool? IsAdministrator { get => (bool?)_isAdministrator; private set => _isAdministrator = value; }

    // ---- accounts ----

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
        for (var page = 0; page < MaxPages; page++)
        {
            var (method, body) = routes.ListShape switch
            {
                AccountListShape.TrueAiPaged => (HttpMethod.Post, AdminRoutes.TrueAiPage(page + 1, PageSize)),
                AccountListShape.SpringPaged => (HttpMethod.Post, AdminRoutes.SpringPage(page, PageSize)),
                _ => (HttpMethod.Get, (string?)null),
            };
            var (items, total) = await ReadListAsync(method, routes.AccountList!, body, (e, server) => AdminJson.Account(e, server, routes.Flavor, routes.ListShape == AccountListShape.TrueAiPaged), cancellationToken).ConfigureAwait(false);
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

    // ---- capacity ----

    /// <summary>
    /// The pool's capacity from its account list (the sum of CoreSize + QueueSize over usable accounts). The client's
    /// submits then start from it instead of learning it from full-queue refusals (<see cref="MjClient.Load"/>); a
    /// later refusal that says otherwise wins. A pool with no usable account leaves the capacity unknown: its submits
    /// are answered at once (code 3), and the error says why.
    /// </summary>
    public async Task<MjPoolCapacity> GetCapacityAsync(CancellationToken cancellationToken = default) =>
        (await ReadPoolAsync(cancellationToken).ConfigureAwait(false)).Capacity;

    /// <summary>
    /// Reads the capacity once per client, when the flavour is known (a server check found it) and has an account list
    /// the key may read; never throws. Called before the first submit and by Connect-MjServer.
    /// </summary>
    public async Task<MjPoolCapacity?> TryGetCapacityAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _capacityTried, 1); // tried once is enough: a key that may not read stays so
        if (!AdminRoutes.For(_client.Capabilities.Flavor).HasAccountList || IsAdministrator == false)
        {
            return null;
        }

        try
        {
            return await GetCapacityAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MjException && !cancellationToken.IsCancellationRequested)
        {
            Trace($"the pool's capacity could not be read from its accounts: {FirstLine(e.Message)}");
            return null;
        }
    }

    /// <summary>The one-time read before the first submit.</summary>
    internal async Task EnsureCapacityAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _capacityTried, 1, 0) == 0)
        {
            await TryGetCapacityAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private MjPoolCapacity UseCapacity(IReadOnlyList<MjAccount> accounts)
    {
        Interlocked.Exchange(ref _capacityTried, 1);
        var usable = accounts.Where(a => a.IsUsable).ToList();
        var capacity = new MjPoolCapacity(usable.Sum(a => a.Capacity ?? 0), usable.Count, accounts.Count, DateTimeOffset.UtcNow);
        _client.Admission.UseAccountCapacity(capacity);
        Trace($"the pool's accounts: {capacity}");
        return capacity;
    }

    // ---- "no usable account", explained ----

    /// <summary>True for a refusal that says the server has no usable account (code 3 "无可用的账号实例").</summary>
    internal static bool IsNoUsableAccount(MjApiException error) =>
        error.Code == 3 && (error.Description ?? string.Empty).Contains("无可用的账号实例");

    /// <summary>
    /// The same refusal, saying why: with a key that may read the accounts, which accounts there are and what keeps
    /// each from work (the capacity is refreshed from the same read); otherwise that the administrator can see why.
    /// </summary>
    internal async Task<MjApiException> ExplainNoUsableAccountAsync(MjApiException refusal, SpeedMode mode, CancellationToken cancellationToken)
    {
        IReadOnlyList<MjAccount>? accounts = null;
        if (AdminRoutes.For(_client.Capabilities.Flavor).HasAccountList && IsAdministrator != false)
        {
            try
            {
                accounts = await GetAccountsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MjException e) when (!cancellationToken.IsCancellationRequested)
            {
                Trace($"the accounts could not be read to explain the refusal: {FirstLine(e.Message)}");
            }
        }

        var origin = $"{_transport.Errors.Url(refusal.RequestPath)} answered code {refusal.Code}: {refusal.Description}";
        string text, advice;
        if (accounts is null)
        {
            text = MjServerMessages.Find(refusal.Description)?.Explanation ?? "The server has no Midjourney account that can take this job.";
            advice = "The server's administrator can see why with Get-MjAccount (this key cannot read the account list); try again later, or another -Mode.";
        }
        else
        {
            text = $"The server has no Midjourney account that can take this job: {NoUsableAccount.Describe(accounts, mode)}.";
            advice = accounts.Count == 0
                ? "Add an account on the server (its web page), then submit again."
                : accounts.Any(a => a.IsUsable)
                    ? "Try again later or with another -Mode; Get-MjAccount shows each account's modes and load."
                    : "Enable an account (Enable-MjAccount) or fix it on the server, then submit again; Get-MjAccount shows them.";
        }

        return new MjServerException($"{text} {advice}\n{origin}", refusal.Code, refusal.Description, refusal.StatusCode, refusal.RequestPath, refusal) { Advice = advice };
    }

    // ---- users (TrueAI) ----

    /// <summary>Every user of a TrueAI proxy (tokens dropped).</summary>
    public async Task<IReadOnlyList<MjUser>> GetUsersAsync(CancellationToken cancellationToken = default)
    {
        var routes = await RoutesAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
        return await ReadPagesAsync(routes.UserList!, null, (e, server) => AdminJson.User(e, server), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes a TrueAI user with a new random token (32 bytes from a cryptographic generator, as 64 hex digits), and
    /// gives the token out this once. The answer names no id, so the new user is found by its token in the user list,
    /// and read like every user: without it.
    /// </summary>
    public async Task<MjNewUser> NewUserAsync(MjUserRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ArgumentException("A user needs a name.", nameof(request));
        }

        var routes = await RoutesAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
        var token = NewToken();
        var body = UserBody(request, token);
        try
        {
            await ChangeAsync(HttpMethod.Post, routes.UserSave!, body, "user", request.Name, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(body, 0, body.Length);
        }

        var search = "{\"name\":" + JsonSerializer.Serialize(request.Name.Trim()) + "}";
        var found = await ReadPagesAsync(routes.UserList!, search, (e, server) =>
            JsonValues.GetString(e, "token") == token ? AdminJson.User(e, server) : null, cancellationToken).ConfigureAwait(false);
        var user = found.FirstOrDefault(u => u is not null)
            ?? throw new MjProtocolException($"{_transport.Errors.Server} said the user '{request.Name}' was made, but its user list does not show it; look for it with Get-MjUser.", null, routes.UserList);
        return new MjNewUser(user, Secure(token));
    }

    /// <summary>Removes a TrueAI user (its own <c>admin</c> and <c>default</c> users cannot be removed).</summary>
    public async Task RemoveUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        Require(userId, nameof(userId));
        var routes = await RoutesAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
        await ChangeAsync(HttpMethod.Delete, routes.UserDelete!(userId), null, "user", userId, cancellationToken).ConfigureAwait(false);
    }

    // ---- banned words (TrueAI) ----

    /// <summary>Every banned-word list of a TrueAI proxy.</summary>
    public async Task<IReadOnlyList<MjBannedWord>> GetBannedWordsAsync(CancellationToken cancellationToken = default)
    {
        var routes = await RoutesAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
        return await ReadPagesAsync(routes.BannedWordList!, null, (e, server) => AdminJson.BannedWord(e, server), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds words: to the list <paramref name="listId"/> (read, the words added, sent back), or as a new list named
    /// <paramref name="name"/>. TrueAI trims the words and keeps them in lower case. Returns the list as the server keeps it.
    /// </summary>
    public async Task<MjBannedWord> AddBannedWordsAsync(IEnumerable<string> words, string? name = null, string? description = null, string? listId = null, CancellationToken cancellationToken = default)
    {
        var adding = Words(words);
        var routes = await RoutesAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(listId))
        {
            var list = await GetBannedWordListAsync(routes, listId!, cancellationToken).ConfigureAwait(false);
            var merged = list.Keywords.Concat(adding).ToList();
            await SaveBannedWordsAsync(routes, list.Id, name ?? list.Name, merged, description ?? list.Description, list.Enabled ?? true, cancellationToken).ConfigureAwait(false);
            return await GetBannedWordListAsync(routes, list.Id, cancellationToken).ConfigureAwait(false);
        }

        var listName = string.IsNullOrWhiteSpace(name) ? "Midjourney module " + DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : name!.Trim();
        await SaveBannedWordsAsync(routes, null, listName, adding, description, true, cancellationToken).ConfigureAwait(false);
        var lists = await GetBannedWordsAsync(cancellationToken).ConfigureAwait(false);
        return lists.Where(l => l.Name == listName).OrderByDescending(l => l.CreateTime ?? DateTime.MinValue).FirstOrDefault()
            ?? throw new MjProtocolException($"{_transport.Errors.Server} said the banned-word list '{listName}' was made, but its lists do not show it; look for it with Get-MjBannedWord.", null, routes.BannedWordList);
    }

    /// <summary>
    /// Removes a banned-word list, or with <paramref name="words"/> only those words from it (read, the words taken
    /// out, sent back; the list is then returned). The server's <c>default</c> list cannot be removed, only edited.
    /// </summary>
    public async Task<MjBannedWord?> RemoveBannedWordsAsync(string listId, IEnumerable<string>? words = null, CancellationToken cancellationToken = default)
    {
        Require(listId, nameof(listId));
        var routes = await RoutesAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
        if (words is null)
        {
            await ChangeAsync(HttpMethod.Delete, routes.BannedWordDelete!(listId), null, "banned-word list", listId, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var removing = new HashSet<string>(Words(words), StringComparer.OrdinalIgnoreCase);
        var list = await GetBannedWordListAsync(routes, listId, cancellationToken).ConfigureAwait(false);
        var kept = list.Keywords.Where(k => !removing.Contains(k)).ToList();
        await SaveBannedWordsAsync(routes, list.Id, list.Name, kept, list.Description, list.Enabled ?? true, cancellationToken).ConfigureAwait(false);
        return await GetBannedWordListAsync(routes, list.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MjBannedWord> GetBannedWordListAsync(AdminRoutes routes, string listId, CancellationToken cancellationToken)
    {
        var search = "{\"id\":" + JsonSerializer.Serialize(listId) + "}";
        var lists = await ReadPagesAsync(routes.BannedWordList!, search, (e, server) => AdminJson.BannedWord(e, server), cancellationToken).ConfigureAwait(false);
        return lists.FirstOrDefault(l => l.Id == listId) ?? throw NotFound("banned-word list", listId, routes.BannedWordList!, null);
    }

    private Task SaveBannedWordsAsync(AdminRoutes routes, string? id, string? name, IReadOnlyList<string> keywords, string? description, bool enabled, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = name,
            ["keywords"] = keywords,
            ["description"] = description,
            ["enable"] = enabled,
        });
        return ChangeAsync(HttpMethod.Post, routes.BannedWordSave!, body, "banned-word list", id ?? name ?? string.Empty, cancellationToken);
    }

    // ---- the wire ----

    /// <summary>
    /// Tells, without sending <paramref name="operation"/> itself, whether this server and key allow it: throws
    /// <see cref="MjNotSupportedException"/> when the flavour lacks it (after a check with free requests when the flavour
    /// is not known yet), or when TrueAI says the key is not its administrator's (<c>GET /mj/admin/current</c>).
    /// A server that cannot tell the key's role beforehand refuses it when it is sent.
    /// </summary>
    public async Task CheckAsync(MjAdminOperation operation, CancellationToken cancellationToken = default) =>
        await RoutesAsync(operation, cancellationToken).ConfigureAwait(false);

    /// <summary>The flavour's routes, after the checks that need no request to the operation itself.</summary>
    private async Task<AdminRoutes> RoutesAsync(MjAdminOperation operation, CancellationToken cancellationToken)
    {
        if (_client.Capabilities.Flavor is null)
        {
            // Free requests only; the flavour decides which routes exist.
            await _client.CheckServerAsync(cancellationToken).ConfigureAwait(false);
        }

        var flavor = _client.Capabilities.Flavor;
        var routes = AdminRoutes.For(flavor);
        if (!routes.Has(operation))
        {
            throw Unsupported(operation, flavor);
        }

        await RequireAdministratorAsync(routes, cancellationToken).ConfigureAwait(false);
        return routes;
    }

    /// <summary>TrueAI tells a key's role (<c>GET /mj/admin/current</c>, free): a user's key is refused before any admin request.</summary>
    private async Task RequireAdministratorAsync(AdminRoutes routes, CancellationToken cancellationToken)
    {
        if (IsAdministrator is null && routes.CurrentUser is { } current)
        {
            try
            {
                var answer = await _transport.ProbeAsync(HttpMethod.Get, current, null, _client.AuthScheme, _attemptTimeout, cancellationToken).ConfigureAwait(false);
                _role = answer.Status < 300 ? RoleOf(answer.Body) : null;
                IsAdministrator = answer.Status is 401 or 403 ? false : _role is { } role ? role == "ADMIN" : null;
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
            {
                Trace($"could not ask {current} for the key's role: {e.Message}");
            }
        }

        if (IsAdministrator == false)
        {
            throw NeedsAdministrator(routes, null, _role is { } role
                ? $"No request was sent: {_transport.Errors.Url(routes.CurrentUser)} gives this key the role {role}."
                : "No request was sent: the server refused this key on its admin routes before.");
        }
    }

    /// <summary>The role label of <c>/mj/admin/current</c>; the answer (which repeats the key) is read for nothing else.</summary>
    private static string? RoleOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
            {
                foreach (var tag in tags.EnumerateArray())
                {
                    if (JsonValues.GetString(tag, "key") == "role")
                    {
                        return JsonValues.GetString(tag, "label")?.ToUpperInvariant();
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private async Task<(IReadOnlyList<T> Items, int? Total)> ReadListAsync<T>(HttpMethod method, string path, string? body, Func<JsonElement, Uri, T> read, CancellationToken cancellationToken)
    {
        var bytes = body is null ? null : Encoding.UTF8.GetBytes(body);
        return await _transport.ReadAsync(method, path, bytes, response =>
        {
            Admitted(response);
            if (response.IsEmpty)
            {
                return ((IReadOnlyList<T>)Array.Empty<T>(), (int?)null);
            }

            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (AdminJson.Refusal(response.Body) is { } refusal)
                {
                    throw Refused(response, refusal, null, null);
                }

                var items = AdminJson.Items(document.RootElement, out var total);
                return ((IReadOnlyList<T>)items.Select(e => read(e, _transport.BaseAddress)).ToList(), total);
            }
            catch (JsonException e)
            {
                throw new MjProtocolException($"{_transport.Errors.Url(path)} answered a body that is not the list it should be: {e.Message}", response.StatusCode, path, e);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<T>> ReadPagesAsync<T>(string path, string? search, Func<JsonElement, Uri, T> read, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var (items, total) = await ReadListAsync(HttpMethod.Post, path, AdminRoutes.TrueAiPage(page, PageSize, search), read, cancellationToken).ConfigureAwait(false);
            all.AddRange(items);
            if (items.Count < PageSize || (total is int count && all.Count >= count))
            {
                break;
            }
        }

        return all;
    }

    /// <summary>The account as the server sent it, for reading or sending back. Dispose it: it holds the account's secrets.</summary>
    private async Task<JsonDocument> FetchAccountDocumentAsync(AdminRoutes routes, string accountId, CancellationToken cancellationToken)
    {
        var path = routes.AccountFetch!(accountId);
        return await _transport.ReadAsync(HttpMethod.Get, path, null, response =>
        {
            Admitted(response);
            if (response.IsEmpty || response.StatusCode == HttpStatusCode.NoContent)
            {
                throw NotFound("account", accountId, path, response); // novicezk: 200 with nothing
            }

            if (AdminJson.Refusal(response.Body) is { } refusal)
            {
                throw Refused(response, refusal, "account", accountId);
            }

            try
            {
                var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("id", out _))
                {
                    document.Dispose();
                    throw new MjProtocolException($"{_transport.Errors.Url(path)} answered a body that is not an account.", response.StatusCode, path);
                }

                return document;
            }
            catch (JsonException e)
            {
                throw new MjProtocolException($"{_transport.Errors.Url(path)} answered a body that is not an account: {e.Message}", response.StatusCode, path, e);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the account back as it was read, with <c>enable</c> (and Plus's <c>status</c>) set when given. The body
    /// carries the account's secrets back to the server they came from; it lives only here and is never traced.
    /// </summary>
    private async Task SendBackAsync(AdminRoutes routes, string accountId, bool? enable, CancellationToken cancellationToken)
    {
        using var document = await FetchAccountDocumentAsync(routes, accountId, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (enable is bool on && property.NameEquals("enable"))
                {
                    writer.WriteBoolean(property.Name, on);
                }
                else if (enable is bool active && property.NameEquals("status") && property.Value.ValueKind == JsonValueKind.String)
                {
                    writer.WriteString(property.Name, active ? "ENABLE" : "DISABLED");
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            if (enable is bool value && !root.TryGetProperty("enable", out _))
            {
                writer.WriteBoolean("enable", value);
            }

            writer.WriteEndObject();
        }

        var bytes = body.ToArray();
        try
        {
            await ChangeAsync(HttpMethod.Put, routes.AccountUpdate!(accountId), bytes, "account", accountId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    /// <summary>One change: a single attempt (never repeated on its own), its refusal as a typed error.</summary>
    private async Task<string?> ChangeAsync(HttpMethod method, string path, byte[]? body, string subject, string id, CancellationToken cancellationToken)
    {
        MjHttpResponse response;
        try
        {
            response = await _transport.ProbeAsync(method, path, body, _client.AuthScheme, _attemptTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var advice = ConnectFailures.Advice(e, _transport.BaseAddress) + " The change may or may not have been made: read it back (Get-MjAccount, Get-MjUser, Get-MjBannedWord) before trying again.";
            throw new MjServerException($"{ConnectFailures.Describe(e, _transport.BaseAddress, $"{method} {path}")} {advice}", null, null, null, path, e) { Advice = advice };
        }

        Admitted(response);
        if (response.Status >= 300)
        {
            throw _transport.Errors.FromResponse(response);
        }

        if (AdminJson.Refusal(response.Body) is { } refusal)
        {
            throw Refused(response, refusal, subject, id);
        }

        if (subject == "account")
        {
            Volatile.Write(ref _capacityTried, 0); // the pool changed: the next submit (or Get-MjAccount) reads it again
        }

        return AdminJson.Message(response.Body);
    }

    /// <summary>401/403 on an admin route: this key is not the administrator's. A missing route: the flavour lacks it.</summary>
    private void Admitted(MjHttpResponse response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            IsAdministrator = false;
            var said = Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 200)).Trim();
            throw NeedsAdministrator(AdminRoutes.For(_client.Capabilities.Flavor), response,
                $"{_transport.Errors.Url(response.Path)} answered {response.Status} {response.StatusCode}{(said.Length > 0 ? ": " + _transport.Redactor.Redact(said) : string.Empty)}");
        }

        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && !SubmitEnvelope.TryRead(response.Body, out _))
        {
            var routes = AdminRoutes.For(_client.Capabilities.Flavor);
            var text = $"{_transport.Errors.Server} has no {response.Path} (a {routes.Flavor} server was expected to have it), so this cannot be done here.";
            const string advice = "Check the server's version and flavour (Test-MjServer), or do it on the server's own web page.";
            throw new MjNotSupportedException($"{text} {advice}\n{_transport.Errors.Url(response.Path)} answered {response.Status} {response.StatusCode}.", false, null, response.StatusCode, response.Path) { Advice = advice };
        }

        if (response.Status < 300)
        {
            IsAdministrator ??= true;
        }
    }

    private MjNotSupportedException NeedsAdministrator(AdminRoutes routes, MjHttpResponse? response, string origin)
    {
        var text = $"This needs the server's admin token: {_transport.Errors.Server} lets only its administrator read and change accounts{(routes.HasUsers ? ", users and banned words" : string.Empty)}, and this key is not the administrator's.";
        var advice = routes.Flavor == "trueai"
            ? "Connect with the administrator's token (Connect-MjServer -ApiKey <admin token> -AuthScheme Raw), or ask the server's administrator."
            : "Connect with the server's API secret (its mj.api-secret), or ask the server's administrator.";
        return new MjNotSupportedException($"{text} {advice}\n{origin}", true, null, response?.StatusCode, response?.Path) { Advice = advice };
    }

    private MjNotSupportedException Unsupported(MjAdminOperation operation, string? flavor)
    {
        var server = _transport.Errors.Server;
        var what = AdminRoutes.Describe(operation);
        var usersOrWords = operation is MjAdminOperation.ManageUsers or MjAdminOperation.ManageBannedWords;
        var text = flavor switch
        {
            null => $"{server} could not be checked, so it is not known whether it can {what}; check it with Test-MjServer.",
            _ when usersOrWords => $"{server} is a {FlavorName(flavor)}, which has no users or banned words: only TrueAI proxies have them.",
            "gateway" or "taskapi" => $"{server} is a {FlavorName(flavor)}, which has no account API: its accounts (channels) are managed in the gateway's own console.",
            "novicezk" => $"{server} is a novicezk proxy, whose account API only lists and reads accounts: it cannot {what}.",
            _ => $"{server} is a {FlavorName(flavor)}, which cannot {what}.",
        };
        var advice = flavor is null ? "Run Test-MjServer, then try again." : "Nothing was sent; do it on the server itself.";
        return new MjNotSupportedException($"{text} {advice}", false, null, null, null) { Advice = advice };
    }

    private static string FlavorName(string flavor) => flavor switch
    {
        "gateway" => "new-api gateway",
        "taskapi" => "TASK_STATUS gateway",
        "plus" => "Plus proxy",
        "novicezk" => "novicezk proxy",
        "trueai" => "TrueAI proxy",
        _ => flavor + " server",
    };

    private MjApiException Refused(MjHttpResponse response, string refusal, string? subject, string? id)
    {
        var said = _transport.Redactor.Redact(refusal);
        var origin = $"{_transport.Errors.Url(response.Path)} answered: {said}";
        if (subject is not null && said is not null && (said.Contains("不存在") || said.Contains("not found")))
        {
            return NotFound(subject, id ?? string.Empty, response.Path, response, origin);
        }

        var known = MjServerMessages.Find(said);
        var text = known is null ? origin : $"{known.Explanation} {known.Advice}\n{origin}";
        return new MjValidationException(text, JsonValues.GetInt64(Parse(response.Body), "code") is long code ? (int)code : null, said, response.StatusCode, response.Path) { Advice = known?.Advice };
    }

    private MjNotFoundException NotFound(string subject, string id, string path, MjHttpResponse? response, string? origin = null)
    {
        var lister = subject switch
        {
            "user" => "Get-MjUser",
            "banned-word list" => "Get-MjBannedWord",
            _ => "Get-MjAccount",
        };
        var advice = $"Check the id; {lister} lists them.";
        return new MjNotFoundException($"{_transport.Errors.Server} has no {subject} '{id}'. {advice}{(origin is null ? string.Empty : "\n" + origin)}", null, null, null, response?.StatusCode, path)
        {
            Subject = subject,
            Advice = advice,
        };
    }

    private static JsonElement Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static byte[] UserBody(MjUserRequest request, string token)
    {
        var user = new Dictionary<string, object?>
        {
            ["name"] = request.Name.Trim(),
            ["token"] = token,
            ["role"] = request.Administrator ? "ADMIN" : "USER",
            ["status"] = "NORMAL",
        };
        if (!string.IsNullOrWhiteSpace(request.Email)) user["email"] = request.Email!.Trim();
        if (request.DayDrawLimit is int day) user["dayDrawLimit"] = day;
        if (request.TotalDrawLimit is int total) user["totalDrawLimit"] = total;
        if (request.CoreSize is int core) user["coreSize"] = core;
        if (request.QueueSize is int queue) user["queueSize"] = queue;
        return JsonSerializer.SerializeToUtf8Bytes(user);
    }

    private static string NewToken()
    {
        var bytes = new byte[TokenBytes];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        var text = new StringBuilder(TokenBytes * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static IReadOnlyList<string> Words(IEnumerable<string> words)
    {
        var list = (words ?? throw new ArgumentNullException(nameof(words))).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one word.", nameof(words));
        }

        return list;
    }

    private static void Require(string id, string name)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An id is required.", name);
        }
    }

    private void Trace(string line) => _client.TraceLine(line);

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text.Substring(0, end);
    }
}
