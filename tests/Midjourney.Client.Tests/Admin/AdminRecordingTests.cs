using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Admin;

/// <summary>The admin area against the real TrueAI 11.10.3's recorded answers: every account, user and list parses, no secret survives.</summary>
public sealed class AdminRecordingTests
{
    private static readonly Uri Server = new("http://proxy.test/");
    private const string A = "6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a01";
    private const string B = "6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a02";
    private const string C = "6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a03";

    public static IEnumerable<object[]> AccountAnswers() => new[]
    {
        new object[] { "admin-admin.json", "accounts-list", 3 },
        new object[] { "admin-admin.json", "accounts-page", 5 },
        new object[] { "admin-admin.json", "accounts-page-disabled", 2 },
        new object[] { "admin-admin.json", "accounts-page-channel", 1 },
        new object[] { "admin-admin.json", "account-fetch", 1 },
        new object[] { "admin-admin.json", "account-fetch-after-disable", 1 },
        new object[] { "admin-after-check.json", "accounts-page", 4 },
        new object[] { "admin-after-check.json", "accounts-list", 2 },
        new object[] { "admin-after-check.json", "account-fetch-enabled-not-running", 1 },
    };

    [Theory]
    [MemberData(nameof(AccountAnswers))]
    public void Every_recorded_account_parses_without_a_secret(string file, string name, int count)
    {
        var body = Recorded.Body(file, name);
        Assert.Contains("SECRET-usertoken", body, StringComparison.Ordinal); // the recording holds them: the parse must drop them
        using var document = JsonDocument.Parse(body);
        var elements = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out _)
            ? new[] { document.RootElement }
            : AdminJson.Items(document.RootElement, out _).ToArray();

        var accounts = elements.Select(e => AdminJson.Account(e, Server, "trueai", liveCounts: true)).ToList();

        Assert.Equal(count, accounts.Count);
        foreach (var account in accounts)
        {
            Recorded.AssertNoSecret(Recorded.Everything(account));
            Assert.False(account.Raw.ContainsKey("userToken"));
            Assert.False(account.Raw.ContainsKey("loginPassword"));
            Assert.True(account.Raw.ContainsKey("coreSize"));
            Assert.Equal(Server, account.Server);
        }
    }

    [Fact]
    public async Task A_key_the_server_refuses_is_an_authentication_error_for_admin_commands_when_the_connection_was_never_checked()
    {
        // TrueAI with guest mode off answers every route, /mj/admin/current too, with the recorded 401 for a wrong key:
        // the flavour and the key's role stay unknown. A client made without a check (Connect-MjServer -SkipCheck) used
        // to say "could not be checked, so it is not known whether it can read accounts" instead of the refused key.
        var server = new FakeServer(_ => Recorded.Answer("noguest-nokey.json", "list-wrongkey"));
        using var client = TestClients.Create(server, o => o.AuthScheme = AuthScheme.Raw);

        var error = await Assert.ThrowsAsync<MjAuthenticationException>(() => client.Admin.GetAccountsAsync());

        Assert.StartsWith("http://proxy.test/ refused the key (401 Unauthorized) sent as MjApiSecret, Bearer and Raw alike.", error.Message);
        Assert.True(error.KeySent);
        Assert.Equal(AuthScheme.Raw, error.Scheme);
        Assert.DoesNotContain(server.Seen, r => r.Path.StartsWith("/mj/admin/account", StringComparison.Ordinal));
    }

    [Fact]
    public void An_account_reads_as_the_issue_names_it()
    {
        using var document = JsonDocument.Parse(Recorded.Body("admin-admin.json", "accounts-page"));
        var accounts = AdminJson.Items(document.RootElement, out var total).Select(e => AdminJson.Account(e, Server, "trueai", liveCounts: true)).ToList();

        Assert.Equal(5, total);
        var main = accounts.Single(a => a.Id == A);
        Assert.Equal("1400000000000000001", main.ChannelId);
        Assert.Equal("1300000000000000001", main.GuildId);
        Assert.True(main.Enabled);
        Assert.False(main.Connected); // no Discord on the recording machine
        Assert.Equal(3, main.CoreSize);
        Assert.Equal(10, main.QueueSize);
        Assert.Equal(13, main.Capacity);
        Assert.Equal(5, main.TimeoutMinutes);
        Assert.Equal(0, main.RunningCount);
        Assert.Equal(0, main.QueueCount);
        Assert.Equal("12.35/15.0 hours (82.33%)", main.FastTimeRemaining);
        Assert.Equal("Standard", main.Plan);
        Assert.Equal("studio main", main.Remark);
        Assert.Empty(main.Modes);
        Assert.Equal("Fast", main.Properties["Job Mode"]);
        Assert.Equal(MjAccountAvailability.NotConnected, main.Availability);

        var blocked = accounts.Single(a => a.Id == B);
        Assert.False(blocked.Enabled);
        Assert.Equal(MjAccountAvailability.Disabled, blocked.Availability);
        Assert.StartsWith("disabled: Blocked, You have been blocked", blocked.Reason, StringComparison.Ordinal);

        var relax = accounts.Single(a => a.Id == C);
        Assert.Equal(new[] { "RELAX" }, relax.Modes);
        Assert.True(relax.FastExhausted);
        Assert.Equal("0.00/15.0 hours (0.00%)", relax.FastTimeRemaining);
    }

    [Fact]
    public void Users_parse_and_their_tokens_are_dropped()
    {
        foreach (var name in new[] { "users-page", "users-page-by-name" })
        {
            var body = Recorded.Body("admin-admin.json", name);
            Assert.Contains("\"token\"", body, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(body);
            var users = AdminJson.Items(document.RootElement, out _).Select(e => AdminJson.User(e, Server)).ToList();

            Assert.NotEmpty(users);
            foreach (var user in users)
            {
                Recorded.AssertNoSecret(Recorded.Everything(user));
                Assert.False(user.Raw.ContainsKey("token"));
            }
        }

        using var page = JsonDocument.Parse(Recorded.Body("admin-admin.json", "users-page-by-name"));
        var bot = AdminJson.User(AdminJson.Items(page.RootElement, out _)[0], Server);
        Assert.Equal("ops-bot", bot.Name);
        Assert.Equal("USER", bot.Role);
        Assert.Equal("NORMAL", bot.Status);
        Assert.Equal(50, bot.DayDrawLimit);
        Assert.Equal(-1, bot.TotalDrawLimit);
        Assert.NotNull(bot.CreateTime);
    }

    [Fact]
    public void Banned_word_lists_parse()
    {
        using var document = JsonDocument.Parse(Recorded.Body("admin-admin.json", "banned-words-page-after"));
        var lists = AdminJson.Items(document.RootElement, out var total).Select(e => AdminJson.BannedWord(e, Server)).ToList();

        Assert.Equal(2, total);
        var builtIn = lists.Single(l => l.Id == "default");
        Assert.Contains("nude", builtIn.Keywords);
        Assert.True(builtIn.Enabled);
        var studio = lists.Single(l => l.Name == "studio list");
        Assert.Equal(new[] { "teapot", "kettle" }, studio.Keywords); // the server trims, lower-cases and de-duplicates
        Assert.Equal("added by capture_admin.py", studio.Description);
    }

    [Theory]
    [InlineData("userToken")]
    [InlineData("botToken")]
    [InlineData("cookie")]
    [InlineData("loginAccount")]
    [InlineData("loginPassword")]
    [InlineData("login2fa")]
    [InlineData("cfHashUrl")]
    [InlineData("cfUrl")]
    [InlineData("permanentInvitationLink")]
    [InlineData("subChannels")]
    [InlineData("token")]
    [InlineData("apiSecret")]
    [InlineData("access_token")]
    [InlineData("proxyPassword")]
    public void Secret_names_are_secrets(string name) => Assert.True(SecretFields.IsSecret(name));

    [Theory]
    [InlineData("loginMessage")]
    [InlineData("disabledReason")]
    [InlineData("remark")]
    [InlineData("channelId")]
    [InlineData("fastTimeRemaining")]
    [InlineData("isAutoLogining")]
    public void Plain_names_are_not(string name) => Assert.False(SecretFields.IsSecret(name));

    [Fact]
    public void Text_from_the_server_cannot_steer_the_terminal_and_an_id_with_a_control_character_is_refused()
    {
        const string Hostile = "\u001b]52;c;SGVsbG8=\u0007\u001b[2Jbanned\u001b[0m by Midjourney";
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "a1", ["channelId"] = "1\u001b[31m2", ["remark"] = Hostile, ["disabledReason"] = Hostile, ["enable"] = false,
            ["properties"] = new Dictionary<string, object?> { ["Fast Time Remaining"] = Hostile, ["nested\u001b[1m"] = new[] { Hostile } },
        });
        using var document = JsonDocument.Parse(json);

        var account = AdminJson.Account(document.RootElement, Server, "trueai", liveCounts: false);

        Assert.Equal("banned by Midjourney", account.DisabledReason);
        Assert.Equal("banned by Midjourney", account.Remark);
        Assert.Equal("banned by Midjourney", account.FastTimeRemaining);
        Assert.Equal("12", account.ChannelId);
        Assert.DoesNotContain('\u001b', Recorded.Everything(account));

        using var badId = JsonDocument.Parse("""{"id":"a\u001b[2J1"}""");
        Assert.Throws<JsonException>(() => AdminJson.Account(badId.RootElement, Server, "trueai", liveCounts: false));
    }

    [Fact]
    public void Secrets_are_dropped_at_every_depth()
    {
        using var document = JsonDocument.Parse("""{"id":"1","properties":{"token":"SECRET-a","ok":"yes"},"items":[{"cookie":"SECRET-b","n":1}]}""");
        var plain = SecretFields.ToPlainObject(document.RootElement);

        Recorded.AssertNoSecret(JsonSerializer.Serialize(plain));
        var properties = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(plain["properties"]);
        Assert.Equal("yes", properties["ok"]);
        var item = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.IsAssignableFrom<IReadOnlyList<object?>>(plain["items"])[0]);
        Assert.Equal(1L, item["n"]);
    }
}
