using System.Diagnostics;
using Midjourney.Client.Tests.Downloads;
using Midjourney.Hostile;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>
/// Issue 17 item 3: every timeout is a deadline. A server that drips one byte a second holds neither a wait nor a
/// download past its limit: each ends a moment after it (the test's own bound is far above that; before, 508 s and
/// more than 10 minutes), with the request in flight cancelled and no partial file left.
/// </summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private readonly HostileServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_wait_ends_at_its_deadline_while_the_server_drips_the_poll()
    {
        using var client = HostileClients.Create(_server, "drip");
        var watch = Stopwatch.StartNew();
        var error = await HostileClients.Failure(token => client.WaitAsync("1", new MjWaitOptions { Timeout = TimeSpan.FromSeconds(1) }, token), seconds: 30);

        var timeout = Assert.IsType<MjWaitTimeoutException>(error);
        Assert.Contains("did not finish within 1 s", timeout.Message);
        Assert.Contains("had not answered the last poll", timeout.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), $"took {watch.Elapsed}"); // ~1 s + MjLimits.WaitDeadlineGrace
    }

    [Fact]
    public async Task A_download_ends_at_its_deadline_and_leaves_no_partial_file()
    {
        using var client = HostileClients.Create(_server, "image-drip");
        using var folder = new TempFolder();
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));

        var error = await HostileClients.Failure(token => client.DownloadAsync(task, folder.Target, new MjDownloadOptions { Timeout = TimeSpan.FromSeconds(1) }, token), seconds: 30);

        var download = Assert.IsType<MjDownloadException>(error);
        Assert.Contains("did not finish within 1 s", download.Message);
        Assert.Contains("Save-MjImage -Timeout", download.Message);
        Assert.Empty(folder.TargetFiles());
    }

    [Fact]
    public async Task An_image_read_into_memory_ends_at_its_deadline()
    {
        using var client = HostileClients.Create(_server, "image-drip", configure: o => o.ImageReadTimeout = TimeSpan.FromSeconds(1));
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));

        var error = await HostileClients.Failure(token => client.ReadImageAsync(task.ImageUrl!, token), seconds: 30);

        Assert.Contains("MjClientOptions.ImageReadTimeout", Assert.IsType<MjDownloadException>(error).Message);
    }

    [Fact]
    public async Task A_server_check_ends_at_its_deadline_while_the_server_drips_every_answer_after_the_first()
    {
        using var client = HostileClients.Create(_server, "check-drip", configure: o => o.CheckTimeout = TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();

        var check = await HostileClients.Bounded(token => client.CheckServerAsync(token), seconds: 30);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}"); // before: more than 10 minutes
        Assert.True(check.Reachable);
        Assert.Equal("trueai", check.Flavor); // what the first answer taught stays
        Assert.Contains("answered the check too slowly", check.Problem);
        Assert.Contains("MjClientOptions.CheckTimeout", check.Problem);
    }

    [Fact]
    public async Task A_check_of_a_server_that_never_answers_ends_at_its_deadline_as_unreachable()
    {
        using var client = HostileClients.Create(_server, "drip", configure: o => o.CheckTimeout = TimeSpan.FromSeconds(2));

        var check = await HostileClients.Bounded(token => client.CheckServerAsync(token), seconds: 30);

        Assert.False(check.Reachable);
        Assert.Contains("did not answer the check within 2 s", check.Problem);
    }

    [Fact]
    public async Task The_capacity_read_at_connect_gives_up_at_its_deadline_while_the_account_list_drips()
    {
        var trace = new List<string>();
        using var client = HostileClients.Create(_server, "admin-drip", AuthScheme.Raw, o =>
        {
            o.CapacityReadTimeout = TimeSpan.FromSeconds(1);
            o.Trace = line => { lock (trace) trace.Add(line); };
        });
        var check = await HostileClients.Bounded(token => client.CheckServerAsync(token));
        Assert.True(check.Ok, check.Problem);
        var watch = Stopwatch.StartNew();

        var pool = await HostileClients.Bounded(token => client.Admin.TryGetCapacityAsync(token), seconds: 30);

        Assert.Null(pool);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}"); // before: five attempts of 100 s
        lock (trace)
        {
            Assert.Contains(trace, line => line.Contains("MjClientOptions.CapacityReadTimeout", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_image_without_end_stops_at_the_memory_limit()
    {
        using var client = HostileClients.Create(_server, "image-endless");
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));

        var error = await HostileClients.Failure(token => client.ReadImageAsync(task.ImageUrl!, token), seconds: 60);

        Assert.Contains("MjLimits.MaxImageBytes", Assert.IsType<MjDownloadException>(error).Message);
    }
}
