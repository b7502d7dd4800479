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
    public async Task An_image_without_end_stops_at_the_memory_limit()
    {
        using var client = HostileClients.Create(_server, "image-endless");
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));

        var error = await HostileClients.Failure(token => client.ReadImageAsync(task.ImageUrl!, token), seconds: 60);

        Assert.Contains("MjLimits.MaxImageBytes", Assert.IsType<MjDownloadException>(error).Message);
    }
}
