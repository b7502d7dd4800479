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
    [InlineData("http://h/x.mp4", "t.mp4")]
    [InlineData("http://h/x.exe", "t.bin")] // a server never chooses a file that runs or opens as a page
    [InlineData("http://h/x.ps1", "t.bin")]
    [InlineData("http://h/x.bat", "t.bin")]
    [InlineData("http://h/x.lnk", "t.bin")]
    [InlineData("http://h/x.hta", "t.bin")]
    [InlineData("http://h/x.html", "t.bin")]
    [InlineData("http://h/x.svg", "t.bin")]
    [InlineData("http://h/x.js", "t.bin")]
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
    public async Task IncludeVideosSavesEachDistinctVideoUrlOnce()
    {
        _http.Serve("http://h/grid.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        _http.Serve("http://h/v.mp4", () => FakeHttpHandler.Bytes(new byte[] { 1 }, "video/mp4"));
        _http.Serve("http://h/v2", () => FakeHttpHandler.Bytes(new byte[] { 2 }, "video/webm"));
        var task = DownloadKit.Task("9", "http://h/grid.png", videoUrl: "http://h/v.mp4", videoUrls: new[] { "http://h/v.mp4", "http://h/v2" });

        var without = await DownloadKit.Downloader(_http).Run(task, _temp.Target);
        Assert.Equal(new[] { "9.png" }, without.Select(f => f.Name));

        var with = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true, Overwrite = true });

        // videoUrl is the first of the list: it is saved once, by its position.
        Assert.Equal(new[] { "9.png", "9_1.mp4", "9_2.webm" }, with.Select(f => f.Name));
        Assert.Equal(1, _http.CountFor("http://h/v.mp4"));
    }

    [Fact]
    public async Task OneVideoRepeatedInTheListIsOneFile()
    {
        _http.Serve("http://h/cover.png", () => FakeHttpHandler.Bytes(DownloadKit.Png));
        _http.Serve("http://h/v.mp4", () => FakeHttpHandler.Bytes(Mp4Head, "video/mp4"));
        var task = DownloadKit.Task("1", "http://h/cover.png", videoUrl: "http://h/v.mp4", videoUrls: new[] { "http://h/v.mp4" });

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true });

        Assert.Equal(new[] { "1.png", "1.mp4" }, files.Select(f => f.Name));
    }

    [Fact]
    public async Task AVideoThatIsTheMainImageIsNotSavedTwice()
    {
        // TrueAI 11.10.3 (TaskInfo): a video task's imageUrl is its first video, and imageUrls repeat videoUrls.
        _http.Serve("http://h/0_0.mp4", () => FakeHttpHandler.Bytes(Mp4Head, "video/mp4"));
        _http.Serve("http://h/0_1.mp4", () => FakeHttpHandler.Bytes(Mp4Head.Concat(new byte[] { 1 }).ToArray(), "video/mp4"));
        var videos = new[] { "http://h/0_0.mp4", "http://h/0_1.mp4" };
        var task = DownloadKit.Task("t", "http://h/0_0.mp4", videos, videoUrl: "http://h/0_0.mp4", videoUrls: videos);

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true });

        Assert.Equal(new[] { "t.mp4", "t_2.mp4" }, files.Select(f => f.Name));
        Assert.Equal(1, _http.CountFor("http://h/0_0.mp4"));
        Assert.Equal(1, _http.CountFor("http://h/0_1.mp4"));
    }

    [Fact]
    public async Task AVideoTaskHasNoTilesItsImageUrlsAreItsVideos()
    {
        // TrueAI's imageUrls repeat a video task's videoUrls: -All finds no tiles, and -All with videos names them as videos.
        _http.Serve("http://h/0_0.mp4", () => FakeHttpHandler.Bytes(Mp4Head, "video/mp4"));
        _http.Serve("http://h/0_1.mp4", () => FakeHttpHandler.Bytes(Mp4Head.Concat(new byte[] { 1 }).ToArray(), "video/mp4"));
        var videos = new[] { "http://h/0_0.mp4", "http://h/0_1.mp4" };
        var task = DownloadKit.Task("t", "http://h/0_0.mp4", videos, videoUrl: "http://h/0_0.mp4", videoUrls: videos);

        Assert.False(DownloadPlan.HasTiles(task));
        var all = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { All = true });
        Assert.Equal(new[] { "t.mp4" }, all.Select(f => f.Name));
        var both = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { All = true, IncludeVideos = true, Overwrite = true });
        Assert.Equal(new[] { "t.mp4", "t_2.mp4" }, both.Select(f => f.Name));
        Assert.True(DownloadPlan.HasTiles(DownloadKit.Task("g", "http://h/grid.png", new[] { "http://h/1.png", "http://h/2.png" })));
    }

    [Theory]
    [InlineData("video/mp4", "png")]  // the simulator's APNG "videos", or a server that labels everything video/mp4
    [InlineData("image/png", "jpg")]
    [InlineData("application/octet-stream", "mp4")]
    [InlineData("image/png", "webm")]
    [InlineData(null, "gif")]
    [InlineData(null, "webp")]
    public async Task TheFirstBytesNameTheFileWhateverItsContentType(string? contentType, string format)
    {
        var bytes = Head(format);
        _http.Serve("http://h/file.mp4", () => FakeHttpHandler.Bytes(bytes, contentType));

        var files = await DownloadKit.Downloader(_http).Run(DownloadKit.Task("m", "http://h/file.mp4"), _temp.Target);

        Assert.Equal("m." + format, Assert.Single(files).Name);
        Assert.Equal(new[] { "m." + format }, _temp.TargetFiles());
    }

    [Fact]
    public async Task AVideoThatIsAPngIsNamedPngBesideTheCover()
    {
        // The simulator serves its videos as APNG (image/apng); the cover is a PNG too, so the video is <id>-2.png.
        _http.Serve("http://h/cover.png", () => FakeHttpHandler.Bytes(Head("png")));
        _http.Serve("http://h/video_0.png", () => FakeHttpHandler.Bytes(Head("png").Concat(new byte[] { 9 }).ToArray(), "image/apng"));
        var task = DownloadKit.Task("v", "http://h/cover.png", videoUrl: "http://h/video_0.png");

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true });

        Assert.Equal(new[] { "v.png", "v-2.png" }, files.Select(f => f.Name));
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
        // Neither says what it is: both are .bin (never a made-up .mp4), and the second gets its own name.
        _http.Serve("http://h/a", () => FakeHttpHandler.Bytes(new byte[] { 1 }, null));
        _http.Serve("http://h/b", () => FakeHttpHandler.Bytes(new byte[] { 2 }, null));
        var task = DownloadKit.Task("s", "http://h/a", videoUrl: "http://h/b");

        var files = await DownloadKit.Downloader(_http).Run(task, _temp.Target, new MjDownloadOptions { IncludeVideos = true });

        Assert.Equal(new[] { "s.bin", "s-2.bin" }, files.Select(f => f.Name));
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

    private static readonly byte[] Mp4Head = { 0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0 };

    /// <summary>The first bytes of a file of <paramref name="format"/>, as a server would send them.</summary>
    private static byte[] Head(string format) => format switch
    {
        "png" => new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R' },
        "jpg" => new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1 },
        "gif" => System.Text.Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000"),
        "webp" => System.Text.Encoding.ASCII.GetBytes("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "),
        "mp4" => Mp4Head,
        "webm" => new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0xF7, 0x81 },
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

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
