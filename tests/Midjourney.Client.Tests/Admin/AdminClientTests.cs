using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json.Nodes;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Admin;

/// <summary>
/// <see cref="MjAdminApi"/> over a fake server that answers with the real TrueAI 11.10.3's recorded answers: the routes
/// and bodies sent, the admin-token error before and after the request, changes, users, banned words, capacity, and
/// "no usable account" explained.
/// </summary>
public sealed class AdminClientTests
{
    private const string File = "admin-admin.json";
    private const string B = "6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a02";

    /// <summary>A TrueAI fake: /mj/admin/current answers as for the admin (or the given recording), the rest from <paramref name="route"/>.</summary>
    private static FakeServer TrueAi(Func<SeenRequest, HttpResponseMessage?> route, string current = "admin-admin.json") => new(request =>
        request.Path == "/mj/admin/current"
            ? Recorded.Answer(current, "current")
            : route(request) ?? FakeServer.Empty(HttpStatusCode.NotFound));

    private static MjClient Client(FakeServer server, string flavor = "trueai")
    {
        var client = TestClients.Create(server, o => o.AuthScheme = AuthScheme.Raw);
        client.Capabilities.Flavor = flavor;
        return client;
    }

    [Fact]
    public async Task Lists_accounts_through_the_paged_query_and_drops_every_secret()
    {
        var server = TrueAi(r => r.Path == "/mj/admin/accounts" && r.Method == HttpMethod.Post ? Recorded.Answer(File, "accounts-page") : null);
        using var client = Client(server);

        var accounts = await client.Admin.GetAccountsAsync();

        Assert.Equal(5, accounts.Count);
        Assert.All(accounts, a => Recorded.AssertNoSecret(Recorded.Everything(a)));
        var query = server.Seen.Single(r => r.Path == "/mj/admin/accounts");
        Assert.Contains("\"pagination\":{\"current\":1,\"pageSize\":100}", query.Body, StringComparison.Ordinal);
        Assert.True(client.Admin.IsAdministrator);
    }

    [Fact]
    public async Task A_user_token_is_told_it_needs_the_admin_token_before_any_admin_request()
    {
        var server = TrueAi(r => Recorded.Answer("admin-user.json", "accounts-list"), current: "admin-user.json");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.Admin.DisableAccountAsync(B));

        Assert.True(error.NeedsAdministrator);
        Assert.StartsWith("This needs the server's admin token", error.Message, StringComparison.Ordinal);
        Assert.Contains("No request was sent: http://proxy.test/mj/admin/current gives this key the role USER.", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "/mj/admin/current" }, server.Seen.Select(r => r.Path));
        Assert.False(client.Admin.IsAdministrator);
    }

    [Theory]
    [InlineData("usr-secret-1", "USER")]
    [InlineData("wrong-key", "GUEST")]
    public async Task The_role_the_server_check_learnt_refuses_a_key_without_asking_again(string key, string role)
    {
        var server = new Checks.RecordedTrueAi(guestMode: true);
        using var client = new MjClient(new MjClientOptions(new Uri("http://127.0.0.1:18080"))
        {
            ApiKey = key,
            AuthScheme = AuthScheme.Raw,
            EnableJournal = false,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        }, server, disposeHandler: false);
        await client.CheckServerAsync();
        var asked = server.Requests.Count;

        var error = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.Admin.GetAccountsAsync());

        Assert.True(error.NeedsAdministrator, error.Message);
        Assert.Contains($"gives this key the role {role}.", error.Message, StringComparison.Ordinal);
        Assert.Equal(asked, server.Requests.Count); // the check's /mj/admin/current answered it: nothing more sent
    }

    [Fact]
    public async Task A_401_from_an_admin_route_becomes_the_admin_token_error_never_a_bare_401()
    {
        // A server whose /current says nothing useful: the refusal comes with the request, as the real server sends it.
        var server = new FakeServer(r => r.Path == "/mj/admin/current" ? FakeServer.Empty(HttpStatusCode.NotFound) : Recorded.Answer("admin-user.json", "accounts-page"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjNotSupportedException>(() => client.Admin.GetAccountsAsync());

        Assert.True(error.NeedsAdministrator);
        Assert.StartsWith("This needs the server's admin token", error.Message, StringComparison.Ordinal);
        Assert.Contains("401 Unauthorized: 账号无权限", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connect-MjServer -ApiKey", error.Advice, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("/mj/admin/accounts")); // not retried

        // Known now: the next admin call is refused without a request.
        await Assert.ThrowsAsync<MjNotSupportedException>(() => client.Admin.GetUsersAsync());
        Assert.Equal(0, server.Count("/mj/admin/users"));
    }

    [Fact]
    public async Task Disable_sends_the_account_back_as_read_with_enable_false()
    {
        var server = TrueAi(r => (r.Method.Method, r.Path) switch
        {
            ("GET", "/mj/admin/account/" + B) => Recorded.Answer(File, "account-fetch"),
            ("PUT", "/mj/admin/account-reconnect/" + B) => Recorded.Answer(File, "account-reconnect-disable"),
            _ => null,
        });
        using var client = Client(server);

        await client.Admin.DisableAccountAsync(B);

        var put = server.Seen.Single(r => r.Method == HttpMethod.Put);
        var sent = JsonNode.Parse(put.Body)!.AsObject();
        var read = JsonNode.Parse(Recorded.Body(File, "account-fetch"))!.AsObject();
        Assert.False((bool)sent["enable"]!);
        // Everything else goes back unchanged: TrueAI sets the token and the login fields from this body.
        foreach (var (name, value) in read.Where(p => p.Key != "enable"))
        {
            Assert.True(JsonNode.DeepEquals(value, sent[name]), $"{name} changed");
        }
    }

    [Fact]
    public async Task Enable_checks_the_account_exists_then_uses_accounts_enable()
    {
        var server = TrueAi(r => (r.Method.Method, r.Path) switch
        {
            ("GET", "/mj/admin/account/" + B) => Recorded.Answer(File, "account-fetch"),
            ("POST", "/mj/admin/accounts-enable") => Recorded.Answer(File, "accounts-enable"),
            _ => null,
        });
        using var client = Client(server);

        await client.Admin.EnableAccountAsync(B);

        Assert.Equal($"[\"{B}\"]", server.Seen.Single(r => r.Path == "/mj/admin/accounts-enable").Body);
    }

    [Fact]
    public async Task A_missing_account_is_a_not_found_about_an_account()
    {
        var server = TrueAi(r => r.Path.StartsWith("/mj/admin/account/", StringComparison.Ordinal) ? Recorded.Answer(File, "account-delete-missing") : null);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjNotFoundException>(() => client.Admin.RemoveAccountAsync("no-such-account"));

        Assert.Equal("account", error.Subject);
        Assert.Contains("has no account 'no-such-account'", error.Message, StringComparison.Ordinal);
        Assert.Contains("账号不存在", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_sync_is_told_in_English_and_sent_once()
    {
        var server = TrueAi(r => r.Path.StartsWith("/mj/admin/account-sync/", StringComparison.Ordinal) ? Recorded.Answer(File, "account-sync") : null);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjValidationException>(() => client.Admin.SyncAccountAsync(B));

        Assert.StartsWith("The server could not sync the account with Midjourney.", error.Message, StringComparison.Ordinal);
        Assert.Contains("同步失败，请稍后重试", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("/mj/admin/account-sync/" + B)); // a change is sent once
    }

    [Fact]
    public async Task Sync_of_an_account_that_is_not_connected_says_so()
    {
        // The same server answered this on a first run, while the account's connection was being torn down.
        var server = TrueAi(r => r.Path.StartsWith("/mj/admin/account-sync/", StringComparison.Ordinal)
            ? FakeServer.Json("""{"success":false,"code":-1,"message":"\u65E0\u53EF\u7528\u7684\u8D26\u53F7\u5B9E\u4F8B","timestamp":"639322042303753049"}""")
            : null);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjValidationException>(() => client.Admin.SyncAccountAsync(B));

        Assert.Contains("is not connected to Discord", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_user_sends_a_random_token_and_gives_it_out_once_as_a_SecureString()
    {
        string? sentToken = null;
        var server = TrueAi(r =>
        {
            if (r.Path == "/mj/admin/user")
            {
                sentToken = (string)JsonNode.Parse(r.Body)!["token"]!;
                return Recorded.Answer(File, "user-create");
            }

            if (r.Path == "/mj/admin/users")
            {
                Assert.Contains("\"search\":{\"name\":\"ops-bot\"}", r.Body, StringComparison.Ordinal);
                var page = Recorded.Body(File, "users-page-by-name").Replace("SECRET-newusertoken-0001", sentToken, StringComparison.Ordinal);
                return Recorded.Answer(Recorded.Entry(File, "users-page-by-name"), page);
            }

            return null;
        });
        using var client = Client(server);

        var created = await client.Admin.NewUserAsync(new MjUserRequest("ops-bot") { DayDrawLimit = 50 });

        Assert.NotNull(sentToken);
        Assert.Matches("^[0-9a-f]{64}$", sentToken);
        Assert.Equal(sentToken, Plain(created.Token));
        Assert.True(created.Token.IsReadOnly());
        Assert.Equal("ops-bot", created.Name);
        Assert.DoesNotContain(sentToken!, Recorded.Everything(created.User), StringComparison.Ordinal);
        Assert.DoesNotContain(sentToken!, Recorded.Everything(created), StringComparison.Ordinal);
        Assert.Contains("\"dayDrawLimit\":50", server.Seen.Single(r => r.Path == "/mj/admin/user").Body, StringComparison.Ordinal);
    }

    /// <summary>TrueAI's crash answer (HTTP 500, code -1 "操作失败"), as its Redis being down gives for every admin change.</summary>
    private static HttpResponseMessage Crash() => Recorded.Answer(File, "banned-words-by-keyword");

    public static TheoryData<string, string> Changes() => new()
    {
        { "new-user", "Get-MjUser" },
        { "remove-user", "Get-MjUser" },
        { "add-words", "Get-MjBannedWord" },
        { "new-list", "Get-MjBannedWord" },
        { "remove-list", "Get-MjBannedWord" },
        { "remove-words", "Get-MjBannedWord" },
        { "enable", "Get-MjAccount" },
        { "disable", "Get-MjAccount" },
        { "remove-account", "Get-MjAccount" },
    };

    private static Task Change(MjClient client, string change) => change switch
    {
        "new-user" => client.Admin.NewUserAsync(new MjUserRequest("ops-bot")),
        "remove-user" => client.Admin.RemoveUserAsync("d610fec9-4037-4cc6-8f65-bbabbdc778b0"),
        "add-words" => client.Admin.AddBannedWordsAsync(new[] { "samovar" }, listId: "default"),
        "new-list" => client.Admin.AddBannedWordsAsync(new[] { "samovar" }, name: "studio"),
        "remove-list" => client.Admin.RemoveBannedWordsAsync("75206591-af28-4c1b-b4ec-f42f23f6aa82"),
        "remove-words" => client.Admin.RemoveBannedWordsAsync("default", new[] { "gore" }),
        "enable" => client.Admin.EnableAccountAsync(B),
        "disable" => client.Admin.DisableAccountAsync(B),
        _ => client.Admin.RemoveAccountAsync(B),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_the_server_answers_with_a_crash_may_or_may_not_be_made_and_the_error_says_to_check_first(string change, string lister)
    {
        // The reads before a change answer as recorded; the change itself crashes.
        var server = TrueAi(r => r.Method == HttpMethod.Get && r.Path.StartsWith("/mj/admin/account/", StringComparison.Ordinal) ? Recorded.Answer(File, "account-fetch")
            : r.Path == "/mj/admin/banned-words" ? Recorded.Answer(File, "banned-words-page")
            : Crash());
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => Change(client, change));

        Assert.Equal($"The change may or may not have been made: check with {lister} before trying again. If it keeps failing, ask the server's administrator.", error.Advice);
        Assert.StartsWith("The server failed to handle the request. The change may or may not have been made", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("answered 500 InternalServerError, code -1: 操作失败", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Try again;", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Seen.Count(r => r.Method != HttpMethod.Get && r.Path != "/mj/admin/banned-words" && r.Path != "/mj/admin/accounts")); // sent once
    }

    [Fact]
    public async Task A_user_made_whose_read_back_fails_is_told_as_made_never_as_a_failure_to_try_again()
    {
        // TrueAI with its Redis down saves the user, then answers the users query with a crash.
        var server = TrueAi(r => r.Path == "/mj/admin/user" ? Recorded.Answer(File, "user-create") : Crash());
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.Admin.NewUserAsync(new MjUserRequest("ops-bot")));

        Assert.StartsWith("http://proxy.test made the user 'ops-bot' (it said so), but its token cannot be given out here: only the server's user page shows it now. Reading it back failed: The server failed to handle the request.", error.Message, StringComparison.Ordinal);
        Assert.Equal("Do not make the change again: Get-MjUser shows it once the server answers.", error.Advice);
        Assert.DoesNotContain("Try again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((string)JsonNode.Parse(server.Seen.Single(r => r.Path == "/mj/admin/user").Body)!["token"]!, error.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Seen, r => r.Path == "/mj/admin/user");
    }

    [Fact]
    public async Task Words_added_whose_list_cannot_be_read_back_are_told_as_added()
    {
        var reads = 0;
        var server = TrueAi(r => r.Path switch
        {
            "/mj/admin/banned-words" => ++reads == 1 ? Recorded.Answer(File, "banned-words-page") : Crash(),
            "/mj/admin/banned-word" => Recorded.Answer(File, "banned-word-add"),
            _ => null,
        });
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.Admin.AddBannedWordsAsync(new[] { "samovar" }, listId: "default"));

        Assert.StartsWith("http://proxy.test added the words to banned-word list 'default' (it said so). Reading it back failed:", error.Message, StringComparison.Ordinal);
        Assert.Equal("Do not make the change again: Get-MjBannedWord shows it once the server answers.", error.Advice);
    }

    [Fact]
    public async Task The_default_banned_word_list_cannot_be_removed_and_the_refusal_is_in_English()
    {
        var server = TrueAi(r => r.Path == "/mj/admin/banned-word/default" ? Recorded.Answer(File, "banned-word-delete-default") : null);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjValidationException>(() => client.Admin.RemoveBannedWordsAsync("default"));

        Assert.StartsWith("The server's default banned-word list cannot be removed.", error.Message, StringComparison.Ordinal);
        Assert.Contains("不能删除默认违规词", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_words_to_a_list_reads_it_and_sends_it_back_with_the_words()
    {
        var page = Recorded.Entry(File, "banned-words-page-after");
        var id = (string)JsonNode.Parse((string)page["body"]!)!["list"]!.AsArray().Single(l => (string?)l!["name"] == "studio list")!["id"]!;
        var server = TrueAi(r => r.Path switch
        {
            "/mj/admin/banned-words" => Recorded.Answer(page),
            "/mj/admin/banned-word" => Recorded.Answer(File, "banned-word-add"),
            _ => null,
        });
        using var client = Client(server);

        await client.Admin.AddBannedWordsAsync(new[] { "Samovar" }, listId: id);

        var saved = JsonNode.Parse(server.Seen.Single(r => r.Path == "/mj/admin/banned-word").Body)!;
        Assert.Equal(id, (string)saved["id"]!);
        Assert.Equal(new[] { "teapot", "kettle", "Samovar" }, saved["keywords"]!.AsArray().Select(k => (string)k!));
        Assert.Equal("studio list", (string)saved["name"]!);
    }

    [Theory]
    [InlineData("novicezk", "is a novicezk proxy, whose account API only lists and reads accounts: it cannot remove accounts.")]
    [InlineData("gateway", "is a new-api gateway, which has no account API: its accounts (channels) are managed in the gateway's own console.")]
    [InlineData("plus", "is a Plus proxy, which has no users or banned words: only TrueAI proxies have them.")]
    public async Task A_flavour_without_the_operation_says_so_before_sending_anything(string flavor, string words)
    {
        var server = new FakeServer(_ => FakeServer.Empty(HttpStatusCode.InternalServerError));
        using var client = Client(server, flavor);

        var error = await Assert.ThrowsAsync<MjNotSupportedException>(() => flavor == "plus" ? client.Admin.GetUsersAsync() : client.Admin.RemoveAccountAsync("1"));

        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.False(error.NeedsAdministrator);
        Assert.Empty(server.Seen);
    }

    [Fact]
    public async Task Plus_and_novicezk_accounts_come_from_their_own_routes()
    {
        var plus = new FakeServer(r => r.Path == "/mj/account/query"
            ? FakeServer.Json("""{"content":[{"id":"p1","channelId":"11","name":"alice","status":"ENABLE","coreSize":3,"queueSize":10,"userToken":"SECRET-p","properties":{"disabledReason":null}}],"totalElements":1}""")
            : FakeServer.Empty(HttpStatusCode.NotFound));
        using (var client = Client(plus, "plus"))
        {
            var account = Assert.Single(await client.Admin.GetAccountsAsync());
            Assert.Equal("alice", account.Name);
            Assert.True(account.Enabled);
            Recorded.AssertNoSecret(Recorded.Everything(account));
            Assert.Contains("\"pageNumber\":0", plus.Seen.Single().Body, StringComparison.Ordinal);
        }

        var novicezk = new FakeServer(r => r.Path == "/mj/account/list"
            ? FakeServer.Json("""[{"id":"22","guildId":"1","channelId":"22","userToken":"SECRET-n","userAgent":"x","enable":false,"coreSize":3,"queueSize":10,"timeoutMinutes":5,"properties":{}}]""")
            : FakeServer.Empty(HttpStatusCode.NotFound));
        using (var client = Client(novicezk, "novicezk"))
        {
            var account = Assert.Single(await client.Admin.GetAccountsAsync());
            Assert.False(account.Enabled);
            Assert.Null(account.Connected);
            Recorded.AssertNoSecret(Recorded.Everything(account));
            Assert.Equal(HttpMethod.Get, novicezk.Seen.Single().Method);
        }
    }

    [Fact]
    public async Task The_capacity_comes_from_the_usable_accounts_and_a_full_queue_overrides_it()
    {
        var page = Recorded.Entry(File, "accounts-page");
        var accounts = JsonNode.Parse((string)page["body"]!)!;
        foreach (var account in accounts["list"]!.AsArray())
        {
            account!["running"] = (bool)account["enable"]!; // as if the enabled ones had connected
        }

        var submits = 0;
        var server = TrueAi(r => r.Path switch
        {
            "/mj/admin/accounts" => Recorded.Answer(page, accounts.ToJsonString()),
            "/mj/submit/imagine" => ++submits <= 2 ? FakeServer.Accepted("100" + submits) : FakeServer.Json("""{"code":9,"description":"提交失败，队列已满，请稍后重试","result":null}"""),
            _ => null,
        });

        // Unwatched tasks are read back only a RetryBaseDelay after their submit (SubmitAdmission): with an hour, the
        // two tasks are never read before the refusal, so it teaches the capacity at once whatever the machine's speed.
        using var client = TestClients.Create(server, o =>
        {
            o.AuthScheme = AuthScheme.Raw;
            o.RetryBaseDelay = TimeSpan.FromHours(1);
        });
        client.Capabilities.Flavor = "trueai";

        var capacity = await client.Admin.GetCapacityAsync();

        Assert.Equal(13 + 8 + 13, capacity.Capacity); // A (3+10), C (3+5), E (3+10); B and D are disabled
        Assert.Equal(3, capacity.UsableAccounts);
        Assert.Equal(5, capacity.Accounts);
        Assert.Equal(34, client.Load.Capacity);
        Assert.Equal(MjCapacitySource.Accounts, client.Load.CapacitySource);
        Assert.Equal("34 (from the accounts: 3 of 5 usable)", client.Load.CapacityText);

        await client.ImagineAsync(new MjImagineRequest("a"));
        await client.ImagineAsync(new MjImagineRequest("b"));
        await Assert.ThrowsAsync<MjServerBusyException>(() => client.ImagineAsync(new MjImagineRequest("c")));

        Assert.Equal(2, client.Load.Capacity); // other users fill the pool: the refusal wins
        Assert.Equal(MjCapacitySource.QueueFull, client.Load.CapacitySource);
        Assert.Equal("2 (learnt from a full queue; the accounts say 34)", client.Load.CapacityText);
        Assert.Equal(1, server.Count("/mj/admin/accounts")); // read once, not before every submit
    }

    [Fact]
    public async Task No_usable_account_is_explained_from_the_accounts()
    {
        var server = TrueAi(r => r.Path switch
        {
            "/mj/admin/accounts" => Recorded.Answer("admin-after-check.json", "accounts-page"),
            "/mj/submit/imagine" => Recorded.Answer("admin-after-check.json", "imagine-no-usable-account"),
            _ => null,
        });
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.ImagineAsync(new MjImagineRequest("red mug")));

        Assert.Equal(3, error.Code);
        Assert.Contains("has no Midjourney account that can take this job: 4 accounts, none usable: 2 disabled ('Blocked, You have been blocked", error.Message, StringComparison.Ordinal);
        Assert.Contains("'账号用量已经用完'), 2 enabled but not connected (studio main (no reason given), relax pool (no reason given))", error.Message, StringComparison.Ordinal);
        Assert.Contains("Enable-MjAccount", error.Advice, StringComparison.Ordinal);
        Assert.EndsWith("answered code 3: 无可用的账号实例", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("/mj/submit/imagine"));
        Assert.Equal(MjCapacitySource.Unknown, client.Load.CapacitySource); // no usable account: no capacity to start from
    }

    [Fact]
    public async Task No_usable_account_with_a_user_token_points_to_the_administrator()
    {
        var server = TrueAi(r => r.Path == "/mj/submit/imagine" ? Recorded.Answer("admin-after-check.json", "imagine-no-usable-account") : null, current: "admin-user.json");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.ImagineAsync(new MjImagineRequest("red mug")));

        Assert.Contains("ask the server's administrator, who can see why with Get-MjAccount", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count("/mj/admin/accounts"));
    }

    [Fact]
    public void Two_disabled_accounts_read_as_the_issue_says()
    {
        var accounts = new[]
        {
            new MjAccount("1") { Enabled = false, DisabledReason = "banned by Midjourney" },
            new MjAccount("2") { Enabled = false, DisabledReason = "out of fast hours" },
        };

        Assert.Equal("2 accounts, both disabled: 'banned by Midjourney', 'out of fast hours'", NoUsableAccount.Describe(accounts, SpeedMode.Default));
    }

    [Fact]
    public void A_usable_account_of_the_wrong_mode_is_named()
    {
        var accounts = new[] { new MjAccount("1") { Enabled = true, Connected = true, Remark = "relax pool", Modes = new[] { "RELAX" } } };

        Assert.Equal("1 account, 1 usable, but none takes FAST jobs ('relax pool takes RELAX')", NoUsableAccount.Describe(accounts, SpeedMode.Fast));
    }

    private static string Plain(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            return Marshal.PtrToStringUni(pointer)!;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
