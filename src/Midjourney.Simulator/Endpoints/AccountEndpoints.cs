using System;
using System.Collections.Generic;
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
/// The Java proxies' account API under <c>/mj/account</c>, for every caller the key lets in (they have one secret):
/// novicezk's <c>GET list</c> and <c>GET {id}/fetch</c>; Plus's paged <c>POST query</c>, <c>GET {id}/fetch</c>,
/// <c>PUT {id}/update-reconnect</c>, <c>POST {id}/sync-info</c> and <c>DELETE {id}/delete</c>, as its API pages and its
/// admin web page (litter-coder/midjourney-proxy-admin) use them; answers <c>{code, description}</c> (1: done).
/// A missing account is an empty HTTP 200, as Spring writes a null.
/// </summary>
internal sealed class AccountEndpoints
{
    private readonly SimulatorServices _services;

    public AccountEndpoints(SimulatorServices services) => _services = services;

    private AccountPool Pool => _services.Engine.Accounts;

    private bool Plus => _services.Options.Flavor == SimulatorFlavor.Plus;

    /// <summary>novicezk <c>GET /mj/account/list</c>: every account.</summary>
    public Task ListAsync(HttpContext context)
    {
        IReadOnlyList<SimAccount> accounts = Pool.All();
        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartArray();
            foreach (SimAccount account in accounts) Write(w, account);
            w.WriteEndArray();
        });
    }

    /// <summary>Plus <c>POST /mj/account/query</c>: a Spring page (<c>pageNumber</c> from 0), by enable and channel.</summary>
    public async Task QueryAsync(HttpContext context)
    {
        JsonElement request = await ReadAsync(context);
        int size = Math.Clamp(Int(request, "pageSize") ?? 10, 1, 1000);
        int page = Math.Max(Int(request, "pageNumber") ?? 0, 0);
        bool? enable = Bool(request, "enable");
        string? channel = Text(request, "channelId");
        List<SimAccount> matching = Pool.All().Where(a => (enable is null || a.Enabled == enable) && (string.IsNullOrEmpty(channel) || a.ChannelId == channel)).ToList();
        await SpringPage.WriteAsync(context, matching, page, size, Write);
    }

    /// <summary><c>GET /mj/account/{id}/fetch</c>; a missing account is an empty 200.</summary>
    public Task FetchAsync(HttpContext context, string id)
    {
        if (Pool.Find(id) is not { } account)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        return EnvelopeJson.WriteJsonAsync(context, 200, w => Write(w, account));
    }

    /// <summary>Plus <c>PUT /mj/account/{id}/update-reconnect</c>: the fields given are taken (enable or status among them).</summary>
    public async Task UpdateReconnectAsync(HttpContext context, string id)
    {
        JsonElement param = await ReadAsync(context);
        if (Pool.Find(id) is not { } account)
        {
            await Missing(context);
            return;
        }

        Pool.Change(() =>
        {
            if (Bool(param, "enable") is bool enable) account.Enabled = enable;
            else if (Text(param, "status") is { } status) account.Enabled = string.Equals(status, "ENABLE", StringComparison.OrdinalIgnoreCase);
            Pool.Connect(account);
            if (Text(param, "remark") is { } remark) account.Remark = remark;
            if (Text(param, "userToken") is { } token) account.UserToken = token;
            account.ApplySizes(Int(param, "coreSize"), Int(param, "queueSize"), Int(param, "timeoutMinutes"));
            return true;
        });
        await Done(context);
    }

    /// <summary>Plus <c>POST /mj/account/{id}/sync-info</c>.</summary>
    public Task SyncAsync(HttpContext context, string id)
    {
        if (Pool.Find(id) is not { } account) return Missing(context);
        if (!account.Connected) return EnvelopeJson.WriteAsync(context, 200, 9, "账号未连接", null);
        long now = _services.Clock.NowMs();
        Pool.Sync(account, now);
        return Done(context);
    }

    /// <summary>Plus <c>DELETE /mj/account/{id}/delete</c>.</summary>
    public Task DeleteAsync(HttpContext context, string id) =>
        Pool.Find(id) is { } account && Pool.Remove(account) ? Done(context) : Missing(context);

    private void Write(Utf8JsonWriter w, SimAccount account)
    {
        if (Plus) AccountJson.WritePlus(w, account);
        else AccountJson.WriteNoviceZk(w, account);
    }

    private static Task Done(HttpContext context) => EnvelopeJson.WriteAsync(context, 200, 1, "成功", null);

    private static Task Missing(HttpContext context) => EnvelopeJson.WriteAsync(context, 200, 3, "账号不存在", null);

    private static async Task<JsonElement> ReadAsync(HttpContext context)
    {
        byte[] bytes = await Answer.ReadAllAsync(context);
        if (bytes.Length == 0) return default;
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
