using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Client.Tests.Downloads;

public sealed class DownloadLimitsTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeHttpHandler _http = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ADeclaredLengthOverTheCapIsRefusedBeforeWriting()
    {
        _http.Serve("http://h/big.png", () => FakeHttpHandler.Bytes(new byte[1000]));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("b", "http://h/big.png"), _temp.Target, new MjDownloadOptions { MaxBytes = 100 }));

        Assert.Contains("MaxBytes", ex.Message);
        Assert.Empty(_temp.AllFiles());
        Assert.Equal(1, _http.CountFor("http://h/big.png")); // not retried
    }

    [Theory]
    [InlineData(10L)] // declared small, sends more
    [InlineData(null)] // not declared
    public async Task ABodyLongerThanTheCapIsStoppedAndDeleted(long? declared)
    {
        _http.Serve("http://h/liar.png", () => FakeHttpHandler.Stream(new MemoryStream(new byte[500_000]), "image/png", declared));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("l", "http://h/liar.png"), _temp.Target, new MjDownloadOptions { MaxBytes = 100_000 }));

        Assert.Contains("100000", ex.Message);
        Assert.Empty(_temp.AllFiles());
    }

    [Fact]
    public async Task ExactlyTheCapIsAccepted()
    {
        _http.Serve("http://h/fit.png", () => FakeHttpHandler.Bytes(new byte[100]));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("f", "http://h/fit.png"), _temp.Target, new MjDownloadOptions { MaxBytes = 100 });

        Assert.Equal(100, Assert.Single(files).Length);
    }

    [Fact]
    public async Task AnExistingFileIsAnErrorWithoutOverwrite()
    {
        _http.Serve("http://h/x.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        Directory.CreateDirectory(_temp.Target);
        var existing = Path.Combine(_temp.Target, "e.png");
        File.WriteAllText(existing, "keep me");

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("e", "http://h/x.png"), _temp.Target));

        Assert.Equal(Path.GetFullPath(existing), ex.FilePath);
        Assert.Contains(existing, ex.Message);
        Assert.Contains("Overwrite", ex.Message);
        Assert.Contains("-Force", ex.Message);
        Assert.Equal("keep me", File.ReadAllText(existing));
        Assert.Equal(new[] { "e.png" }, _temp.TargetFiles());
    }

    [Fact]
    public async Task OverwriteReplacesTheFile()
    {
        _http.Serve("http://h/x.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        Directory.CreateDirectory(_temp.Target);
        var existing = Path.Combine(_temp.Target, "e.png");
        File.WriteAllText(existing, "old");

        await DownloadKit.Downloader(_http).Run(DownloadKit.Task("e", "http://h/x.png"), _temp.Target, new MjDownloadOptions { Overwrite = true });

        Assert.Equal(DownloadKit.Png, File.ReadAllBytes(existing));
        Assert.Equal(new[] { "e.png" }, _temp.TargetFiles());
    }

    [Fact]
    public void OptionsHaveTheDocumentedDefaultsAndRefuseNonsense()
    {
        var options = new MjDownloadOptions();

        Assert.False(options.All);
        Assert.False(options.IncludeVideos);
        Assert.False(options.Overwrite);
        Assert.Equal(256L * 1024 * 1024, options.MaxBytes);
        Assert.Equal(3, options.MaxRetries);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxBytes = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = -1);
    }

    [Fact]
    public async Task AnOtherClientErrorIsNotRetried()
    {
        _http.Serve("http://h/x.png", () => FakeHttpHandler.Status(HttpStatusCode.BadRequest));

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() =>
            DownloadKit.Downloader(_http).Run(DownloadKit.Task("e", "http://h/x.png"), _temp.Target));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(1, _http.CountFor("http://h/x.png"));
    }
}
