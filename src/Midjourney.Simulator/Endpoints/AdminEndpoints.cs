using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Admin;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Http;
using static Midjourney.Simulator.Http.JsonFields;

namespace Midjourney.Simulator.Endpoints;

/// <summary>
/// TrueAI's admin API (<c>/mj/admin/*</c>, its AdminController) as 11.10.3 answers it
/// (tests/Recordings/trueai-11.10.3/admin-*.json): accounts, users and banned words. Only the administrator gets here
/// (the auth middleware answers everyone else 401 "账号无权限"); <c>/mj/admin/current</c>, open to all, is a home route.
/// Refusals are its <c>Result.Fail</c> / <c>LogicException</c>: HTTP 200 <c>{"success":false,"code":-1,"message":…}</c>.
/// </summary>
internal sealed class AdminEndpoints
{
    private const string NotFoundAccount = "账号不存在";
    private const string BadParameter = "参数错误";

    /// <summary>What 11.10.3 answers where an operation throws (its Redis-backed cache with Redis down, its keyword search on SQLite): HTTP 500, code -1.</summary>
    private const string Crashed = "操作失败";
    private readonly SimulatorServices _services;

    public AdminEndpoints(SimulatorServices services) => _services = services;

    private AccountPool Pool => _services.Engine.Accounts;

    /// <summary><c>GET /mj/admin/accounts</c>: the enabled accounts, without counts.</summary>
    public Task AccountListAsync(HttpContext context)
    {
        long now = _services.Clock.NowMs();
        List<SimAccount> enabled = Pool.All().Where(a => a.Enabled).ToList();
        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartArray();
            foreach (SimAccount account in enabled) AccountJson.WriteTrueAi(w, account, now, 0, 0);
            w.WriteEndArray();
        });
    }

    /// <summary>
    /// <c>POST /mj/admin/accounts</c>: a page of accounts with their running and queued jobs; search by enable, channel,
    /// guild, remark. With Redis down (--no-redis): HTTP 500 "操作失败", as the real server (its live counts come from Redis).
    /// </summary>
    public async Task AccountPageAsync(HttpContext context)
    {
        using JsonDocument? body = await ReadPageQueryAsync(context);
        if (body is null) return;

        JsonElement search = Member(body.RootElement, "search");
        bool? enable = Bool(search, "enable");
        string? channel = Text(search, "channelId"), guild = Text(search, "guildId"), remark = Text(search, "remark");
        List<SimAccount> matching = Pool.All().Where(a => (enable is null || a.Enabled == enable)
            && (string.IsNullOrEmpty(channel) || a.ChannelId == channel)
            && (string.IsNullOrEmpty(guild) || a.GuildId == guild)
            && (string.IsNullOrEmpty(remark) || (a.Remark ?? "").Contains(remark, StringComparison.Ordinal))).ToList();
        long now = _services.Clock.NowMs();
        await WritePageAsync(context, body.RootElement, matching, (w, a) =>
        {
            (int running, int queued) = _services.Engine.LoadOf(a);
            AccountJson.WriteTrueAi(w, a, now, running, queued);
        });
    }

    /// <summary><c>GET /mj/admin/account/{id}</c>.</summary>
    public Task AccountAsync(HttpContext context, string id)
    {
        if (Pool.Find(id) is not { } account) return TrueAiResult.WriteFailAsync(context, 200, NotFoundAccount);
        long now = _services.Clock.NowMs();
        return EnvelopeJson.WriteJsonAsync(context, 200, w => AccountJson.WriteTrueAi(w, account, now, 0, 0));
    }

    /// <summary><c>POST /mj/admin/accounts-enable</c> with a list of ids: "已启用 N 个账号" (the ones that were not enabled).</summary>
    public async Task EnableAsync(HttpContext context)
    {
        using JsonDocument? body = await ReadAsync(context);
        if (body is null) return;
        var ids = body.RootElement.ValueKind == JsonValueKind.Array
            ? body.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()?.Trim() : null).Where(i => !string.IsNullOrEmpty(i)).Distinct().ToList()
            : new List<string?>();
        if (ids.Count == 0)
        {
            await TrueAiResult.WriteFailAsync(context, 200, BadParameter);
            return;
        }

        int enabled = Pool.Change(() =>
        {
            int count = 0;
            foreach (SimAccount account in Pool.All().Where(a => ids.Contains(a.Id) && !a.Enabled))
            {
                account.Enabled = true;
                Pool.Connect(account); // at once: the real server's routine start, within a minute
                count++;
            }

            return count;
        });
        await TrueAiResult.WriteOkMessageAsync(context, $"已启用 {enabled} 个账号");
    }

    /// <summary>
    /// <c>PUT /mj/admin/account-reconnect/{id}</c> with the whole account: its settings are taken from the body as the
    /// real <c>UpdateAccount</c> does, the user token and the login fields included: a body without them wipes them.
    /// </summary>
    public async Task ReconnectAsync(HttpContext context, string id)
    {
        using JsonDocument? body = await ReadAsync(context);
        if (body is null) return;
        JsonElement param = body.RootElement;
        if (!string.Equals(Text(param, "id"), id, StringComparison.Ordinal))
        {
            await TrueAiResult.WriteFailAsync(context, 200, BadParameter);
            return;
        }

        if (Pool.Find(id) is not { } account)
        {
            await TrueAiResult.WriteFailAsync(context, 200, NotFoundAccount);
            return;
        }

        Pool.Change(() =>
        {
            account.Enabled = Bool(param, "enable") ?? false;
            Pool.Connect(account); // the reconnect: a new connection for an enabled account
            account.Remark = Text(param, "remark");
            account.Sponsor = Text(param, "sponsor");
            account.ApplySizes(Int(param, "coreSize"), Int(param, "queueSize"), Int(param, "timeoutMinutes"));
            account.UserToken = Text(param, "userToken");
            account.LoginAccount = Text(param, "loginAccount")?.Trim();
            account.LoginPassword = Text(param, "loginPassword")?.Trim();
            account.Login2fa = Text(param, "login2fa")?.Trim();
            account.PermanentInvitationLink = Text(param, "permanentInvitationLink");
            if (Text(param, "cookie") is { } cookie) account.Cookie = cookie;
            return true;
        });
        await TrueAiResult.WriteOkMessageAsync(context);
    }

    /// <summary><c>POST /mj/admin/account-sync/{id}</c>: a connected account reads its /info again; others fail.</summary>
    public Task SyncAsync(HttpContext context, string id)
    {
        SimAccount? account = Pool.Find(id);
        if (account is null || !account.Connected) return TrueAiResult.WriteFailAsync(context, 200, "同步失败，请稍后重试");
        long now = _services.Clock.NowMs();
        Pool.Sync(account, now);
        return TrueAiResult.WriteOkMessageAsync(context);
    }

    /// <summary><c>DELETE /mj/admin/account/{id}</c>.</summary>
    public Task DeleteAccountAsync(HttpContext context, string id) =>
        Pool.Find(id) is { } account && Pool.Remove(account)
            ? TrueAiResult.WriteOkMessageAsync(context)
            : TrueAiResult.WriteFailAsync(context, 200, NotFoundAccount);

    /// <summary>
    /// <c>POST /mj/admin/users</c>: a page of users (the administrator sees their tokens, as on the real server). With Redis
    /// down (--no-redis): HTTP 500 "操作失败", while a user is still saved (POST /mj/admin/user answers success).
    /// </summary>
    public async Task UsersAsync(HttpContext context)
    {
        using JsonDocument? body = await ReadPageQueryAsync(context);
        if (body is null) return;

        JsonElement search = Member(body.RootElement, "search");
        string? id = Text(search, "id"), name = Text(search, "name"), email = Text(search, "email"), role = Text(search, "role");
        List<SimUser> matching = _services.Users.All().Where(u => (string.IsNullOrEmpty(id) || u.Id == id)
            && (string.IsNullOrEmpty(name) || u.Name.Contains(name, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(email) || (u.Email ?? "").Contains(email, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(role) || string.Equals(u.Role, role, StringComparison.OrdinalIgnoreCase))).ToList();
        await WritePageAsync(context, body.RootElement, matching, WriteUser);
    }

    /// <summary><c>POST /mj/admin/user</c>: adds a user (no id) or edits one, with TrueAI's checks and texts.</summary>
    public async Task SaveUserAsync(HttpContext context)
    {
        using JsonDocument? body = await ReadAsync(context);
        if (body is null) return;
        JsonElement param = body.RootElement;
        string? id = Text(param, "id"), token = Text(param, "token"), name = Text(param, "name");
        long now = _services.Clock.NowMs();
        string? refusal = _services.Users.Change(users =>
        {
            SimUser? existing = string.IsNullOrWhiteSpace(id) ? null : users.FirstOrDefault(u => u.Id == id);
            if (!string.IsNullOrWhiteSpace(id) && existing is null) return "用户不存在";
            if (string.IsNullOrWhiteSpace(token)) return "Token 不能为空";
            if (users.Any(u => u.Token == token && u != existing)) return "Token 重复";
            if (string.IsNullOrWhiteSpace(name)) return "用户名不能为空";
            SimUser user = existing ?? new SimUser { Id = Guid.NewGuid().ToString(), Name = name, Role = "USER", Token = token, CreateTimeMs = now };
            user.Name = name;
            user.Token = token;
            user.Role = Text(param, "role") ?? "USER";
            user.Status = Text(param, "status") ?? "NORMAL";
            user.Email = Text(param, "email");
            user.Phone = Text(param, "phone");
            user.DayDrawLimit = Int(param, "dayDrawLimit") ?? -1;
            user.TotalDrawLimit = Int(param, "totalDrawLimit") ?? -1;
            user.CoreSize = Int(param, "coreSize") ?? -1;
            user.QueueSize = Int(param, "queueSize") ?? -1;
            user.IsWhite = Bool(param, "isWhite") ?? false;
            user.UpdateTimeMs = now;
            if (existing is null) users.Add(user);
            return null;
        });
        await (refusal is null ? TrueAiResult.WriteOkMessageAsync(context) : TrueAiResult.WriteFailAsync(context, 200, refusal));
    }

    /// <summary><c>DELETE /mj/admin/user/{id}</c>: "admin" and "user" stay.</summary>
    public Task DeleteUserAsync(HttpContext context, string id)
    {
        string? refusal = _services.Users.Change(users =>
        {
            SimUser? user = users.FirstOrDefault(u => u.Id == id);
            if (user is null) return "用户不存在";
            if (user.Id == UserStore.AdminId) return "不能删除管理员账号";
            if (user.Id == UserStore.DefaultId) return "不能删除默认账号";
            users.Remove(user);
            return null;
        });
        return refusal is null ? TrueAiResult.WriteOkMessageAsync(context) : TrueAiResult.WriteFailAsync(context, 200, refusal);
    }

    /// <summary>
    /// <c>POST /mj/admin/banned-words</c>: a page of lists by id. A search by keyword fails with HTTP 500 "操作失败", as the
    /// real server's does on its SQLite database.
    /// </summary>
    public async Task BannedWordsAsync(HttpContext context)
    {
        using JsonDocument? body = await ReadAsync(context);
        if (body is null) return;
        JsonElement search = Member(body.RootElement, "search");
        if (Member(search, "keywords") is { ValueKind: JsonValueKind.Array } keywords && keywords.EnumerateArray().Any(k => k.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(k.GetString())))
        {
            await TrueAiResult.WriteFailAsync(context, 500, Crashed);
            return;
        }

        string? id = Text(search, "id");
        List<BannedWordList> matching = _services.Banned.All().Where(l => string.IsNullOrEmpty(id) || l.Id == id).ToList();
        await WritePageAsync(context, body.RootElement, matching, WriteBannedWord);
    }

    /// <summary>
    /// <c>POST /mj/admin/banned-word</c>: adds a list (no id) or edits one; the words are trimmed, lower-cased, de-duplicated.
    /// With Redis down (--no-redis) the list is saved and then the cache clear fails: HTTP 500 "操作失败" for a change made.
    /// </summary>
    public async Task SaveBannedWordAsync(HttpContext context)
    {
        using JsonDocument? body = await ReadAsync(context);
        if (body is null) return;
        JsonElement param = body.RootElement;
        string? id = Text(param, "id");
        long now = _services.Clock.NowMs();
        List<string?> words = Member(param, "keywords") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(k => k.ValueKind == JsonValueKind.String ? k.GetString() : null).ToList()
            : new List<string?>();
        string? refusal = _services.Banned.Change(lists =>
        {
            BannedWordList? existing = string.IsNullOrWhiteSpace(id) ? null : lists.FirstOrDefault(l => l.Id == id);
            if (!string.IsNullOrWhiteSpace(id) && existing is null) return "违规词不存在";
            BannedWordList list = existing ?? new BannedWordList { Id = Guid.NewGuid().ToString(), CreateTimeMs = now };
            list.Name = Text(param, "name");
            list.Keywords = BannedWordLists.Normalise(words);
            list.Enable = Bool(param, "enable") ?? true;
            list.Weight = Int(param, "weight") ?? 0;
            list.Sort = Int(param, "sort") ?? 0;
            list.Description = Text(param, "description");
            list.UpdateTimeMs = now;
            if (existing is null) lists.Add(list);
            return null;
        });
        await WriteChangeAsync(context, refusal);
    }

    /// <summary><c>DELETE /mj/admin/banned-word/{id}</c>: "default" stays. With Redis down (--no-redis): removed, then HTTP 500 "操作失败".</summary>
    public Task DeleteBannedWordAsync(HttpContext context, string id)
    {
        string? refusal = _services.Banned.Change(lists =>
        {
            BannedWordList? list = lists.FirstOrDefault(l => l.Id == id);
            if (list is null) return "违规词不存在";
            if (list.Id == BannedWordLists.DefaultId) return "不能删除默认违规词";
            lists.Remove(list);
            return null;
        });
        return WriteChangeAsync(context, refusal);
    }

    /// <summary>TrueAI's <c>StandardTableResult</c>: <c>{"list":[…],"pagination":{"total","pageCount","current","pageSize"}}</c>.</summary>
    private static Task WritePageAsync<T>(HttpContext context, JsonElement request, List<T> items, Action<Utf8JsonWriter, T> write)
    {
        JsonElement pagination = Member(request, "pagination");
        int size = Math.Clamp(Int(pagination, "pageSize") ?? 10, 1, 100);
        int current = Math.Max(Int(pagination, "current") ?? 1, 1);
        List<T> page = items.Skip((current - 1) * size).Take(size).ToList();
        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("list");
            foreach (T item in page) write(w, item);
            w.WriteEndArray();
            w.WriteStartObject("pagination");
            w.WriteNumber("total", items.Count);
            w.WriteNumber("pageCount", (items.Count + size - 1) / size);
            w.WriteNumber("current", current);
            w.WriteNumber("pageSize", size);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static void WriteUser(Utf8JsonWriter w, SimUser u)
    {
        w.WriteStartObject();
        w.WriteString("name", u.Name);
        w.WriteString("email", u.Email);
        w.WriteString("phone", u.Phone);
        w.WriteNull("avatar");
        w.WriteString("role", u.Role);
        w.WriteString("status", u.Status);
        w.WriteString("token", u.Token);
        w.WriteNull("lastLoginIp");
        w.WriteNull("lastLoginTime");
        w.WriteNull("lastLoginTimeFormat");
        w.WriteNull("registerIp");
        w.WriteString("registerTime", AccountJson.LocalTime(u.CreateTimeMs));
        w.WriteString("registerTimeFormat", AccountJson.LocalMinute(u.CreateTimeMs));
        w.WriteNumber("dayDrawLimit", u.DayDrawLimit);
        w.WriteNumber("totalDrawLimit", u.TotalDrawLimit);
        w.WriteNumber("dayDrawCount", 0);
        w.WriteNumber("totalDrawCount", 0);
        w.WriteNumber("coreSize", u.CoreSize);
        w.WriteNumber("queueSize", u.QueueSize);
        w.WriteBoolean("isWhite", u.IsWhite);
        w.WriteNull("validStartTime");
        w.WriteNull("validStartTimeFormat");
        w.WriteNull("validEndTime");
        w.WriteNull("validEndTimeFormat");
        w.WriteBoolean("isAvailable", true);
        w.WriteString("createTime", AccountJson.LocalTime(u.CreateTimeMs));
        w.WriteString("updateTime", AccountJson.LocalTime(u.UpdateTimeMs));
        w.WriteString("id", u.Id);
        w.WriteStartObject("properties");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteBannedWord(Utf8JsonWriter w, BannedWordList l)
    {
        w.WriteStartObject();
        w.WriteString("name", l.Name);
        w.WriteStartArray("keywords");
        foreach (string word in l.Keywords) w.WriteStringValue(word);
        w.WriteEndArray();
        w.WriteBoolean("enable", l.Enable);
        w.WriteNumber("weight", l.Weight);
        w.WriteNumber("sort", l.Sort);
        w.WriteString("description", l.Description);
        w.WriteString("createTime", AccountJson.LocalTime(l.CreateTimeMs));
        w.WriteString("createTimeFormat", AccountJson.LocalMinute(l.CreateTimeMs));
        w.WriteString("updateTime", AccountJson.LocalTime(l.UpdateTimeMs));
        w.WriteString("updateTimeFormat", AccountJson.LocalMinute(l.UpdateTimeMs));
        w.WriteString("id", l.Id);
        w.WriteStartObject("properties");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// A page query's body; null when it was answered already: a bad body, or Redis down (--no-redis), where the real
    /// server's page fails with HTTP 500 "操作失败" (its live counts and caches come from Redis).
    /// </summary>
    private async Task<JsonDocument?> ReadPageQueryAsync(HttpContext context)
    {
        JsonDocument? body = await ReadAsync(context);
        if (body is not null && _services.Options.NoRedis)
        {
            body.Dispose();
            await TrueAiResult.WriteFailAsync(context, 500, Crashed);
            return null;
        }

        return body;
    }

    /// <summary>
    /// The answer to a change: its refusal, else success; with Redis down (--no-redis) the change is kept and then the
    /// real server fails clearing its cache with HTTP 500 "操作失败".
    /// </summary>
    private Task WriteChangeAsync(HttpContext context, string? refusal) =>
        refusal is not null ? TrueAiResult.WriteFailAsync(context, 200, refusal)
            : _services.Options.NoRedis ? TrueAiResult.WriteFailAsync(context, 500, Crashed)
            : TrueAiResult.WriteOkMessageAsync(context);

    private async Task<JsonDocument?> ReadAsync(HttpContext context)
    {
        byte[] bytes = await Answer.ReadAllAsync(context);
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            await _services.Profile.WriteBadBodyAsync(context, exception.Message);
            return null;
        }
    }
}
