using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Endpoints;

/// <summary>TrueAI's anonymous routes: <c>GET /health</c>, <c>GET /mj/home</c> (the web page's dashboard) and <c>GET /mj/admin/current</c>.</summary>
internal sealed class HomeEndpoints
{
    /// <summary>The version the simulator answers like (<c>/mj/home</c> <c>data.version</c>).</summary>
    public const string Version = "v11.10.3.0";

    private const long DayMs = 86_400_000;
    private readonly SimulatorServices _services;

    public HomeEndpoints(SimulatorServices services) => _services = services;

    /// <summary>The HealthController's <c>{"status":"Healthy","timestamp","machineName","processId"}</c>, no key needed.</summary>
    public Task HealthAsync(HttpContext context) =>
        EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "Healthy");
            w.WriteString("timestamp", _services.Clock.Time.GetUtcNow().UtcDateTime);
            w.WriteString("machineName", "simulator");
            w.WriteNumber("processId", Environment.ProcessId);
            w.WriteEndObject();
        });

    /// <summary>
    /// <c>GET /mj/admin/current</c> ([AllowAnonymous]): who the server takes the caller for. The page's user object with
    /// the user's <c>name</c> ("Guest", "user", "admin" or one /mj/admin/user made), <c>apiSecret</c> = the token (null for a guest) and the role in
    /// <c>tags</c>; with guest mode off and no known token, 403 problem details.
    /// </summary>
    public Task CurrentAsync(HttpContext context)
    {
        (CallerRole? role, Admin.SimUser? user) = TrueAiProfile.Caller(context.Request, _services.Options, _services.Users);
        if (role is null) return TrueAiProfile.WriteProblemAsync(context, 403, "https://tools.ietf.org/html/rfc9110#section-15.5.4", "Forbidden");
        (string name, string? token, string label) = user is null
            ? ("Guest", null, "Guest")
            : (user.Name, user.Token, user.IsAdmin ? "ADMIN" : "USER");
        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", name);
            w.WriteString("userid", name);
            w.WriteString("name", name);
            w.WriteString("apiSecret", token);
            w.WriteString("version", Version);
            w.WriteBoolean("active", true);
            w.WriteStartArray("tags");
            w.WriteStartObject();
            w.WriteString("key", "role");
            w.WriteString("label", label);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>Result&lt;HomeDto&gt;</c>: guest mode, version and today's counts (the real one adds the host's system
    /// information, which the simulator leaves out). Without Redis the real page fails with 500 "操作失败".
    /// </summary>
    public Task HomeAsync(HttpContext context)
    {
        if (_services.Options.NoRedis) return TrueAiResult.WriteFailAsync(context, 500, "操作失败");
        long now = _services.Clock.NowMs();
        long today = now - now % DayMs;
        int todayDraw = 0, yesterdayDraw = 0;
        foreach (SimTask task in _services.Engine.Store.All())
        {
            if (task.SubmitTime >= today) todayDraw++;
            else if (task.SubmitTime >= today - DayMs) yesterdayDraw++;
        }

        int available = _services.Engine.Accounts.Usable ? 1 : 0;
        return TrueAiResult.WriteOkAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("isRegister", false);
            w.WriteBoolean("isGuest", _services.Options.GuestMode);
            w.WriteBoolean("isDemoMode", false);
            w.WriteString("version", Version);
            w.WriteNumber("todayDraw", todayDraw);
            w.WriteNumber("yesterdayDraw", yesterdayDraw);
            w.WriteNumber("totalDraw", _services.Engine.Store.Count);
            w.WriteNull("notify");
            w.WriteStartObject("tops");
            w.WriteEndObject();
            w.WriteNumber("fastAvailableCount", available);
            w.WriteNumber("relaxAvailableCount", available);
            w.WriteStartArray("nodes");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
