using Midjourney.Hostile;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>
/// The admin API (issue 19) against a hostile TrueAI (the hostile server's <c>admin-*</c> probes): the key never crosses
/// an origin, lists and accounts are bounded before anything is built from them, broken entries and absurd numbers end
/// as data or a clean error, every text is clean, and no secret the server sends is kept.
/// </summary>
public sealed class AdminAnswerTests : IAsyncLifetime
{
    private readonly HostileServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("accounts")]
    [InlineData("users")]
    [InlineData("banned words")]
    public async Task A_page_of_a_million_items_is_refused_before_anything_is_built(string what)
    {
        using var client = HostileClients.Create(_server, "admin-many", AuthScheme.Raw);

        var error = await HostileClients.Failure(token => what switch
        {
            "accounts" => client.Admin.GetAccountsAsync(token),
            "users" => client.Admin.GetUsersAsync(token),
            _ => client.Admin.GetBannedWordsAsync(token),
        });

        // Two million values (a million {"id":"n"}): refused by the reader that counts them, before a document is parsed.
        var limit = Assert.IsType<MjLimitException>(error);
        Assert.Equal(nameof(MjLimits.MaxAdminValues), limit.Limit);
        Assert.Contains("MjLimits.MaxAdminValues", limit.Message);
        Assert.Single(_server.Requests, r => r.ApiPath.StartsWith("/mj/admin/", StringComparison.Ordinal) && r.ApiPath != "/mj/admin/current"); // one page, not a hundred
    }

    [Fact]
    public void More_items_than_the_limit_are_refused_by_the_arrays_length_and_pages_add_up()
    {
        var budget = new AdminReadBudget("accounts");
        using var page = System.Text.Json.JsonDocument.Parse("[" + string.Join(",", Enumerable.Repeat("{\"id\":\"1\"}", 6_000)) + "]");

        budget.Precheck(System.Text.Encoding.UTF8.GetBytes(page.RootElement.GetRawText()));
        var (items, values) = budget.Check(page.RootElement);
        budget.Take(items, values);

        Assert.Equal((6_000, 12_001L), (items, values)); // the array, and each object with its id
        var over = Assert.Throws<OverLimitException>(() => budget.Check(page.RootElement)); // the second page: 12,000 in all
        Assert.Equal((nameof(MjLimits.MaxAdminItems), 12_000L), (over.Limit, over.Count));
    }

    [Fact]
    public async Task An_account_of_millions_of_values_is_refused_in_a_list_and_alone()
    {
        using var client = HostileClients.Create(_server, "admin-wide", AuthScheme.Raw);

        var list = await HostileClients.Failure(token => client.Admin.GetAccountsAsync(token));
        var one = await HostileClients.Failure(token => client.Admin.GetAccountAsync("1", token));

        Assert.Equal(nameof(MjLimits.MaxAdminValues), Assert.IsType<MjLimitException>(list).Limit);
        Assert.Equal(nameof(MjLimits.MaxAdminValues), Assert.IsType<MjLimitException>(one).Limit);
        Assert.Null(await client.Admin.TryGetCapacityAsync()); // the capacity read at Connect: no error, no capacity
    }

    [Fact]
    public async Task Broken_entries_are_skipped_and_absurd_numbers_read_as_unknown_or_capped()
    {
        using var client = HostileClients.Create(_server, "admin-broken", AuthScheme.Raw);

        var accounts = await HostileClients.Bounded(token => client.Admin.GetAccountsAsync(token));
        var capacity = await HostileClients.Bounded(token => client.Admin.GetCapacityAsync(token));

        Assert.Equal(new[] { "2", "3", "4" }, accounts.Select(a => a.Id)); // a number, a string, null and an array are no accounts
        var broken = accounts[0];
        Assert.Null(broken.CoreSize);
        Assert.Null(broken.QueueSize);
        Assert.Null(broken.TimeoutMinutes);
        Assert.Null(broken.Connected);
        Assert.Equal(new[] { "FAST" }, broken.Modes);
        Assert.Empty(broken.Properties);
        Assert.Equal(int.MaxValue, accounts[1].Capacity);
        Assert.Null(accounts[2].Capacity); // a negative queue is no size
        Assert.Equal(int.MaxValue, capacity.Capacity); // the sum does not overflow
        Assert.Equal(2, capacity.UsableAccounts);
    }

    [Fact]
    public async Task Account_user_and_banned_word_texts_are_clean_and_no_secret_is_kept()
    {
        using var client = HostileClients.Create(_server, "admin-inject", AuthScheme.Raw);

        var accounts = await HostileClients.Bounded(token => client.Admin.GetAccountsAsync(token));
        var account = await HostileClients.Bounded(token => client.Admin.GetAccountAsync("1", token));
        var users = await HostileClients.Bounded(token => client.Admin.GetUsersAsync(token));
        var words = await HostileClients.Bounded(token => client.Admin.GetBannedWordsAsync(token));

        var texts = new List<string?>();
        foreach (var a in accounts.Append(account))
        {
            texts.AddRange(new[] { a.Id, a.ChannelId, a.GuildId, a.Name, a.DefaultMode, a.FastTimeRemaining, a.Plan, a.DisabledReason, a.Remark, a.Sponsor, a.Reason, a.ToString() });
            texts.AddRange(a.Modes);
            texts.AddRange(Flatten(a.Properties));
            texts.AddRange(Flatten(a.Raw));
        }

        foreach (var u in users)
        {
            texts.AddRange(new[] { u.Id, u.Name, u.Email, u.Phone, u.Role, u.Status, u.ToString() });
            texts.AddRange(Flatten(u.Raw));
        }

        foreach (var w in words)
        {
            texts.AddRange(new[] { w.Id, w.Name, w.Description, w.ToString() });
            texts.AddRange(w.Keywords);
            texts.AddRange(Flatten(w.Raw));
        }

        Assert.Contains("bannedclick", texts);
        Assert.All(texts, text => Assert.True(MjText.IsClean(text), text));
        Assert.All(texts, text => Assert.DoesNotContain(Probes.Secrets, secret => text is not null && text.Contains(secret, StringComparison.Ordinal)));
        Assert.DoesNotContain(texts, text => text is not null && text.Contains(HostileClients.Key, StringComparison.Ordinal)); // /mj/admin/current echoes it
    }

    [Fact]
    public async Task An_admin_route_that_moves_to_another_origin_is_refused_and_the_key_never_reaches_it()
    {
        foreach (var scheme in new[] { AuthScheme.MjApiSecret, AuthScheme.Bearer, AuthScheme.Raw })
        {
            using var client = HostileClients.Create(_server, "admin-r307-other", scheme);
            var list = await HostileClients.Failure(token => client.Admin.GetAccountsAsync(token));
            var change = await HostileClients.Failure(token => client.Admin.RemoveAccountAsync("1", token));

            Assert.Contains("another origin", Assert.IsType<MjServerException>(list).Message);
            Assert.Contains("another origin", Assert.IsType<MjServerException>(change).Message);
        }

        Assert.DoesNotContain(_server.Requests, r => r.Origin == "other");
        Assert.Contains(_server.Requests, r => r.Origin == "main" && r.CarriesKey && r.ApiPath == "/mj/admin/accounts");
    }

    private static IEnumerable<string?> Flatten(object? value) => value switch
    {
        string text => new[] { text },
        IReadOnlyDictionary<string, object?> map => map.Keys.Concat(map.Values.SelectMany(Flatten)),
        IEnumerable<object?> list => list.SelectMany(Flatten),
        _ => Array.Empty<string?>(),
    };
}
