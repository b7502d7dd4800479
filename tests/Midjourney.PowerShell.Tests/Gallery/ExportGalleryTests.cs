using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AngleSharp.Html.Parser;
using Midjourney.Client;
using Midjourney.Imaging;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Operations.Gallery;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Xunit;

namespace Midjourney.PowerShell.Tests.Gallery;

/// <summary>
/// A batch output folder made by hand (state file, tagged PNGs, a video saved beside it) read into cards and written
/// as a page: rows in order with their prompts and reasons, -WhatIf, -Force, previews kept on a second export.
/// </summary>
public sealed class ExportGalleryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mjgallery-tests-" + Guid.NewGuid().ToString("N"));

    public ExportGalleryTests() => Directory.CreateDirectory(_folder);

    private string StatePath => Path.Combine(_folder, BatchStateFile.DefaultName);

    private string PageFolder => Path.Combine(_folder, "gallery");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_batch_folder_reads_as_one_card_per_row_in_order_then_the_other_saved_tasks()
    {
        MakeNight();

        var cards = BatchFolderCards.Read(_folder, StatePath);

        Assert.Equal(4, cards.Count);
        var (grid, upscaled, failed, video) = (cards[0], cards[1], cards[2], cards[3]);
        Assert.Equal((1, GalleryStatus.Done, "red fox --ar 3:2"), (grid.Row!.Value, grid.Status, grid.Prompt));
        Assert.Equal(GalleryMediaKind.Grid, grid.Media.Single().Kind);
        Assert.Equal(new[] { "U1", "U2", "U3", "U4", "🔄", "V1", "V2", "V3", "V4" }, grid.Tasks.Single().Buttons);

        Assert.Equal(new[] { "200", "201", "202" }, upscaled.Tasks.Select(t => t.Id));
        Assert.Equal(new[] { null, "U1", "U2" }, upscaled.Tasks.Select(t => t.Via));
        Assert.Equal(new[] { "U1", "U2" }, upscaled.Media.Select(m => m.Caption));
        Assert.All(upscaled.Media, m => Assert.Equal(GalleryMediaKind.Image, m.Kind));

        Assert.Equal((3, GalleryStatus.Failed, "a blood moon"), (failed.Row!.Value, failed.Status, failed.Prompt));
        Assert.Equal("Task 300 ended Failure: 可能包含敏感词", failed.Reason);
        Assert.Empty(failed.Media);

        Assert.Null(video.Row);
        Assert.Equal(("a mug", "VIDEO"), (video.Prompt, video.Tasks.Single().Action));
        var media = video.Media.Single();
        Assert.Equal((GalleryMediaKind.Video, "400.mp4", "400.png"), (media.Kind, Path.GetFileName(media.File), Path.GetFileName(media.PreviewSource)));
        Assert.Equal(new[] { ("2", "400_2.mp4") }, media.Extras.Select(e => (e.Label, Path.GetFileName(e.File))));
    }

    [Fact]
    public async Task The_page_links_every_picture_relatively_and_its_previews_are_small_jpegs()
    {
        MakeNight();
        var output = new RecordingOutput();

        await Export(output);

        Assert.Empty(output.Errors);
        var html = File.ReadAllText(Path.Combine(PageFolder, "index.html"));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(4, document.QuerySelectorAll("article.card").Length);
        foreach (var link in document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
        {
            Assert.False(Uri.TryCreate(link, UriKind.Absolute, out _), link);
            Assert.True(File.Exists(Path.Combine(PageFolder, Uri.UnescapeDataString(link))), link);
        }

        var previews = Directory.GetFiles(Path.Combine(PageFolder, GalleryThumbnails.Folder));
        Assert.Equal(4, previews.Length); // the grid, two upscales, the video's cover
        Assert.All(previews, p => Assert.True(new FileInfo(p).Length <= GalleryThumbnails.MaxBytes));
        Assert.Contains("../400.mp4", document.QuerySelectorAll("figure.video a").Select(a => a.GetAttribute("href")));
        Assert.True(File.Exists(Path.Combine(PageFolder, GalleryAssets.StyleName)));
        Assert.True(File.Exists(Path.Combine(PageFolder, GalleryAssets.ScriptName)));
        Assert.Contains(output.Progress, p => p.Completed);
    }

    [Fact]
    public async Task An_existing_page_needs_Force_and_a_second_export_keeps_current_previews()
    {
        MakeNight();
        await Export(new RecordingOutput());
        var previews = Directory.GetFiles(Path.Combine(PageFolder, GalleryThumbnails.Folder)).ToDictionary(p => p, File.GetLastWriteTimeUtc);

        var refused = new RecordingOutput();
        await Export(refused);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(MjErrorCategory.ResourceExists, error.Category);
        Assert.Contains("Use -Force", error.Message, StringComparison.Ordinal);

        var forced = new RecordingOutput();
        await Export(forced, force: true);
        Assert.Empty(forced.Errors);
        Assert.All(previews, p => Assert.Equal(p.Value, File.GetLastWriteTimeUtc(p.Key)));
    }

    [Fact]
    public async Task WhatIf_reads_and_asks_but_writes_nothing()
    {
        MakeNight();
        var output = new RecordingOutput { Confirm = false };

        await Export(output);

        Assert.Equal((PageFolder, "Write a gallery page of 4 card(s)"), Assert.Single(output.ShouldProcessCalls));
        Assert.False(Directory.Exists(PageFolder));
    }

    [Fact]
    public async Task A_picture_that_cannot_be_read_keeps_its_card_with_a_warning()
    {
        MakeNight();
        File.WriteAllText(Path.Combine(_folder, "100.png"), "not a png");
        var output = new RecordingOutput();

        await Export(output);

        Assert.Empty(output.Errors);
        Assert.Contains(output.Warnings, w => w.Contains("No preview of", StringComparison.Ordinal) && w.Contains("100.png", StringComparison.Ordinal));
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(PageFolder, "index.html")));
        Assert.Equal("100.png", document.QuerySelector("article .nopreview")!.TextContent);
    }

    [Fact]
    public async Task A_picture_over_the_memory_limit_is_not_read_for_its_preview()
    {
        MakeNight();
        using (var big = new FileStream(Path.Combine(_folder, "100.png"), FileMode.Create))
        {
            big.SetLength(MjLimits.MaxImageBytes + 1); // sparse: costs no disk
        }

        var output = new RecordingOutput();

        await Export(output);

        Assert.Empty(output.Errors);
        Assert.Contains(output.Warnings, w => w.Contains("No preview of", StringComparison.Ordinal) && w.Contains("MjLimits.MaxImageBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_picture_is_refused_before_it_is_decoded_and_a_detailed_one_still_fits_40_KB()
    {
        var huge = TestPng.Black(12_000, 12_000); // 144 megapixels in a small file
        var refused = Assert.Throws<ImageFailure>(() => Thumbnailer.Make(huge, "'huge.png'", GalleryThumbnails.MaxSide, GalleryThumbnails.MaxBytes));
        Assert.Contains("12000x12000", refused.Message, StringComparison.Ordinal);

        var noise = Noise(1600, 1000);
        var thumbnail = Thumbnailer.Make(noise, "'noise.png'", GalleryThumbnails.MaxSide, GalleryThumbnails.MaxBytes);
        Assert.True(thumbnail.Jpeg.Length <= GalleryThumbnails.MaxBytes, $"{thumbnail.Jpeg.Length} bytes");
        Assert.True(thumbnail.Width <= GalleryThumbnails.MaxSide && thumbnail.Height <= GalleryThumbnails.MaxSide);
        Assert.Equal(1.6, (double)thumbnail.Width / thumbnail.Height, 1);
        Assert.Equal((thumbnail.Width, thumbnail.Height), ImageCodec.ReadSize(thumbnail.Jpeg));
    }

    [Fact]
    public async Task Piped_tasks_get_their_pictures_downloaded_once_beside_the_page_and_a_failed_one_its_reason()
    {
        await using var sim = await SimHarness.StartAsync();
        var grid = await sim.ImagineAndWaitAsync("red fox in snow --ar 3:2");
        var client = sim.Connection.Client;
        var banned = await client.WaitAsync((await client.ImagineAsync(new MjImagineRequest("a blood moon"))).Id, new MjWaitOptions { MinPollInterval = SimHarness.Poll });
        var output = new RecordingOutput();
        var options = new ExportGalleryOptions { Items = new List<object> { grid, banned, grid }, OutputPath = PageFolder };

        await new ExportGalleryOperation(sim.Session).RunAsync(options, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        Assert.Equal(new[] { Path.Combine(PageFolder, ExportGalleryOperation.MediaFolder, grid.Id + ".png") }, Directory.GetFiles(Path.Combine(PageFolder, ExportGalleryOperation.MediaFolder)));
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(PageFolder, "index.html")));
        var cards = document.QuerySelectorAll("article.card");
        Assert.Equal(new[] { "done", "failed" }, cards.Select(c => c.GetAttribute("data-status")));
        Assert.Equal($"media/{grid.Id}.png", cards[0].QuerySelector("figure a")!.GetAttribute("href"));
        Assert.Equal($"Get-MjTask {grid.Id} | Invoke-MjButton -Label U1 -Wait", cards[0].QuerySelector(".commands code")!.TextContent);
        Assert.Equal(banned.FailReason, cards[1].QuerySelector(".reason")!.TextContent);
        Assert.Equal("New-MjImagine -Prompt 'a blood moon' -Wait", cards[1].QuerySelector(".commands code")!.TextContent);
        Assert.Contains(output.Progress, p => p.StatusDescription == "Pictures of tasks: 1 of 1");
    }

    [Fact]
    public async Task An_empty_folder_warns_and_a_missing_one_is_an_error_that_says_which()
    {
        var empty = new RecordingOutput();
        await Export(empty);
        Assert.Contains(empty.Warnings, w => w.StartsWith("There is nothing to show", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(PageFolder, "index.html")));

        var missing = new RecordingOutput();
        var gone = Path.Combine(_folder, "never");
        var options = new ExportGalleryOptions { Items = new List<object> { new BatchFolder(gone, Path.Combine(gone, BatchStateFile.DefaultName)) }, OutputPath = Path.Combine(_folder, "page") };
        await new ExportGalleryOperation(new MjSession(_ => null)).RunAsync(options, missing, CancellationToken.None);
        var error = Assert.Single(missing.Errors);
        Assert.Equal(MjErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains(gone, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tasks_card_says_where_it_stands_in_words()
    {
        var running = TaskCards.From(new MjTask("1") { Action = "IMAGINE", Status = MjTaskStatus.InProgress, Progress = 40, Prompt = "a fox" });
        var waiting = TaskCards.From(new MjTask("2") { Action = "IMAGINE", Status = MjTaskStatus.NotStarted, Progress = 0 });
        var cancelled = TaskCards.From(new MjTask("3") { Action = "IMAGINE", Status = MjTaskStatus.Cancelled, FailReason = "cancelled by the user" });

        Assert.Equal((GalleryStatus.Running, "In progress 40%"), (running.Status, running.StatusText));
        Assert.Equal((GalleryStatus.Running, "Not started 0%"), (waiting.Status, waiting.StatusText));
        Assert.Equal((GalleryStatus.Failed, "Cancelled", "cancelled by the user"), (cancelled.Status, cancelled.StatusText, cancelled.Reason));
        Assert.Equal(new[] { "Get-MjTask 1 | Wait-MjTask | Save-MjImage" }, NextCommands.For(running, null));
    }

    [Theory]
    [InlineData(new[] { "500.png", "500_2.png", "500_3.png" }, "500.png", "500.png")] // TrueAI's first video is its image: <id>, then <id>_2...
    [InlineData(new[] { "600.mp4", "600_2.mp4" }, "600.mp4", null)]
    [InlineData(new[] { "700.png", "700_1.png", "700_2.png" }, "700_1.png", "700.png")] // a cover, then every video by number
    [InlineData(new[] { "800.png", "800.mp4", "800_2.mp4" }, "800.mp4", "800.png")] // a cover, the main video and another
    public void A_video_card_shows_its_first_video_and_its_cover_or_else_itself(string[] names, string video, string? preview)
    {
        var card = new GalleryCard();
        SavedFileCards.AddMedia(card, new GalleryTask(names[0][..3]) { Action = "VIDEO" }, names.Select(n => Path.Combine(_folder, n)).ToList());

        var media = Assert.Single(card.Media);
        Assert.Equal((GalleryMediaKind.Video, video, preview), (media.Kind, Path.GetFileName(media.File), media.PreviewSource is null ? null : Path.GetFileName(media.PreviewSource)));
        Assert.Equal(names.Count(n => n.Contains('_')), media.Extras.Count);
    }

    [Fact]
    public void Links_climb_out_of_the_page_folder_and_encode_each_segment()
    {
        var root = Path.GetPathRoot(Path.GetTempPath())!;
        var folder = Path.Combine(root, "night", "gallery");
        Assert.Equal("../a%23b%20%25c.png", RelativeLinks.From(folder, Path.Combine(root, "night", "a#b %c.png")));
        Assert.Equal("../../day/x.png", RelativeLinks.From(folder, Path.Combine(root, "day", "x.png")));
        Assert.Equal("thumbs/x.jpg", RelativeLinks.From(folder, Path.Combine(folder, "thumbs", "x.jpg")));
        if (OperatingSystem.IsWindows())
        {
            Assert.Null(RelativeLinks.From(@"C:\night", @"D:\x.png"));
        }
    }

    private Task Export(RecordingOutput output, bool force = false)
    {
        var options = new ExportGalleryOptions
        {
            Items = new List<object> { new BatchFolder(_folder, StatePath) },
            OutputPath = PageFolder,
            Force = force,
            Now = () => DateTimeOffset.UnixEpoch,
        };
        return new ExportGalleryOperation(new MjSession(_ => null)).RunAsync(options, output, CancellationToken.None);
    }

    /// <summary>
    /// Row 1: a grid saved; row 2: U1 and U2 saved; row 3: failed on the server; beside them a video saved by
    /// Save-MjImage -IncludeVideo -Sidecar (cover, two videos, sidecar).
    /// </summary>
    private void MakeNight()
    {
        var grid = Tagged("100.png", 64, 48, new MjTask("100") { Action = "IMAGINE", Prompt = "red fox --ar 3:2", Buttons = Buttons("100", "U1", "U2", "U3", "U4", "🔄", "V1", "V2", "V3", "V4") });
        Tagged("201.png", 32, 32, new MjTask("201") { Action = "UPSCALE", Prompt = "a fox", Buttons = Buttons("201", "Vary (Subtle)") });
        Tagged("202.png", 32, 32, new MjTask("202") { Action = "UPSCALE", Prompt = "a fox", Buttons = Buttons("202", "Vary (Subtle)") });
        File.WriteAllBytes(Path.Combine(_folder, "400.png"), TestPng.Mask(16, 16));
        File.WriteAllBytes(Path.Combine(_folder, "400.mp4"), new byte[] { 0, 0, 0, 24 });
        File.WriteAllBytes(Path.Combine(_folder, "400_2.mp4"), new byte[] { 0, 0, 0, 24 });
        File.WriteAllText(Path.Combine(_folder, "400.json"), ImageMetadata.ToJson(new MjImageInfo { TaskId = "400", Prompt = "a mug", Action = "VIDEO" }));

        using var state = BatchStateFile.Open(StatePath);
        void Add(string row, int index, string stage, Action<BatchEvent> fill)
        {
            var e = new BatchEvent { At = DateTimeOffset.UnixEpoch, Row = row, Index = index, Stage = stage };
            fill(e);
            state.Append(e);
        }

        Add("r3", 3, BatchStage.Intent, e => { e.Server = "http://sim/"; e.State = "mjb-3"; e.Prompt = "a blood moon"; });
        Add("r1", 1, BatchStage.Intent, e => { e.Server = "http://sim/"; e.State = "mjb-1"; e.Prompt = "red fox --ar 3:2"; });
        Add("r2", 2, BatchStage.Intent, e => { e.Server = "http://sim/"; e.State = "mjb-2"; e.Prompt = "a fox"; });
        Add("r1", 1, BatchStage.Submitted, e => e.Task = "100");
        Add("r2", 2, BatchStage.Submitted, e => e.Task = "200");
        Add("r3", 3, BatchStage.Submitted, e => e.Task = "300");
        Add("r1", 1, BatchStage.Finished, e => { e.Task = "100"; e.Status = "Success"; });
        Add("r2", 2, BatchStage.Finished, e => { e.Task = "200"; e.Status = "Success"; });
        Add("r3", 3, BatchStage.Finished, e => { e.Task = "300"; e.Status = "Failure"; });
        Add("r3", 3, BatchStage.Failed, e => e.Reason = "Task 300 ended Failure: 可能包含敏感词");
        Add("r2", 2, BatchStage.Clicked, e => { e.Label = "U1"; e.Tasks = new List<string> { "201" }; });
        Add("r2", 2, BatchStage.Clicked, e => { e.Label = "U2"; e.Tasks = new List<string> { "202" }; });
        Add("r1", 1, BatchStage.Saved, e => e.Files = new List<string> { Path.GetFileName(grid) });
        Add("r2", 2, BatchStage.Saved, e => e.Files = new List<string> { "201.png", "202.png" });
    }

    private string Tagged(string name, int width, int height, MjTask task)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, TestPng.Mask(width, height));
        Assert.True(ImageMetadata.WriteInto(path, ImageMetadata.From(task, null)));
        return path;
    }

    private static IReadOnlyList<MjButton> Buttons(string task, params string[] labels) =>
        labels.Select((label, i) => new MjButton(task, $"MJ::JOB::x::{i}::{task}", label.Length == 2 && char.IsDigit(label[1]) ? label : string.Empty, label.Length == 2 && char.IsDigit(label[1]) ? null : label)).ToList();

    private static byte[] Noise(int width, int height)
    {
        var random = new Random(7);
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return ImageCodec.EncodePng(bitmap);
    }
}
