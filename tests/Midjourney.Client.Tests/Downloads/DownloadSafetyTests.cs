using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Client.Tests.Downloads;

public sealed class DownloadSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeHttpHandler _http = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CancellationMidStreamDeletesThePartialFile()
    {
        var body = new SlowStream(100_000, failInsteadOfHang: false);
        _http.Serve("http://h/slow.png", () => FakeHttpHandler.Stream(body));
        using var cts = new CancellationTokenSource();

        var download = DownloadKit.Downloader(_http).Run(DownloadKit.Task("c", "http://h/slow.png"), _temp.Target, cancellationToken: cts.Token);
        await body.Stalled.Task.WaitAsync(TimeSpan.FromMinutes(1)); // mid-stream: some bytes written, waiting for more
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
        Assert.Empty(_temp.AllFiles());
        Assert.Equal(1, _http.CountFor("http://h/slow.png")); // the caller's cancellation is not retried
    }

    [Fact]
    public async Task NoAuthHeaderIsEverSent()
    {
        _http.Serve("http://h/a.png", () => FakeHttpHandler.Status(System.Net.HttpStatusCode.InternalServerError), () => FakeHttpHandler.Bytes(DownloadKit.Png));
        _http.Serve("http://h/b.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));

        await DownloadKit.Downloader(_http).Run(
            DownloadKit.Task("n", "http://h/a.png", new[] { "http://h/b.png" }), _temp.Target, new MjDownloadOptions { All = true });

        Assert.Equal(3, _http.Seen.Count);
        Assert.All(_http.Seen, s =>
        {
            Assert.DoesNotContain(s.HeaderNames, h => string.Equals(h, "Authorization", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(s.HeaderNames, h => string.Equals(h, "mj-api-secret", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void AClientCarryingAuthHeadersIsRefused()
    {
        var bearer = new HttpClient(_http);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-secret");
        var secret = new HttpClient(_http);
        secret.DefaultRequestHeaders.Add("mj-api-secret", "secret");

        Assert.Throws<ArgumentException>(() => new MjDownloader(bearer));
        Assert.Throws<ArgumentException>(() => new MjDownloader(secret));
    }

    [Theory]
    [InlineData("https://cdn.discordapp.com/a/b.png?ex=1&is=2&hm=3", "https://cdn.discordapp.com/a/b.png")]
    [InlineData("https://user:pw@h:8443/p/x.png#frag", "https://h:8443/p/x.png")]
    [InlineData("not a url?sig=1", "not a url")]
    [InlineData(null, "")]
    public void TheExceptionUrlHasNoQueryOrUserInfo(string? url, string expected)
    {
        var ex = new MjDownloadException("m", url, null, null);

        Assert.Equal(expected, ex.Url);
    }
}
