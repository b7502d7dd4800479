using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Midjourney.Client.Tests.Downloads;

public sealed class DownloadNamingTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeHttpHandler _http = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("image/png", "1748.png")]
    [InlineData("image/jpeg", "1748.jpg")]
    [InlineData("image/webp", "1748.webp")]
    [InlineData("image/gif", "1748.gif")]
    [InlineData("IMAGE/PNG", "1748.png")]
    [InlineData("application/octet-stream", "1748.bin")]
    [InlineData(null, "1748.bin")]
    public async Task MainImageIsNamedByIdAndContentType(string? contentType, string expected)
    {
        _http.Serve("http://h/img", () => FakeHttpHandler.Bytes(DownloadKit.Png, contentType));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("1748", "http://h/img"), _temp.Target);

        Assert.Equal(expected, Assert.Single(files).Name);
        Assert.Equal(new[] { expected }, _temp.TargetFiles());
        Assert.Equal(DownloadKit.Png, File.ReadAllBytes(files[0].FullName));
    }

    [Theory]
    [InlineData("http://h/x.jpeg", "t.jpeg")]
    [InlineData("http://h/dir/x.JPG", "t.bin")] // not lowercase
    [InlineData("http://h/x.toolong", "t.bin")] // over 5 characters
    [InlineData("http://h/x.p-g", "t.bin")]
    [InlineData("http://h/x", "t.bin")]
    [InlineData("http://h/x.png?format=webp", "t.png")] // the path decides, never the query
    public async Task WithoutKnownContentTypeTheUrlPathExtensionIsUsedOnlyWhenPlain(string url, string expected)
    {
        _http.Serve(url, () => FakeHttpHandler.Bytes(DownloadKit.Png, "application/octet-stream"));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("t", url), _temp.Target);

        Assert.Equal(expected, Assert.Single(files).Name);
    }

    [Fact]
    public async Task WithoutAllOnlyTheMainImageIsSaved()
    {
        ServeTiles();

        var files = await DownloadKit.Downloader(_http).Run(GridTask(), _temp.Target);

        Assert.Equal(new[] { "42.png" }, files.Select(f => f.Name));
        Assert.Equal(0, _http.CountFor("http://h/0_0.png"));
    }

    [Fact]
    public async Task AllAlsoSavesTilesNumberedFromOne()
    {
        ServeTiles();

        var files = await DownloadKit.Downloader(_http).Run(GridTask(), _temp.Target, new MjDownloadOptions { All = true });

        Assert.Equal(new[] { "42.png", "42_1.png", "42_2.png", "42_3.png", "42_4.png" }, files.Select(f => f.Name));
        Assert.Equal(files.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal), _temp.TargetFiles());
    }

    [Fact]
    public async Task IncludeVideosSavesVideosAndDeduplicates()
    {
        _http.Serve("http://h/grid.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        _http.Serve("http://h/v.mp4", () => FakeHttpHandler.Bytes(new byte[] { 1 }, "video/mp4"));
        _http.Serve("http://h/v2", () => FakeHttpHandler.Bytes(new byte[] { 2 }, "video/webm"));
        var task = DownloadKit.Task("9", "http://h/grid.png", videoUrl: "http://h/v.mp4", videoUrls: new[] { "http://h/v.mp4", "http://h/v2" });

        var without = await DownloadKit.Downloader(_http).Run(task, _temp.Target);
        Assert.Equal(new[] { "9.png" }, without.Select(f => f.Name));

        var with = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true, Overwrite = true });

        Assert.Equal(new[] { "9.png", "9.mp4", "9_1.mp4", "9_2.webm" }, with.Select(f => f.Name));
        Assert.Equal(1, _http.CountFor("http://h/v.mp4"));
    }

    [Fact]
    public async Task AVideoServedAsAnImageTypeIsStillNamedMp4SoItNeverMeetsTheCover()
    {
        // The simulator serves its videos as APNG; the cover is a PNG too.
        _http.Serve("http://h/cover.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        _http.Serve("http://h/video_0.png", () => FakeHttpHandler.Bytes(DownloadKit.Png, "image/apng"));
        var task = DownloadKit.Task("v", "http://h/cover.png", videoUrl: "http://h/video_0.png");

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true });

        Assert.Equal(new[] { "v.png", "v.mp4" }, files.Select(f => f.Name));
    }

    [Fact]
    public async Task TilesAreNumberedByPositionEvenWhenTheFirstIsTheMainImage()
    {
        // taskapi: the main image is the first of four.
        ServeTiles();
        var task = DownloadKit.Task("t", "http://h/0_0.png", new[] { "http://h/0_0.png", "http://h/0_1.png", "http://h/0_2.png", "http://h/0_3.png" });

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { All = true });

        Assert.Equal(new[] { "t.png", "t_1.png", "t_2.png", "t_3.png", "t_4.png" }, files.Select(f => f.Name));
        Assert.Equal(1, _http.CountFor("http://h/0_0.png"));
        Assert.Equal(File.ReadAllBytes(files[0].FullName), File.ReadAllBytes(files[1].FullName));
    }

    [Fact]
    public async Task OneImageUrlBesideTheMainImageIsNotATile()
    {
        _http.Serve("http://h/up.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        var task = DownloadKit.Task("u", "http://h/up.png", new[] { "http://h/up.png" });

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { All = true });

        Assert.Equal(new[] { "u.png" }, files.Select(f => f.Name));
        Assert.False(DownloadPlan.HasTiles(task));
        Assert.True(DownloadPlan.HasTiles(GridTask()));
    }

    [Fact]
    public async Task IdenticalUrlsAreFetchedOnce()
    {
        _http.Serve("http://h/same.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        _http.Serve("http://h/other.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        var task = DownloadKit.Task("d", "http://h/same.png", new[] { "http://h/same.png", "http://h/other.png", "http://h/other.png" });

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { All = true });

        Assert.Equal(new[] { "d.png", "d_1.png", "d_2.png", "d_3.png" }, files.Select(f => f.Name));
        Assert.Equal(1, _http.CountFor("http://h/same.png"));
        Assert.Equal(1, _http.CountFor("http://h/other.png"));
    }

    [Fact]
    public async Task AnImageAndAVideoOfUnknownTypeDoNotMeet()
    {
        // Both would fall back to .bin; a video is always named with a video extension.
        _http.Serve("http://h/a", () => FakeHttpHandler.Bytes(new byte[] { 1 }, null));
        _http.Serve("http://h/b", () => FakeHttpHandler.Bytes(new byte[] { 2 }, null));
        var task = DownloadKit.Task("s", "http://h/a", videoUrl: "http://h/b");

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true });

        Assert.Equal(new[] { "s.bin", "s.mp4" }, files.Select(f => f.Name));
    }

    [Fact]
    public void ATaskWithNothingToSaveIsToldApartBeforeAnyRequest()
    {
        var shorten = new MjTask("n") { Status = MjTaskStatus.Success, Action = "SHORTEN" };

        Assert.Contains("no image URL", DownloadPlan.NothingToSave(shorten, new MjDownloadOptions()));
        Assert.Null(DownloadPlan.NothingToSave(GridTask(), new MjDownloadOptions()));
        Assert.Empty(_http.Seen);
    }

    [Theory]
    [InlineData(MjTaskStatus.Failure, "Banned prompt detected")]
    [InlineData(MjTaskStatus.InProgress, null)]
    [InlineData(MjTaskStatus.Cancelled, null)]
    public async Task ATaskThatIsNotSuccessIsAnErrorSayingWhy(MjTaskStatus status, string? failReason)
    {
        var task = new MjTask("f1") { Status = status, FailReason = failReason, ImageUrl = "http://h/x.png" };

        var ex = await Assert.ThrowsAsync<MjDownloadException>(() => DownloadKit.Downloader(_http).Run(task, _temp.Target));

        Assert.Contains(status.ToString(), ex.Message);
        if (failReason is not null)
        {
            Assert.Contains(failReason, ex.Message);
        }

        Assert.Empty(_http.Seen);
    }

    [Fact]
    public async Task ATaskWithNothingToSaveIsAnErrorWithAHint()
    {
        var onlyTiles = DownloadKit.Task("n", null, new[] { "http://h/1.png" });
        var onlyVideo = DownloadKit.Task("n", null, videoUrl: "http://h/v.mp4");

        var tiles = await Assert.ThrowsAsync<MjDownloadException>(() => DownloadKit.Downloader(_http).Run(onlyTiles, _temp.Target));
        var video = await Assert.ThrowsAsync<MjDownloadException>(() => DownloadKit.Downloader(_http).Run(onlyVideo, _temp.Target));

        Assert.Contains("All", tiles.Message);
        Assert.Contains("IncludeVideos", video.Message);
    }

    private static MjTask GridTask() => DownloadKit.Task(
        "42",
        "http://h/grid.png",
        new[] { "http://h/0_0.png", "http://h/0_1.png", "http://h/0_2.png", "http://h/0_3.png" });

    private void ServeTiles()
    {
        _http.Serve("http://h/grid.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        for (var i = 0; i < 4; i++)
        {
            _http.Serve($"http://h/0_{i}.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        }
    }
}
