using System.Net;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Http;

public sealed class AuthTests
{
    [Theory]
    [InlineData(AuthScheme.MjApiSecret, "mj-api-secret", TestClients.Key)]
    [InlineData(AuthScheme.Bearer, "Authorization", "Bearer " + TestClients.Key)]
    [InlineData(AuthScheme.Raw, "Authorization", TestClients.Key)]
    public async Task Exactly_one_auth_header_is_sent(AuthScheme scheme, string header, string value)
    {
        var server = new FakeServer(_ => FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS")));
        using var client = TestClients.Create(server, o => o.AuthScheme = scheme);
        await client.GetTaskAsync("1");

        var seen = Assert.Single(server.Seen);
        Assert.Equal(value, seen.Headers[header]);
        var other = header == "Authorization" ? "mj-api-secret" : "Authorization";
        Assert.False(seen.Headers.ContainsKey(other));
    }

    [Fact]
    public async Task No_key_sends_no_auth_header()
    {
        var server = new FakeServer(_ => FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS")));
        using var client = TestClients.Create(server, o => o.ApiKey = "");
        await client.GetTaskAsync("1");
        Assert.False(server.Seen[0].Headers.ContainsKey("Authorization"));
        Assert.False(server.Seen[0].Headers.ContainsKey("mj-api-secret"));
    }

    [Theory]
    [InlineData(AuthScheme.MjApiSecret, "Bearer")]
    [InlineData(AuthScheme.Bearer, "Raw")]
    public async Task Empty_401_says_which_scheme_was_used_and_what_to_try(AuthScheme scheme, string suggestion)
    {
        var server = new FakeServer(_ => FakeServer.Empty(HttpStatusCode.Unauthorized));
        using var client = TestClients.Create(server, o => o.AuthScheme = scheme);
        var error = await Assert.ThrowsAsync<MjAuthenticationException>(() => client.GetTaskAsync("1"));

        Assert.Equal(scheme, error.Scheme);
        Assert.True(error.KeySent);
        Assert.Contains(scheme.ToString(), error.Message);
        Assert.Contains(suggestion, error.Message);
        Assert.Equal(1, server.Count("/mj/task/1/fetch")); // auth failures are not retried
    }

    [Fact]
    public async Task Empty_403_and_no_key_say_so()
    {
        var forbidden = new FakeServer(_ => FakeServer.Empty(HttpStatusCode.Forbidden));
        using var client = TestClients.Create(forbidden, o => o.ApiKey = null);
        var error = await Assert.ThrowsAsync<MjAuthenticationException>(() => client.ImagineAsync(new MjImagineRequest("x")));
        Assert.False(error.KeySent);
        Assert.Contains("403", error.Message);
        Assert.Contains("No API key is configured", error.Message);
    }

    [Fact]
    public async Task The_key_never_appears_in_errors_options_or_tasks_even_when_the_server_echoes_it()
    {
        var server = new FakeServer(r => r.Path.EndsWith("/fetch")
            ? FakeServer.Json("{\"error\":{\"message\":\"Invalid token " + TestClients.Key + "\",\"type\":\"new_api_error\"}}", HttpStatusCode.Unauthorized)
            : FakeServer.Json("{\"code\":4,\"description\":\"token " + TestClients.Key + " not allowed\"}"));
        var traces = new List<string>();
        using var client = TestClients.Create(server, o => o.Trace = traces.Add);

        var auth = await Assert.ThrowsAsync<MjAuthenticationException>(() => client.GetTaskAsync("1"));
        var validation = await Assert.ThrowsAsync<MjValidationException>(() => client.ImagineAsync(new MjImagineRequest("x")));

        foreach (var text in new[] { auth.Message, auth.Description ?? "", validation.Message, validation.Description ?? "", auth.ToString(), validation.ToString(), client.ToString() }.Concat(traces))
        {
            Assert.DoesNotContain(TestClients.Key, text);
        }

        Assert.Contains("***", validation.Message);
        var options = new MjClientOptions(new Uri("http://x")) { ApiKey = TestClients.Key };
        Assert.DoesNotContain(TestClients.Key, options.ToString());
        Assert.Null(typeof(MjClientOptions).GetProperty(nameof(MjClientOptions.ApiKey))!.GetGetMethod()); // write-only to the outside
    }
}
