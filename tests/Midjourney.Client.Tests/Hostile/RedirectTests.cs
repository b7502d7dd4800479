using System.Net;
using System.Net.Http;
using Midjourney.Client.Tests.Downloads;
using Midjourney.Hostile;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>
/// Issue 17 item 1: the key never crosses an origin. Real sockets and the default handler (and a caller's own handler),
/// every auth scheme and every call that sends the key, against redirects to another port, to <c>file:</c>, to https, in
/// a loop, and within the same origin.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private readonly HostileServer _server = new();

    public static TheoryData<AuthScheme, string, int> EveryCall()
    {
        var data = new TheoryData<AuthScheme, string, int>();
        foreach (var scheme in new[] { AuthScheme.MjApiSecret, AuthScheme.Bearer, AuthScheme.Raw })
        {
            foreach (var call in new[] { "fetch", "list", "poll", "submit", "action", "seed", "cancel", "check" })
            {
                foreach (var status in new[] { 301, 302, 307, 308 })
                {
                    data.Add(scheme, call, status);
                }
            }
        }

        return data;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(EveryCall))]
    public async Task A_redirect_to_another_origin_is_refused_by_name_and_the_key_never_reaches_it(AuthScheme scheme, string call, int status)
    {
        using var client = HostileClients.Create(_server, $"r{status}-other", scheme);
        var other = _server.OtherUrl.GetLeftPart(UriPartial.Authority);

        string message;
        if (call == "check")
        {
            var check = await HostileClients.Bounded(token => client.CheckServerAsync(token));
            message = check.Problem ?? string.Empty;
        }
        else
        {
            var error = await HostileClients.Failure(token => Call(client, call, token));
            var server = Assert.IsType<MjServerException>(error);
            Assert.Equal((HttpStatusCode)status, server.StatusCode);
            Assert.Contains("Connect-MjServer -Uri " + other, server.Advice);
            message = server.Message;
        }

        Assert.Contains($"answered {status}", message);
        Assert.Contains(other, message);
        Assert.Contains("not followed", message);
        Assert.DoesNotContain(HostileClients.Key, message);
        Assert.DoesNotContain(_server.Requests, r => r.Origin == "other");
        Assert.Contains(_server.Requests, r => r.Origin == "main" && r.CarriesKey);
    }

    [Fact]
    public async Task A_redirect_is_not_retried()
    {
        using var client = HostileClients.Create(_server, "r302-other");
        await HostileClients.Failure(token => client.GetTaskAsync("1", token));
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("r302-file", "file:///etc/passwd", "not an http or https address")]
    [InlineData("r302-badloc", "http://[::1", "not a URL")]
    [InlineData("r302-loop", "redirect number 6", "at most 5")]
    [InlineData("r302-https", "https://127.0.0.1", "another origin")]
    public async Task A_redirect_that_cannot_be_followed_is_a_clean_error_that_names_it(string probe, string names, string says)
    {
        using var client = HostileClients.Create(_server, probe);
        var error = await HostileClients.Failure(token => client.GetTaskAsync("1", token));

        var server = Assert.IsType<MjServerException>(error);
        Assert.Contains(names, server.Message);
        Assert.Contains(says, server.Message);
        Assert.DoesNotContain(HostileClients.Key, server.Message);
        Assert.DoesNotContain(_server.Requests, r => r.Origin == "other");
        if (probe == "r302-https")
        {
            Assert.Contains($"-Uri https://127.0.0.1:{_server.BaseUrl.Port}", server.Advice);
        }
    }

    [Theory]
    [InlineData(AuthScheme.MjApiSecret)]
    [InlineData(AuthScheme.Bearer)]
    [InlineData(AuthScheme.Raw)]
    public async Task A_redirect_within_the_same_origin_is_followed_with_the_key(AuthScheme scheme)
    {
        using var client = HostileClients.Create(_server, "r307-same", scheme);
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));
        var submitted = await HostileClients.Bounded(token => client.ImagineAsync(new MjImagineRequest("a cat"), token));

        Assert.Equal("1", task.Id);
        Assert.Equal("1", submitted.Id);
        var followed = _server.Requests.Where(r => r.Probe == "ok").ToList();
        Assert.Equal(2, followed.Count);
        Assert.All(followed, r => Assert.True(r.CarriesKey));
        Assert.Contains(followed, r => r.Method == "POST" && r.Body.Contains("a cat")); // 307 keeps the method and body
    }

    [Fact]
    public async Task A_post_moved_by_302_is_not_turned_into_a_get()
    {
        using var client = HostileClients.Create(_server, "r302-loop");
        var error = await HostileClients.Failure(token => client.ImagineAsync(new MjImagineRequest("a cat"), token));

        Assert.Contains("only 307 and 308 keep a POST", Assert.IsType<MjServerException>(error).Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_callers_handler_that_follows_redirects_is_made_to_stop()
    {
        var handler = new HttpClientHandler();
        Assert.True(handler.AllowAutoRedirect);
        using var client = new MjClient(new MjClientOptions(_server.Probe("r302-other")) { ApiKey = HostileClients.Key, EnableJournal = false, MaxReadRetries = 0 }, handler, disposeHandler: true);

        await HostileClients.Failure(token => client.GetTaskAsync("1", token));
        Assert.False(handler.AllowAutoRedirect);
        Assert.DoesNotContain(_server.Requests, r => r.Origin == "other");

        var sockets = new SocketsHttpHandler();
        using var wrapped = new MjClient(new MjClientOptions(_server.Probe("r308-other")) { ApiKey = HostileClients.Key, EnableJournal = false }, new PassThrough(sockets), disposeHandler: true);
        await HostileClients.Failure(token => wrapped.GetTaskAsync("1", token));
        Assert.False(sockets.AllowAutoRedirect);
        Assert.DoesNotContain(_server.Requests, r => r.Origin == "other");
    }

    [Fact]
    public async Task A_handler_already_in_use_that_follows_redirects_is_refused()
    {
        var handler = new HttpClientHandler();
        using (var used = new HttpClient(handler, disposeHandler: false))
        {
            using var _ = await used.GetAsync(_server.Probe("ok/mj/task/1/fetch"));
        }

        var error = Assert.Throws<ArgumentException>(() => new MjClient(new MjClientOptions(_server.Probe("ok")) { ApiKey = HostileClients.Key }, handler, disposeHandler: true));
        Assert.Contains("AllowAutoRedirect = false", error.Message);
        handler.Dispose();
    }

    [Fact]
    public async Task An_image_may_move_to_another_https_or_http_host_without_the_key_but_never_to_file()
    {
        using var client = HostileClients.Create(_server, "image-r302-other");
        using var folder = new TempFolder();
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));
        var files = await HostileClients.Bounded(token => client.DownloadAsync(task, folder.Target, null, token));

        Assert.Equal(HostileFiles.SmallPng, File.ReadAllBytes(Assert.Single(files).FullName));
        var image = Assert.Single(_server.Requests, r => r.Origin == "other");
        Assert.Equal("/img/ok.png", image.Path);
        Assert.False(image.CarriesKey);
        Assert.All(_server.Requests.Where(r => r.Probe == "img"), r => Assert.False(r.CarriesKey));

        using var toFile = HostileClients.Create(_server, "image-r302-file");
        var fileTask = await HostileClients.Bounded(token => toFile.GetTaskAsync("1", token));
        var error = await HostileClients.Failure(token => toFile.DownloadAsync(fileTask, folder.Target, new MjDownloadOptions { Overwrite = true }, token));
        Assert.Contains("file:///etc/passwd", Assert.IsType<MjDownloadException>(error).Message);
        var read = await HostileClients.Failure(token => toFile.ReadImageAsync(fileTask.ImageUrl!, token));
        Assert.Contains("not an http or https address", Assert.IsType<MjDownloadException>(read).Message);
    }

    [Fact]
    public async Task An_image_redirect_from_https_down_to_http_is_refused()
    {
        var fake = new FakeHttpHandler();
        fake.Serve("https://cdn.example/1.png", () => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://cdn.example/1.png") } });
        fake.Serve("http://cdn.example/1.png", () => FakeHttpHandler.Bytes(HostileFiles.SmallPng));
        using var http = new HttpClient(fake);
        using var folder = new TempFolder();
        var downloader = new MjDownloader(http, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(30));

        var error = await HostileClients.Failure(token => downloader.DownloadAsync(new MjTask("1") { Status = MjTaskStatus.Success, ImageUrl = "https://cdn.example/1.png" }, folder.Target, new MjDownloadOptions(), null, token));
        Assert.Contains("from https down to plain http", Assert.IsType<MjDownloadException>(error).Message);
        Assert.Equal(1, fake.CountFor("https://cdn.example/1.png"));
        Assert.Equal(0, fake.CountFor("http://cdn.example/1.png"));
    }

    private static async Task Call(MjClient client, string call, CancellationToken token)
    {
        switch (call)
        {
            case "fetch":
                await client.GetTaskAsync("1", token);
                break;
            case "list":
                await client.ListTasksAsync(token);
                break;
            case "poll":
                await client.GetTasksAsync(new[] { "1", "2" }, token);
                break;
            case "submit":
                await client.ImagineAsync(new MjImagineRequest("a cat"), token);
                break;
            case "action":
                await client.ClickAsync(new MjButton("1", "MJ::JOB::upsample::1::1", "U1"), null, token);
                break;
            case "seed":
                await client.GetImageSeedAsync("1", token);
                break;
            case "cancel":
                await client.CancelTaskAsync("1", token);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call));
        }
    }

    private sealed class PassThrough(HttpMessageHandler inner) : DelegatingHandler(inner);
}
