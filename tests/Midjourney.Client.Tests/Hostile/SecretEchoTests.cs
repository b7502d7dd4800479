using Midjourney.Hostile;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>
/// A server that echoes what it was sent cannot make the module show a secret: the API key in any error answer
/// (plain text or a gateway's JSON, at every status), and, on the admin routes, the secrets an account is sent back
/// with (Disable-MjAccount, Enable- and Sync- on Plus) and the new user's token (New-MjUser).
/// </summary>
public sealed class SecretEchoTests : IAsyncLifetime
{
    private readonly HostileServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<AuthScheme, string> EveryErrorAnswer()
    {
        var data = new TheoryData<AuthScheme, string>();
        foreach (var scheme in new[] { AuthScheme.MjApiSecret, AuthScheme.Bearer, AuthScheme.Raw })
        {
            foreach (var probe in new[] { "echo-400", "echo-404", "echo-429", "echo-500", "echo-503", "echo-400-json", "echo-500-json" })
            {
                data.Add(scheme, probe);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryErrorAnswer))]
    public async Task The_key_echoed_in_an_error_answer_is_never_shown(AuthScheme scheme, string probe)
    {
        using var client = HostileClients.Create(_server, probe, scheme);

        var fetch = await HostileClients.Failure(token => client.GetTaskAsync("1", token));
        var submit = await HostileClients.Failure(token => client.ImagineAsync(new MjImagineRequest("a cat"), token));
        var cancel = await HostileClients.Failure(token => client.CancelTaskAsync("1", token));

        Assert.Contains(_server.Requests, r => r.CarriesKey); // it was sent, and echoed
        foreach (var error in new[] { fetch, submit, cancel })
        {
            AssertNoSecret(error, HostileClients.Key);
        }
    }

    [Fact]
    public async Task The_secrets_an_account_is_sent_back_with_are_never_shown_when_the_server_echoes_them()
    {
        using var client = HostileClients.Create(_server, "admin-echo", AuthScheme.Raw);

        var disable = await HostileClients.Failure(token => client.Admin.DisableAccountAsync("1", token));

        var sent = Assert.Single(_server.Requests, r => r.Method == "PUT");
        Assert.All(Probes.Secrets.Where(s => s != "SECRET-usrtoken-77"), secret => Assert.Contains(secret, sent.Body)); // sent back as read
        Assert.Contains("refused", disable.Message);
        AssertNoSecret(disable, Probes.Secrets.Append(HostileClients.Key).ToArray());
    }

    [Fact]
    public async Task The_new_users_token_is_never_shown_when_the_server_echoes_it()
    {
        using var client = HostileClients.Create(_server, "admin-echo", AuthScheme.Raw);

        var error = await HostileClients.Failure(token => client.Admin.NewUserAsync(new MjUserRequest("bob"), token));

        var sent = Assert.Single(_server.Requests, r => r.Method == "POST" && r.ApiPath == "/mj/admin/user");
        var newToken = System.Text.Json.JsonDocument.Parse(sent.Body).RootElement.GetProperty("token").GetString()!;
        Assert.Contains("refused", error.Message);
        AssertNoSecret(error, newToken, HostileClients.Key);
    }

    private static void AssertNoSecret(Exception error, params string[] secrets)
    {
        var api = error as MjApiException;
        var texts = new[] { error.Message, error.ToString(), api?.Description, api?.RawDescription, api?.Advice }
            .Concat(api?.Properties.Values.Select(v => v?.ToString()) ?? Enumerable.Empty<string?>());
        foreach (var text in texts.Where(t => t is not null))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text!, StringComparison.Ordinal);
            }
        }
    }
}
