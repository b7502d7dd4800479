using System.Text;

namespace Midjourney.Hostile;

/// <summary>
/// The admin probes: a TrueAI proxy (its check answers, <c>/mj/admin/current</c> saying the key is the administrator's and
/// echoing it as TrueAI 11.10.3 does) whose admin answers are hostile or broken:
/// <list type="bullet">
/// <item><c>admin-ok</c>: honest answers in the real server's shapes, with every secret field the real server sends
/// (<see cref="Secrets"/>), nested ones too.</item>
/// <item><c>admin-inject</c>: the same, every text field carrying <see cref="Injection"/>.</item>
/// <item><c>admin-many</c>: every list page holds 1,000,000 accounts, users or banned-word lists (tiny ones: 19 MB).</item>
/// <item><c>admin-wide</c>: one account whose fields hold 3,000,000 numbers and 300,000 members (30 MB).</item>
/// <item><c>admin-broken</c>: lists holding numbers, nulls and arrays, fields of the wrong type, absurd numbers and times,
/// sizes that overflow a sum, a 100,000-character remark.</item>
/// <item><c>admin-badjson</c>: every admin answer is JSON cut in the middle.</item>
/// <item><c>admin-drip</c>: the check is honest; every admin answer arrives one byte a second.</item>
/// <item><c>admin-echo</c>: every change is refused with the request body echoed in the message (and 400 with it as text).</item>
/// <item><c>admin-r307-other</c>: the check is honest; every admin route moves to the other origin.</item>
/// </list>
/// </summary>
public sealed partial class Probes
{
    /// <summary>The values of every secret field the admin probes send; none may reach anything the module shows or writes.</summary>
    public static readonly string[] Secrets =
    {
        "SECRET-usertoken-77", "SECRET-cookie-77", "SECRET-bottoken-77", "SECRET-login-77@example.com", "SECRET-password-77",
        "SECRET-2fa-77", "SECRET-cfurl-77", "SECRET-cfhash-77", "SECRET-invite-77", "SECRET-subchannel-77", "SECRET-usrtoken-77",
        "SECRET-nested-77",
    };

    private Answer Admin(HostileRequest request)
    {
        var probe = request.Probe;
        var path = request.ApiPath;
        var key = request.Key ?? string.Empty;

        // The server check: a TrueAI proxy (204 for a task it does not have), the key its administrator's.
        if (path == $"/mj/task/{MadeUpId}/fetch")
        {
            return global::Midjourney.Hostile.Answer.Empty(204);
        }

        if (path == "/mj/admin/current")
        {
            return Json($$"""{"id":"admin","userid":"admin","name":"admin","apiSecret":"{{Escape(key)}}","version":"v11.10.3.0","active":true,"tags":[{"key":"role","label":"ADMIN"}]}""");
        }

        if (!path.StartsWith("/mj/admin/", StringComparison.Ordinal))
        {
            return path.StartsWith("/mj/submit/", StringComparison.Ordinal) && request.Method == "GET"
                ? global::Midjourney.Hostile.Answer.Json("{\"code\":405}", 405)
                : Honest(request.Method, path, OkImage);
        }

        var kind = path.StartsWith("/mj/admin/user", StringComparison.Ordinal) ? "user"
            : path.StartsWith("/mj/admin/banned-word", StringComparison.Ordinal) ? "word"
            : "account";
        var isList = path is "/mj/admin/accounts" or "/mj/admin/users" or "/mj/admin/banned-words";
        var isChange = !isList && (request.Method != "GET" || kind != "account");
        switch (probe)
        {
            case "admin-r307-other":
                return global::Midjourney.Hostile.Answer.Redirect(307, new Uri(_server.OtherUrl, "admin-ok" + path).AbsoluteUri);
            case "admin-drip":
                return global::Midjourney.Hostile.Answer.Drip("application/json", Encoding.UTF8.GetBytes(isList ? Page(kind, "") : isChange ? Done() : AdminAccount("1", "")), TimeSpan.FromSeconds(1));
            case "admin-badjson":
                return Json(isChange ? "{\"success\":true,\"mess" : "{\"list\":[{\"id\":\"1\",\"remark\":\"cut");
            case "admin-echo" when isChange:
                return request.Method == "DELETE"
                    ? global::Midjourney.Hostile.Answer.Bytes(400, "text/plain", Encoding.UTF8.GetBytes("Bad request: " + request.Body + " " + key))
                    : Json($"{{\"success\":false,\"code\":-1,\"message\":\"refused: {Escape(request.Body)} (key {Escape(key)})\"}}");
            case "admin-many" when isList:
                return global::Midjourney.Hostile.Answer.Streamed("application/json", (s, t) => ManyItemsAsync(s, 1_000_000, t));
            case "admin-wide" when isList || !isChange:
                var wide = AdminAccount("1", "", extra: ",\"numbers\":[" + string.Join(",", Enumerable.Repeat("7", 3_000_000)) + "],\"todayCounter\":{" + string.Join(",", Enumerable.Range(1, 300_000).Select(i => $"\"k{i}\":1")) + "}");
                return Json(isList ? $"{{\"list\":[{wide}],\"pagination\":{{\"total\":1}}}}" : wide);
            case "admin-broken" when isList:
                return Json("{\"list\":[1,\"x\",null,[],{\"id\":\"2\",\"name\":7,\"coreSize\":1e300,\"queueSize\":\"NaN\",\"timeoutMinutes\":-99999999999999999999,"
                    + "\"enable\":\"maybe\",\"running\":{},\"allowModes\":[null,3,-1,1e9,\"FAST\",{}],\"keywords\":{\"a\":1},\"createTime\":\"99999-99-99\",\"validEndTime\":-1e300,"
                    + "\"properties\":[1,2],\"displays\":\"Pro\",\"role\":[\"ADMIN\"],\"status\":12},"
                    + "{\"id\":\"3\",\"enable\":true,\"running\":true,\"coreSize\":2147483647,\"queueSize\":2147483647,\"remark\":\"" + new string('r', 100_000) + "\"},"
                    + "{\"id\":\"4\",\"enable\":true,\"running\":true,\"coreSize\":2147483647,\"queueSize\":-2147483648}],\"pagination\":{\"total\":-5}}");
            case "admin-broken":
                return Json(isChange ? "{\"success\":\"yes\",\"code\":null,\"message\":{\"x\":1}}" : "{\"id\":\"2\",\"enable\":null,\"coreSize\":1e300,\"properties\":null}");
        }

        var text = probe == "admin-inject" ? Escape(Injection) : string.Empty;
        if (isList)
        {
            return Json(Page(kind, text));
        }

        return isChange ? Json(Done()) : Json(AdminAccount(path[(path.LastIndexOf('/') + 1)..], text));
    }

    /// <summary>A TrueAI account with the real server's secret fields (and one nested in its properties), its texts ending in <paramref name="text"/>.</summary>
    private static string AdminAccount(string id, string text, string extra = "") =>
        $$$"""{"id":"{{{id}}}","channelId":"14000000000000000{{{id}}}","guildId":"13000000000000000{{{id}}}","userToken":"SECRET-usertoken-77","cookie":"SECRET-cookie-77","botToken":"SECRET-bottoken-77","loginAccount":"SECRET-login-77@example.com","loginPassword":"SECRET-password-77","login2fa":"SECRET-2fa-77","cfUrl":"https://cf.example/SECRET-cfurl-77","cfHashUrl":"https://cf.example/SECRET-cfhash-77","permanentInvitationLink":"https://discord.gg/SECRET-invite-77","subChannels":["https://discord.com/channels/1/SECRET-subchannel-77"],"enable":false,"lock":false,"running":false,"coreSize":3,"queueSize":10,"timeoutMinutes":5,"runningCount":0,"queueCount":0,"mode":"FAST{{{text}}}","allowModes":["FAST{{{text}}}"],"disabledReason":"banned{{{text}}}","remark":"studio{{{text}}}","sponsor":"sponsor{{{text}}}","fastTimeRemaining":"12.35/15.0 hours{{{text}}}","displays":{"subscribePlan":"Standard{{{text}}}"},"properties":{"Subscription{{{text}}}":"Standard{{{text}}} (Active monthly)","nested":{"accessToken":"SECRET-nested-77","note":"n{{{text}}}"}}{{{extra}}}}""";

    private static string AdminUser(string text) =>
        $$$"""{"id":"u1","name":"ops{{{text}}}","email":"ops@example.com{{{text}}}","phone":"1{{{text}}}","role":"USER{{{text}}}","status":"NORMAL{{{text}}}","token":"SECRET-usrtoken-77","dayDrawLimit":-1,"createTime":"2026-12-07T01:35:45","properties":{}}""";

    private static string AdminWords(string text) =>
        $$$"""{"id":"w1","name":"list{{{text}}}","keywords":["gore{{{text}}}","blood"],"enable":true,"description":"d{{{text}}}","createTime":"2026-12-07T01:35:45","properties":{}}""";

    private static string Page(string kind, string text)
    {
        var item = kind switch
        {
            "user" => AdminUser(text),
            "word" => AdminWords(text),
            _ => AdminAccount("1", text) + "," + AdminAccount("2", text).Replace("\"enable\":false", "\"enable\":true", StringComparison.Ordinal),
        };
        return $"{{\"list\":[{item}],\"pagination\":{{\"total\":{(kind == "account" ? 2 : 1)},\"pageCount\":1,\"current\":1,\"pageSize\":100}}}}";
    }

    private static string Done() => "{\"success\":true,\"code\":0,\"message\":\"操作成功\"}";

    /// <summary>A page of <paramref name="count"/> tiny items (<c>{"id":"n"}</c>), written as it goes.</summary>
    private static async Task ManyItemsAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"list\":["), cancellationToken);
        var block = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            block.Append("{\"id\":\"").Append(i).Append("\"}").Append(i < count ? "," : string.Empty);
            if (block.Length > 64 * 1024 || i == count)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(block.ToString()), cancellationToken);
                block.Clear();
            }
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"],\"pagination\":{{\"total\":{count * 100L}}}}}"), cancellationToken);
    }
}
