using Midjourney.Client;
using Midjourney.Simulator;
using Client = Midjourney.Client;

namespace Midjourney.EndToEnd.Tests;

/// <summary>The free server check against every flavour of the simulator, and transport failures told apart.</summary>
public sealed class ServerCheckTests
{
    [Theory]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.Raw, "trueai", true, true, false, true, true)]
    [InlineData(SimulatorFlavor.Plus, AuthScheme.MjApiSecret, "plus", true, true, true, true, false)]
    [InlineData(SimulatorFlavor.NoviceZk, AuthScheme.MjApiSecret, "novicezk", true, false, true, false, false)]
    [InlineData(SimulatorFlavor.Gateway, AuthScheme.Bearer, "gateway", true, true, true, true, null)]
    [InlineData(SimulatorFlavor.TaskApi, AuthScheme.Bearer, "taskapi", false, false, true, false, false)]
    public async Task The_check_finds_flavour_and_capabilities_without_a_submit(SimulatorFlavor flavor, AuthScheme scheme, string name,
        bool batch, bool action, bool change, bool prefixes, bool? video)
    {
        await using var rig = await Rig.StartAsync(flavor, scheme);

        var check = await rig.Client.CheckServerAsync();

        Assert.True(check.Ok, check.Problem);
        Assert.Null(check.Problem);
        Assert.Equal((true, true, true), (check.Reachable, check.IsProxy ?? false, check.KeyAccepted ?? false));
        Assert.Equal(name, check.Flavor);
        Assert.Equal((batch, action, change, prefixes, video), (check.BatchQuery ?? false, check.Action ?? false, check.Change ?? false, check.SpeedPrefixes ?? false, check.Video));
        var stats = rig.Simulator.GetStats();
        Assert.Equal(0, stats.TasksCreated);
        Assert.Equal(0, stats.SubmitsAccepted);
        Assert.Equal(batch, rig.Client.Capabilities.HasBatchQuery);
    }

    /// <summary>
    /// Issue 16, item 8: under the simulator's faults (500s, 429s, resets, cut JSON) every read of the check is retried,
    /// so a healthy server is never called "not a proxy". Twenty checks at a 30% fault rate meet a few hundred faults.
    /// </summary>
    [Theory]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.Raw, "trueai")]
    [InlineData(SimulatorFlavor.Plus, AuthScheme.MjApiSecret, "plus")]
    public async Task Under_faults_the_check_still_finds_a_healthy_proxy(SimulatorFlavor flavor, AuthScheme scheme, string name)
    {
        await using var rig = await Rig.StartAsync(flavor, scheme, o => o.Faults = new FaultOptions
        {
            ServerErrorRate = 0.1,
            TooManyRequestsRate = 0.05,
            ResetRate = 0.05,
            MalformedJsonRate = 0.1,
            RetryAfter = TimeSpan.Zero,
            Phase = FaultPhase.Random,
        }, c => c.MaxReadRetries = 8);
        await using var clean = await Rig.StartAsync(flavor, scheme);
        var expected = await clean.Client.CheckServerAsync();

        for (var i = 0; i < 20; i++)
        {
            var check = await rig.Client.CheckServerAsync();

            Assert.True(check.Ok, $"check {i}: {check.Problem}");
            Assert.Equal(name, check.Flavor);
            Assert.Equal(expected.Capabilities, check.Capabilities);
        }

        Assert.True(rig.Simulator.GetStats().Faults.Values.Sum() > 20, "too few faults were injected: the test proves little");
    }

    [Theory]
    [InlineData(SimulatorFlavor.Plus, AuthScheme.Bearer, AuthScheme.MjApiSecret)]
    [InlineData(SimulatorFlavor.TrueAi, AuthScheme.Bearer, AuthScheme.MjApiSecret)]
    [InlineData(SimulatorFlavor.TaskApi, AuthScheme.MjApiSecret, AuthScheme.Bearer)]
    public async Task A_refused_scheme_names_the_one_that_works(SimulatorFlavor flavor, AuthScheme wrong, AuthScheme right)
    {
        await using var rig = await Rig.StartAsync(flavor, wrong);

        var check = await rig.Client.CheckServerAsync();

        Assert.False(check.Ok);
        Assert.False(check.KeyAccepted);
        Assert.Equal(right, check.SuggestedAuthScheme);
        Assert.Contains($"-AuthScheme {right}", check.Problem);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_every_scheme()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.Plus, AuthScheme.MjApiSecret, configureClient: o => o.ApiKey = "wrong");

        var check = await rig.Client.CheckServerAsync();

        Assert.Equal((true, false, (AuthScheme?)null), (check.Reachable, check.KeyAccepted, check.SuggestedAuthScheme));
        Assert.Contains("Check the key", check.Problem);
        Assert.DoesNotContain("wrong", check.Problem);
    }

    [Fact]
    public async Task A_path_that_is_not_a_proxy_says_to_check_the_path()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.Plus, AuthScheme.MjApiSecret);
        using var client = new MjClient(new MjClientOptions(new Uri(rig.Simulator.BaseAddress, "api/v1")) { ApiKey = "e2e-key-5d41402abc4b2a76", EnableJournal = false });

        var check = await client.CheckServerAsync();
        Assert.Equal((true, (bool?)false), (check.Reachable, check.IsProxy));
        Assert.Contains("not a midjourney-proxy", check.Problem);
        Assert.Contains("/api/v1", check.Problem);

        var error = await Assert.ThrowsAsync<MjNotFoundException>(() => client.ImagineAsync(new MjImagineRequest("red mug")));
        Assert.Contains("not a midjourney-proxy", error.Message);
        Assert.Contains("/mj/submit/imagine answered 404", error.Message);
        Assert.Equal(0, rig.Simulator.GetStats().TasksCreated);
    }

    [Fact]
    public async Task A_missing_endpoint_is_named_and_so_is_a_refused_speed_prefix()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.NoviceZk, AuthScheme.MjApiSecret);

        var video = await Assert.ThrowsAsync<MjNotFoundException>(() => rig.Client.VideoAsync(new MjVideoRequest("a mug turning") { Image = "https://example.com/a.png" }));
        Assert.StartsWith($"{rig.Simulator.BaseAddress.AbsoluteUri.TrimEnd('/')} does not offer /mj/submit/video", video.Message);

        var fast = await Assert.ThrowsAsync<MjNotFoundException>(() => rig.Client.ImagineAsync(new MjImagineRequest("red mug") { Mode = Client.SpeedMode.Fast }));
        Assert.Contains("speed prefix /mj-fast (-Mode Fast)", fast.Message);
        Assert.Equal(0, rig.Simulator.GetStats().TasksCreated);
    }

    [Fact]
    public async Task Tls_to_a_plain_http_server_is_not_an_ambiguous_submit()
    {
        await using var rig = await Rig.StartAsync(SimulatorFlavor.Plus, AuthScheme.MjApiSecret);
        var https = new UriBuilder(rig.Simulator.BaseAddress) { Scheme = "https" }.Uri;
        using var client = new MjClient(new MjClientOptions(https) { ApiKey = "e2e-key-5d41402abc4b2a76", EnableJournal = false, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        var error = await Assert.ThrowsAsync<MjServerException>(() => client.ImagineAsync(new MjImagineRequest("red mug")));

        Assert.Contains("TLS handshake failed", error.Message);
        Assert.Contains("Nothing was sent", error.Message);
        Assert.Contains($"http://{https.Authority}", error.Advice);
        var check = await client.CheckServerAsync();
        Assert.False(check.Reachable);
        Assert.Contains("TLS", check.Problem);
    }
}
