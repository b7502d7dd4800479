using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Client.Tests.Downloads;

public sealed class DownloadExpiryTests : IDisposable
{
    private const string Old = "https://cdn.discordapp.com/attachments/1/2/fox.png?ex=68a1c2ff&is=68a0717f&hm=deadbeef&";
    private const string Fresh = "https://cdn.discordapp.com/attachments/1/2/fox.png?ex=69000000&is=68ffffff&hm=cafebabe&";
    private readonly TempFolder _temp = new();
    private readonly FakeHttpHandler _http = new();
    private int _refreshes;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AnExpiredUrlIsRefreshedOnceThenSucceeds()
    {
        _http.Serve(Old, () => FakeHttpHandler.Status(HttpStatusCode.Forbidden));
        _http.Serve(Fresh, () => FakeHttpHandler.Bytes(DownloadKit.Png));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("x", Old), _temp.Target, refresh: Refresh(Fresh));

        Assert.Equal("x.png", Assert.Single(files).Name);
        Assert.Equal(1, _refreshes);
        Assert.Equal(1, _http.CountFor(Old)); // 403 is not retried as transient
        Assert.Equal(1, _http.CountFor(Fresh));
    }

    [Fact]
    public async Task TheRefreshedTaskIsUsedForLaterFilesToo()
    {
        var oldTile = Old.Replace("fox.png", "tile.png");
        var freshTile = Fresh.Replace("fox.png", "tile.png");
        _http.Serve(Old, () => FakeHttpHandler.Status(HttpStatusCode.Forbidden));
        _http.Serve(oldTile, () => FakeHttpHandler.Status(HttpStatusCode.Forbidden));
        _http.Serve(Fresh, () => FakeHttpHandler.Bytes(DownloadKit.Png));
        _http.Serve(freshTile, () => FakeHttpHandler.Bytes(DownloadKit.Png));
        var task = DownloadKit.Task("x", Old, new[] { oldTile });
        var refreshed = DownloadKit.Task("x", Fresh, new[] { freshTile });

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { All = true }, RefreshTo(refreshed));

        Assert.Equal(2, files.Count);
        Assert.Equal(1, _refreshes);
        Assert.Equal(0, _http.CountFor(oldTile));
    }

    [Fact]
    public async Task StillExpiredAfterTheRefreshSaysToRefetch()
    {
        _http.Serve(Old, () => FakeHttpHandler.Status(HttpStatusCode.Forbidden));
        _http.Serve(Fresh, () => FakeHttpHandler.Status(HttpStatusCode.Forbidden));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("x", Old), _temp.Target, refresh: Refresh(Fresh)));

        Assert.Equal(1, _refreshes);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("expired", ex.Message);
        Assert.Contains("no longer serves this image", ex.Message); // the fresh link refused too: it may be gone
        Assert.Contains("Re-fetch", ex.Message);
        Assert.Contains("Get-MjTask x", ex.Message);
        AssertNoQuery(ex);
        Assert.Empty(_temp.AllFiles());
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task WithoutARefreshAnExpiredUrlSaysToRefetch(HttpStatusCode status)
    {
        _http.Serve(Old, () => FakeHttpHandler.Status(status));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() => DownloadKit.Downloader(_http).Run(DownloadKit.Task("x", Old), _temp.Target));

        Assert.Equal(status, ex.StatusCode);
        Assert.Contains("Re-fetch", ex.Message);
        AssertNoQuery(ex);
    }

    [Fact]
    public async Task AnUnsignedNotFoundIsNotTreatedAsExpired()
    {
        _http.Serve("http://h/gone.png", () => FakeHttpHandler.Status(HttpStatusCode.NotFound));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("x", "http://h/gone.png"), _temp.Target, refresh: Refresh(Fresh)));

        Assert.Equal(0, _refreshes);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("http://h/gone.png", ex.Url);
    }

    [Fact]
    public async Task TheFullSignedUrlIsRequestedButNeverReported()
    {
        _http.Serve(Old, () => FakeHttpHandler.Status(HttpStatusCode.InternalServerError));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("x", Old), _temp.Target, new MjDownloadOptions { MaxRetries = 1 }));

        // Stripping the query would break the signature (reference §6 item 7).
        Assert.All(_http.Seen, s => Assert.Equal(Old, s.Url));
        Assert.Equal("https://cdn.discordapp.com/attachments/1/2/fox.png", ex.Url);
        AssertNoQuery(ex);
    }

    private static void AssertNoQuery(MjDownloadException ex)
    {
        Assert.DoesNotContain("hm=", ex.Message);
        Assert.DoesNotContain("?", ex.Url);
        Assert.DoesNotContain("hm=", ex.ToString());
    }

    private Func<CancellationToken, Task<MjTask>> Refresh(string url) => RefreshTo(DownloadKit.Task("x", url));

    private Func<CancellationToken, Task<MjTask>> RefreshTo(MjTask task) => _ =>
    {
        Interlocked.Increment(ref _refreshes);
        return Task.FromResult(task);
    };
}
