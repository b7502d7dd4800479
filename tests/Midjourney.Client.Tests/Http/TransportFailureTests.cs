using System.Net.Sockets;
using System.Security.Authentication;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Http;

/// <summary>Failures below HTTP told apart: only a request that may have reached the server is ambiguous.</summary>
public sealed class TransportFailureTests
{
    [Fact]
    public async Task A_failed_tls_handshake_is_not_ambiguous_and_not_retried()
    {
        var server = new FakeServer(_ => throw new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException("Cannot determine the frame size or a corrupted frame was received.")));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.ImagineAsync(new MjImagineRequest("x")));

        Assert.Equal(1, server.Count("/mj/submit/imagine"));
        Assert.Contains("TLS handshake failed", error.Message);
        Assert.Contains("Nothing was sent", error.Message);
        Assert.NotNull(error.Advice);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_once_and_names_the_server()
    {
        var server = new FakeServer(_ => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.ImagineAsync(new MjImagineRequest("x")));

        Assert.Equal(2, server.Count("/mj/submit/imagine"));
        Assert.StartsWith($"Could not connect to {client.BaseAddress.AbsoluteUri.TrimEnd('/')}", error.Message);
        Assert.Contains("Test-MjServer", error.Advice);
    }

    [Fact]
    public async Task A_dns_failure_is_not_retried_on_reads_either()
    {
        var server = new FakeServer(_ => throw new HttpRequestException("Name or service not known", new SocketException((int)SocketError.HostNotFound)));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.GetTaskAsync("17"));

        Assert.Single(server.Seen);
        Assert.Contains("DNS lookup failed", error.Message);
    }

    [Fact]
    public async Task A_read_timeout_names_the_server_and_the_request()
    {
        var slow = new FakeServer(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return FakeServer.Accepted("never");
        });
        using var client = TestClients.Create(slow, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxReadRetries = 0;
        });

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.GetTaskAsync("17"));

        Assert.StartsWith($"{client.BaseAddress.AbsoluteUri.TrimEnd('/')} did not answer GET /mj/task/17/fetch in time", error.Message);
        Assert.Contains("slow or overloaded", error.Advice);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_submit_timeout_stays_ambiguous_and_names_the_server()
    {
        var slow = new FakeServer(async (r, token) =>
        {
            if (r.Path == "/mj/task/list")
            {
                return FakeServer.Json("[]");
            }

            await Task.Delay(Timeout.Infinite, token);
            return FakeServer.Accepted("never");
        });
        using var client = TestClients.Create(slow, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<MjAmbiguousSubmitException>(() => client.ImagineAsync(new MjImagineRequest("x")));

        Assert.StartsWith($"POST {client.BaseAddress.AbsoluteUri.TrimEnd('/')}/mj/submit/imagine was sent but the answer was lost", error.Message);
    }

    [Theory]
    [InlineData(typeof(AuthenticationException), "Tls")]
    [InlineData(typeof(TimeoutException), "Timeout")]
    [InlineData(typeof(IOException), "Broken")]
    public void Classify_looks_through_the_inner_exceptions(Type inner, string expected)
    {
        var kind = Enum.Parse<TransportFailureKind>(expected);
        var e = new HttpRequestException("outer", (Exception)Activator.CreateInstance(inner, "inner")!);
        Assert.Equal(kind, ConnectFailures.Classify(e));
        Assert.Equal(kind is TransportFailureKind.Tls, ConnectFailures.IsBeforeSend(e));
    }
}
