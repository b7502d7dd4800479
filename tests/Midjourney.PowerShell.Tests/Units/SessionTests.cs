using System;
using System.Collections.Generic;
using System.Linq;
using Midjourney.Client;
using Xunit;

namespace Midjourney.PowerShell.Tests.Units;

public class SessionTests
{
    [Theory]
    [InlineData("proxy.example.com", " Did you mean -Uri https://proxy.example.com?")]
    [InlineData("proxy.example.com/mj", " Did you mean -Uri https://proxy.example.com/mj?")]
    [InlineData("localhost:8080", " Did you mean -Uri http://localhost:8080?")]
    [InlineData("127.0.0.1:8080", " Did you mean -Uri http://127.0.0.1:8080?")]
    [InlineData("ftp://proxy.example.com", "")]
    public void A_Uri_typed_without_its_scheme_is_refused_with_the_URL_it_likely_means(string given, string suggestion)
    {
        var uri = new Uri(given, UriKind.RelativeOrAbsolute);
        var error = Assert.Throws<Midjourney.PowerShell.Output.MjTerminatingException>(() => Midjourney.PowerShell.Operations.ConnectServerOperation.ValidateUri(uri));
        Assert.Equal($"-Uri must be an absolute http(s) URL; '{uri}' given.{suggestion}", error.Message);
    }

    [Fact]
    public void FromEnvironment_reads_url_key_and_scheme()
    {
        var env = new Dictionary<string, string?> { ["MJ_BASE_URL"] = "https://proxy.example.com/mj", ["MJ_API_KEY"] = "k", ["MJ_AUTH_SCHEME"] = "bearer" };

        using var connection = MjSession.FromEnvironment(name => env.TryGetValue(name, out var v) ? v : null)!;

        Assert.Equal(new Uri("https://proxy.example.com/"), connection.Uri);
        Assert.Equal(AuthScheme.Bearer, connection.AuthScheme);
        Assert.False(connection.IsDefault);
        Assert.DoesNotContain("k)", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_without_a_url_is_null_and_bad_values_are_refused()
    {
        Assert.Null(MjSession.FromEnvironment(_ => null));
        Assert.Throws<ArgumentException>(() => MjSession.FromEnvironment(n => n == "MJ_BASE_URL" ? "ftp://x" : null));
        Assert.Throws<ArgumentException>(() => MjSession.FromEnvironment(n => n == "MJ_BASE_URL" ? "http://x" : n == "MJ_AUTH_SCHEME" ? "Basic" : null));
    }

    [Fact]
    public void The_environment_connection_is_cached_until_the_variables_change()
    {
        var env = new Dictionary<string, string?> { ["MJ_BASE_URL"] = "http://a.example" };
        var session = new MjSession(name => env.TryGetValue(name, out var v) ? v : null);

        var first = session.EnvironmentConnection();
        Assert.Same(first, session.EnvironmentConnection());
        env["MJ_API_KEY"] = "new";
        Assert.NotSame(first, session.EnvironmentConnection());
        Assert.Empty(session.Connections); // implicit, not registered
    }

    [Fact]
    public async System.Threading.Tasks.Task Connecting_again_with_the_same_settings_keeps_the_connection_and_a_replaced_one_stays_usable()
    {
        var session = new MjSession(_ => null);
        var output = new Support.RecordingOutput();
        Midjourney.PowerShell.Operations.ConnectServerOptions Options(string key) => new() { Uri = new Uri("http://a.example"), ApiKey = key, NoJournal = true, SkipCheck = true };

        var first = await new Midjourney.PowerShell.Operations.ConnectServerOperation(session).RunAsync(Options("k1"), output, System.Threading.CancellationToken.None);
        var again = await new Midjourney.PowerShell.Operations.ConnectServerOperation(session).RunAsync(Options("k1"), output, System.Threading.CancellationToken.None);
        var other = await new Midjourney.PowerShell.Operations.ConnectServerOperation(session).RunAsync(Options("k2"), output, System.Threading.CancellationToken.None);

        Assert.Same(first, again); // ForEach-Object -Parallel runspaces that each connect share one client
        Assert.NotSame(first, other);
        Assert.Equal(new[] { other }, session.Connections.ToArray());
        Assert.Equal(0, first.Client.Load.InFlight); // replaced, not disposed: whoever holds it can still use it
        Assert.Contains(output.Verbose, line => line.StartsWith("Already connected to http://a.example/", StringComparison.Ordinal));
        Assert.DoesNotContain(output.Verbose, line => line.Contains("k1", StringComparison.Ordinal));
    }

    [Fact]
    public void Registry_tracks_default_and_connections_by_server()
    {
        var session = new MjSession(_ => null);
        var a = MjConnection.Create(new Connections.MjConnectionSettings(new Uri("http://a.example")) { EnableJournal = false });
        var b = MjConnection.Create(new Connections.MjConnectionSettings(new Uri("http://b.example/")) { EnableJournal = false });

        session.Add(a);
        session.Add(b);

        Assert.Same(b, session.Default);
        Assert.True(b.IsDefault);
        Assert.False(a.IsDefault);
        Assert.Same(a, session.ForServer(new Uri("http://A.example/mj")));
        Assert.Equal(new[] { b, a }, session.Connections);
        Assert.True(session.Remove(b));
        Assert.Null(session.Default); // never another server behind the user's back (issue 18, item 5)
        Assert.False(a.IsDefault);
        Assert.False(session.Remove(b));
        session.Add(a);
        Assert.Same(a, session.Default);
    }
}
