using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Simulator.Tests;

/// <summary>
/// Issue 19: the simulator's accounts are its slots and queues, and each flavour's account API and admin roles answer
/// like the real servers (TrueAI's fields and texts from tests/Recordings/trueai-11.10.3/admin-*.json).
/// </summary>
public sealed class AccountTests
{
    private const string Admin = "sim-admin";
    private const string User = "sim-user";

    private static Action<HttpRequestMessage> As(string token) => r => r.Headers.TryAddWithoutValidation("Authorization", token);

    private static Task<SimHarness> TrueAiAsync(int accounts = 3, Action<SimulatorOptions>? more = null) =>
        SimHarness.StartAsync(configure: o =>
        {
            o.AdminKey = Admin;
            o.ApiKey = User;
            o.Accounts = accounts;
            o.Concurrency = 1;
            o.Queue = 1;
            more?.Invoke(o);
        });

    private static async Task<JsonElement[]> AccountsAsync(SimHarness sim) =>
        (await sim.PostAsync("/mj/admin/accounts", new { pagination = new { current = 1, pageSize = 100 } }, As(Admin))).Root.GetProperty("list").EnumerateArray().ToArray();

    /// <summary>Submits until the pool refuses; the number accepted.</summary>
    private static async Task<int> FillAsync(SimHarness sim)
    {
        for (int accepted = 0; accepted < 100; accepted++)
        {
            Reply reply = await sim.PostAsync("/mj/submit/imagine", new { prompt = "mug " + accepted }, As(User));
            if (reply.Code is not (1 or 22)) return accepted;
        }

        throw new InvalidOperationException("the pool never refused");
    }

    [Fact]
    public async Task The_accounts_are_the_slots_and_queues_and_disabling_one_shrinks_the_pool()
    {
        await using (SimHarness all = await TrueAiAsync())
        {
            Assert.Equal(6, await FillAsync(all)); // 3 accounts x (1 running + 1 queued)
            Reply full = await all.PostAsync("/mj/submit/imagine", new { prompt = "one more" }, As(User));
            Assert.Equal(9, full.Code);
            JsonElement[] busy = await AccountsAsync(all);
            Assert.All(busy, a => Assert.Equal(1, a.GetProperty("runningCount").GetInt32()));
            Assert.All(busy, a => Assert.Equal(1, a.GetProperty("queueCount").GetInt32()));
        }

        await using SimHarness two = await TrueAiAsync();
        string third = (await AccountsAsync(two))[2].GetProperty("id").GetString()!;
        JsonElement fetched = (await two.GetAsync("/mj/admin/account/" + third, As(Admin))).Root;
        string disabled = fetched.GetRawText().Replace("\"enable\":true", "\"enable\":false", StringComparison.Ordinal);
        Assert.True((await two.SendAsync(HttpMethod.Put, "/mj/admin/account-reconnect/" + third, disabled, As(Admin))).Root.GetProperty("success").GetBoolean());
        Assert.Equal(4, await FillAsync(two));
    }

    [Fact]
    public async Task Every_account_disabled_is_no_usable_account_and_enabling_one_brings_work_back()
    {
        await using SimHarness sim = await TrueAiAsync(accounts: 2);
        string[] ids = (await AccountsAsync(sim)).Select(a => a.GetProperty("id").GetString()!).ToArray();
        foreach (string id in ids)
        {
            string body = (await sim.GetAsync("/mj/admin/account/" + id, As(Admin))).Text.Replace("\"enable\":true", "\"enable\":false", StringComparison.Ordinal);
            await sim.SendAsync(HttpMethod.Put, "/mj/admin/account-reconnect/" + id, body, As(Admin));
        }

        Reply refused = await sim.PostAsync("/mj/submit/imagine", new { prompt = "a mug" }, As(User));
        Assert.Equal(3, refused.Code);
        Assert.Equal("无可用的账号实例", refused.Root.GetProperty("description").GetString());
        Assert.Equal("[]", (await sim.GetAsync("/mj/admin/accounts", As(Admin))).Text); // GET lists the enabled ones

        Reply enabled = await sim.PostAsync("/mj/admin/accounts-enable", new[] { ids[1] }, As(Admin));
        Assert.Equal("已启用 1 个账号", enabled.Root.GetProperty("message").GetString());
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "a mug" }, As(User))).Code);
    }

    [Fact]
    public async Task A_reconnect_takes_the_token_and_login_from_the_body_as_the_real_server_does()
    {
        await using SimHarness sim = await TrueAiAsync(accounts: 1);
        JsonElement account = (await AccountsAsync(sim))[0];
        string id = account.GetProperty("id").GetString()!;
        Assert.StartsWith("SIM-SECRET-usertoken-", account.GetProperty("userToken").GetString(), StringComparison.Ordinal);

        // The whole account back: nothing lost.
        await sim.SendAsync(HttpMethod.Put, "/mj/admin/account-reconnect/" + id, account.GetRawText(), As(Admin));
        Assert.StartsWith("SIM-SECRET-usertoken-", (await sim.GetAsync("/mj/admin/account/" + id, As(Admin))).Root.GetProperty("userToken").GetString(), StringComparison.Ordinal);

        // Only {id, enable}: the token and the login are wiped, as TrueAI's UpdateAccount wipes them.
        await sim.SendAsync(HttpMethod.Put, "/mj/admin/account-reconnect/" + id, SimHarness.Json(new { id, enable = false }), As(Admin));
        JsonElement after = (await sim.GetAsync("/mj/admin/account/" + id, As(Admin))).Root;
        Assert.Equal(JsonValueKind.Null, after.GetProperty("userToken").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("loginPassword").ValueKind);

        Reply wrongId = await sim.SendAsync(HttpMethod.Put, "/mj/admin/account-reconnect/" + id, SimHarness.Json(new { id = "other" }), As(Admin));
        Assert.Equal("参数错误", wrongId.Root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Accounts_users_and_banned_words_have_the_real_servers_fields()
    {
        using JsonDocument real = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RecordingsFolder(), "admin-admin.json")));
        JsonElement Answer(string name) => real.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).GetProperty("json");

        await using SimHarness sim = await TrueAiAsync(accounts: 1);
        AssertSameFields(Answer("accounts-page").GetProperty("list")[0], (await AccountsAsync(sim))[0], "account");
        AssertSameFields(Answer("accounts-page"), (await sim.PostAsync("/mj/admin/accounts", new { pagination = new { current = 1, pageSize = 10 } }, As(Admin))).Root, "page");
        AssertSameFields(Answer("accounts-page").GetProperty("pagination"), (await sim.PostAsync("/mj/admin/accounts", new { }, As(Admin))).Root.GetProperty("pagination"), "pagination");
        AssertSameFields(Answer("users-page").GetProperty("list")[0], (await sim.PostAsync("/mj/admin/users", new { }, As(Admin))).Root.GetProperty("list")[0], "user");
        AssertSameFields(Answer("banned-words-page").GetProperty("list")[0], (await sim.PostAsync("/mj/admin/banned-words", new { }, As(Admin))).Root.GetProperty("list")[0], "banned word");
        AssertSameFields(Answer("account-delete-missing"), (await sim.SendAsync(HttpMethod.Delete, "/mj/admin/account/nope", null, As(Admin))).Root, "refusal");
        AssertSameFields(Answer("accounts-enable"), (await sim.PostAsync("/mj/admin/accounts-enable", new[] { "nope" }, As(Admin))).Root, "success");
    }

    [Fact]
    public async Task Admin_roles_a_made_users_token_is_a_user_and_the_admin_routes_refuse_it()
    {
        await using SimHarness sim = await TrueAiAsync(accounts: 1);
        Assert.Equal("账号无权限", (await sim.GetAsync("/mj/admin/accounts", As(User))).Text);
        Assert.Equal("USER", (await sim.GetAsync("/mj/admin/current", As(User))).Root.GetProperty("tags")[0].GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await sim.GetAsync("/mj/admin/current", As("unknown"))).Status); // no guest mode with a key

        Reply made = await sim.PostAsync("/mj/admin/user", new { name = "bob", token = "bob-token-123" }, As(Admin));
        Assert.True(made.Root.GetProperty("success").GetBoolean());
        Assert.Equal("Token 重复", (await sim.PostAsync("/mj/admin/user", new { name = "eve", token = "bob-token-123" }, As(Admin))).Root.GetProperty("message").GetString());
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "bob's mug" }, As("bob-token-123"))).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await sim.GetAsync("/mj/admin/accounts", As("bob-token-123"))).Status);

        JsonElement bob = (await sim.PostAsync("/mj/admin/users", new { search = new { name = "bob" } }, As(Admin))).Root.GetProperty("list")[0];
        Assert.True((await sim.SendAsync(HttpMethod.Delete, "/mj/admin/user/" + bob.GetProperty("id").GetString(), null, As(Admin))).Root.GetProperty("success").GetBoolean());
        Assert.Equal("不能删除管理员账号", (await sim.SendAsync(HttpMethod.Delete, "/mj/admin/user/admin", null, As(Admin))).Root.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "bob's mug" }, As("bob-token-123"))).Status);
    }

    [Fact]
    public async Task A_banned_word_of_a_new_list_fails_the_prompt_the_way_TrueAI_11_does_and_removing_the_list_lets_it_through()
    {
        await using SimHarness sim = await TrueAiAsync(accounts: 1, more: o => o.Queue = 10);
        await sim.PostAsync("/mj/admin/banned-word", new { name = "studio", keywords = new[] { " Teapot ", "teapot" } }, As(Admin));
        JsonElement list = (await sim.PostAsync("/mj/admin/banned-words", new { }, As(Admin))).Root.GetProperty("list").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "studio");
        Assert.Equal(new[] { "teapot" }, list.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(HttpStatusCode.InternalServerError, (await sim.PostAsync("/mj/admin/banned-words", new { search = new { keywords = new[] { "teapot" } } }, As(Admin))).Status);

        string banned = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "a red TEAPOT" }, As(User)); // accepted first
        JsonElement failed = await sim.WaitForAsync(banned, As(User), "FAILURE");
        Assert.Equal("可能包含敏感词", failed.GetProperty("failReason").GetString());

        await sim.SendAsync(HttpMethod.Delete, "/mj/admin/banned-word/" + list.GetProperty("id").GetString(), null, As(Admin));
        Assert.Equal("SUCCESS", SimHarness.StatusOf(await sim.WaitForAsync(await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "a red teapot" }, As(User)), As(User), "SUCCESS", "FAILURE")));
        Assert.Equal("不能删除默认违规词", (await sim.SendAsync(HttpMethod.Delete, "/mj/admin/banned-word/default", null, As(Admin))).Root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Plus_and_novicezk_have_their_account_routes_and_gateways_none()
    {
        await using (SimHarness plus = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => o.Accounts = 2))
        {
            JsonElement page = (await plus.PostAsync("/mj/account/query", new { pageNumber = 0, pageSize = 10 })).Root;
            Assert.Equal(2, page.GetProperty("totalElements").GetInt32());
            JsonElement first = page.GetProperty("content")[0];
            Assert.Equal("ENABLE", first.GetProperty("status").GetString());
            string id = first.GetProperty("id").GetString()!;
            Assert.Equal(1, (await plus.SendAsync(HttpMethod.Put, $"/mj/account/{id}/update-reconnect", SimHarness.Json(new { id, enable = false }))).Code);
            Assert.Equal("DISABLED", (await plus.GetAsync($"/mj/account/{id}/fetch")).Root.GetProperty("status").GetString());
            Assert.Equal(9, (await plus.PostAsync($"/mj/account/{id}/sync-info", new { })).Code);
            Assert.Equal(1, (await plus.SendAsync(HttpMethod.Delete, $"/mj/account/{id}/delete", null)).Code);
            Assert.Equal(3, (await plus.SendAsync(HttpMethod.Delete, $"/mj/account/{id}/delete", null)).Code);
            Assert.Equal(string.Empty, (await plus.GetAsync($"/mj/account/{id}/fetch")).Text);
        }

        await using (SimHarness novicezk = await SimHarness.StartAsync(SimulatorFlavor.NoviceZk, o => o.Accounts = 2))
        {
            JsonElement[] list = (await novicezk.GetAsync("/mj/account/list")).Root.EnumerateArray().ToArray();
            Assert.Equal(2, list.Length);
            Assert.Equal(list[0].GetProperty("channelId").GetString(), list[0].GetProperty("id").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await novicezk.PostAsync("/mj/account/query", new { })).Status);
        }

        await using SimHarness gateway = await SimHarness.StartAsync(SimulatorFlavor.Gateway);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync("/mj/account/list")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync("/mj/admin/accounts")).Status);
    }

    /// <summary>The simulator's object has exactly the real one's field names (values may differ).</summary>
    private static void AssertSameFields(JsonElement real, JsonElement simulated, string what)
    {
        string[] realNames = real.EnumerateObject().Select(p => p.Name).ToArray();
        string[] simNames = simulated.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.True(realNames.SequenceEqual(simNames),
            $"{what}: missing {string.Join(", ", realNames.Except(simNames))}; invented {string.Join(", ", simNames.Except(realNames))}");
    }

    private static string RecordingsFolder()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Recordings", "trueai-11.10.3");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("tests/Recordings/trueai-11.10.3");
    }
}
