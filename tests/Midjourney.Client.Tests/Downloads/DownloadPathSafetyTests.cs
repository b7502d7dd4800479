using System;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Client.Tests.Downloads;

public sealed class DownloadPathSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeHttpHandler _http = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("../../etc/passwd", "______etc_passwd.png")]
    [InlineData("..\\x", "___x.png")]
    [InlineData("/abs", "_abs.png")]
    [InlineData("C:\\x", "C__x.png")]
    [InlineData("a/b", "a_b.png")]
    [InlineData("a\0b", "a_b.png")]
    [InlineData("..", "__.png")]
    [InlineData("", "task.png")]
    [InlineData("CON", "_CON.png")]
    [InlineData("ok_id-1", "ok_id-1.png")]
    public async Task HostileTaskIdsNeverLeaveTheFolder(string id, string expected)
    {
        _http.Serve("http://h/x.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task(id, "http://h/x.png"), _temp.Target);

        Assert.Equal(expected, Assert.Single(files).Name);
        Assert.Equal(new[] { "a/b/downloads/" + expected }, _temp.AllFiles());
    }

    [Theory]
    [InlineData("http://h/../../x.png", null, "u.png")]
    [InlineData("http://h/a.png%2F..%2F..%2Fz", null, "u.bin")]
    [InlineData("http://h/a.png%2F..%2F..%2Fz", "image/webp", "u.webp")]
    [InlineData("http://h/evil.sh?x=.png", "image/png", "u.png")]
    [InlineData("http://h/evil.sh?x=.png", null, "u.bin")] // a script's extension is never taken from the URL
    [InlineData("http://h/..%5C..%5Cwin.ini", null, "u.bin")] // nor any other that is no picture or video
    public async Task HostileUrlsNeverNameTheFile(string url, string? contentType, string expected)
    {
        _http.Serve(url, () => FakeHttpHandler.Bytes(DownloadKit.Png, contentType));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("u", url), _temp.Target);

        Assert.Equal(expected, Assert.Single(files).Name);
        Assert.Equal(new[] { "a/b/downloads/" + expected }, _temp.AllFiles());
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://h/x.png")]
    [InlineData("/relative/x.png")]
    [InlineData("not a url")]
    public async Task OnlyHttpUrlsAreFetched(string url)
    {
        var ex = await Assert.ThrowsAsync<MjDownloadException>(() => DownloadKit.Downloader(_http).Run(DownloadKit.Task("u", url), _temp.Target));

        Assert.Contains("http", ex.Message);
        Assert.Empty(_http.Seen);
        Assert.Empty(_temp.AllFiles());
    }

    [Theory]
    [InlineData("../x.png")]
    [InlineData("sub/x.png")]
    [InlineData("/etc/x.png")]
    [InlineData("..")]
    public void PathInsideRefusesAnythingButAPlainName(string name)
    {
        Assert.Throws<InvalidOperationException>(() => DownloadFileNames.PathInside(_temp.Target, name));
    }

    [Fact]
    public void PathInsideAcceptsAPlainName()
    {
        var path = DownloadFileNames.PathInside(_temp.Target, "x.png");

        Assert.Equal(System.IO.Path.Combine(System.IO.Path.GetFullPath(_temp.Target), "x.png"), path);
    }

    [Fact]
    public async Task TheFolderIsCreatedWhenMissing()
    {
        _http.Serve("http://h/x.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        Assert.False(System.IO.Directory.Exists(_temp.Target));

        await DownloadKit.Downloader(_http).Run(DownloadKit.Task("c", "http://h/x.png"), _temp.Target);

        Assert.Equal(new[] { "c.png" }, _temp.TargetFiles());
    }
}
