using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.Hostile;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Xunit;

namespace Midjourney.PowerShell.Tests.Hostile;

/// <summary>
/// Issue 17 items 2, 4 and 5 for files: images over the pixel limit are refused from their header before a pixel is
/// allocated; HTML and random bytes are "not an image"; PNG text that inflates without end or not at all is a clean error;
/// a batch state file with null fields or a huge line is read without a .NET exception; every failure names the file,
/// and a bad file in a list fails alone.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mj-hostile-files-" + Guid.NewGuid().ToString("N"));

    public HostileFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_image_over_the_pixel_limit_is_refused_from_its_header_for_every_use()
    {
        var huge = HostileFiles.HugePng;

        var show = Assert.Throws<InvalidInputException>(() => ImageWork.RenderForTerminal(huge, "'huge.png'", "HalfBlock", 80, 0, false));
        var split = Assert.Throws<InvalidInputException>(() => ImageWork.SplitGrid(huge, "'huge.png'"));
        var png = Assert.Throws<InvalidInputException>(() => ImageWork.ToPng(FakeJpegHeader(), "'huge.jpg'"));
        var mask = Assert.Throws<InvalidInputException>(() => ImageWork.BuildMask(100_000, 100_000, new object[] { "0,0,10,10" }, false));

        foreach (var error in new[] { show, split, mask })
        {
            Assert.Contains("MjLimits.MaxImagePixels", error.Message);
        }

        Assert.Contains("'huge.png' is 20000x20000 (400 megapixels)", show.Message);
        Assert.Contains("'huge.jpg'", png.Message);
        Assert.Equal((20000, 20000), ImageWork.ReadSize(huge)); // its size is still readable
    }

    [Fact]
    public void A_file_that_never_ends_is_read_no_further_than_the_limit()
    {
        // A device or pipe says nothing of its length: File.ReadAllBytes read /dev/zero until it ran out of memory.
        if (!File.Exists("/dev/zero"))
        {
            return; // no such device here (Windows): the length check before reading covers a plain file
        }

        var link = Path.Combine(_folder, "zero.png");
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = Assert.Throws<InvalidInputException>(() => ImageFiles.Read(link));

        Assert.Contains("MjLimits.MaxImageBytes", error.Message);
        Assert.Contains(link, error.Message);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("random")]
    [InlineData("empty")]
    public void Bytes_that_are_no_image_say_so_by_name(string kind)
    {
        var bytes = kind switch { "html" => HostileFiles.Html, "random" => HostileFiles.Random(), _ => Array.Empty<byte>() };

        var show = Assert.Throws<InvalidInputException>(() => ImageWork.RenderForTerminal(bytes, "'x.png'", "Sixel", 40, 0, false));
        var split = Assert.Throws<InvalidInputException>(() => ImageWork.SplitGrid(bytes, "'x.png'"));

        Assert.Equal("'x.png' is not an image this module can read (PNG, JPEG, WebP or GIF).", show.Message);
        Assert.Equal(show.Message, split.Message);
    }

    [Fact]
    public void A_png_text_chunk_that_inflates_past_the_limit_or_not_at_all_is_a_clean_error()
    {
        var bomb = Write("bomb.png", HostileFiles.ZtxtBombPng(64L * 1024 * 1024));
        var corrupt = Write("corrupt.png", HostileFiles.CorruptZtxtPng());

        var tooBig = Assert.Throws<InvalidInputException>(() => ImageMetadata.Read(bomb));
        var damaged = Assert.Throws<InvalidInputException>(() => ImageMetadata.Read(corrupt));

        Assert.Contains($"'{bomb}' has a text chunk 'Midjourney' that inflates to more than 1 MB", tooBig.Message);
        Assert.Contains("MjLimits.MaxPngTextBytes", tooBig.Message);
        Assert.Contains($"'{corrupt}' has a damaged text chunk 'Comment'", damaged.Message);
    }

    [Fact]
    public void The_decoder_never_sees_text_chunks_so_a_text_bomb_costs_it_nothing()
    {
        var bomb = HostileFiles.ZtxtBombPng(700L * 1024 * 1024);
        var stripped = Midjourney.Imaging.PngText.WithoutText(bomb);

        Assert.True(stripped.Length < 200, $"{stripped.Length} bytes left");
        Assert.Equal((1, 1), ImageWork.ReadSize(bomb));
        Assert.NotEmpty(ImageWork.RenderForTerminal(bomb, "'bomb.png'", "HalfBlock", 8, 0, false));
        var plain = HostileFiles.SmallPng;
        Assert.Same(plain, Midjourney.Imaging.PngText.WithoutText(plain));
    }

    [Fact]
    public void Saving_metadata_into_a_png_with_a_bomb_chunk_does_not_inflate_it()
    {
        var bomb = HostileFiles.ZtxtBombPng(64L * 1024 * 1024);
        var tagged = ImageWork.WritePngText(bomb, new[] { new System.Collections.Generic.KeyValuePair<string, string>("Comment", "ok") });
        Assert.True(tagged.Length > bomb.Length);
    }

    [Fact]
    public void File_metadata_is_shown_without_escape_sequences_and_kept_raw()
    {
        var json = "{\"prompt\":\"a cat " + Escaped(Probes.Injection) + "\",\"taskId\":\"1\\u001b[2J\",\"server\":\"http://x\\u0007\"}";
        var file = Write("text.png", HostileFiles.TextPng("Midjourney", json));

        var info = ImageMetadata.Read(file);

        Assert.Equal("a cat click", info.Prompt);
        Assert.Equal("1", info.TaskId);
        Assert.Equal("http://x", info.Server);
        Assert.Contains(Probes.Injection, info.Raw!.Prompt);
    }

    [Fact]
    public void An_image_file_over_the_memory_limit_is_not_read()
    {
        var path = Path.Combine(_folder, "big.png");
        using (var stream = File.Create(path))
        {
            stream.SetLength(MjLimits.MaxImageBytes + 1); // sparse: costs no disk
        }

        var error = Assert.Throws<InvalidInputException>(() => ImageFiles.Read(path));
        Assert.Contains("MjLimits.MaxImageBytes", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task A_bad_file_in_a_list_fails_alone_and_the_others_are_split()
    {
        var good1 = Write("good1.png", HostileFiles.GrayPng(64, 64, 8));
        var huge = Write("huge.png", HostileFiles.HugePng);
        var html = Write("html.png", HostileFiles.Html);
        var bomb = Write("bomb.png", HostileFiles.ZtxtBombPng(16L * 1024 * 1024));
        var good2 = Write("good2.png", HostileFiles.GrayPng(32, 32, 8));
        var output = new RecordingOutput();

        await new ImageFileOperations(new MjSession(_ => null)).SplitAsync(new[] { good1, huge, html, bomb, good2 }, Path.Combine(_folder, "tiles"), false, output, CancellationToken.None);

        Assert.Equal(8, output.Objects.OfType<SavedFile>().Count());
        Assert.Equal(new[] { huge, html, bomb }, output.Errors.Select(e => e.Target?.ToString()?.Trim('\'')));
        Assert.All(output.Errors, e => Assert.Equal(MjErrorIds.InvalidInput, e.ErrorId));
        Assert.All(output.Errors, e => Assert.IsType<InvalidInputException>(e.Exception));
    }

    [Fact]
    public void A_state_file_with_null_fields_and_escape_sequences_is_read_without_a_dotnet_exception()
    {
        var text = string.Join("\n",
            "{\"row\":null,\"stage\":\"saved\"}",
            "{\"row\":\"r\",\"stage\":null}",
            "{\"row\":\"r\",\"index\":1,\"stage\":\"submitted\",\"task\":null}",
            "{\"row\":\"r\",\"index\":1,\"stage\":\"clicked\",\"label\":\"U1\",\"tasks\":[null,\"5\",\"6\\u001b[2J\"]}",
            "{\"row\":\"r\",\"index\":1,\"stage\":\"finished\",\"task\":null,\"status\":null}",
            "{\"row\":\"r\",\"index\":1,\"stage\":\"failed\",\"reason\":\"x\\u001b]52;c;aGk=\\u0007y\"}",
            "{\"row\":\"r\",\"index\":1,\"stage\":\"saved\",\"files\":[null,\"a.png\"]}",
            "[1,2,3]",
            "null",
            "{\"row\":\"s\",\"index\":\"x\",\"stage\":\"saved\"}");

        var (rows, skipped) = BatchStateFile.Read(text);

        var row = Assert.Single(rows).Value;
        Assert.Equal(new[] { "5" }, row.Clicks["U1"]);
        Assert.Equal(new[] { "a.png" }, row.Files);
        Assert.Equal("xy", row.FailedReason);
        Assert.Equal(5, skipped);
    }

    [Fact]
    public void A_state_line_over_the_limit_is_skipped_and_the_next_line_still_read()
    {
        var path = Path.Combine(_folder, ".mjbatch.jsonl");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("{\"row\":\"a\",\"index\":1,\"stage\":\"intent\",\"state\":\"");
            writer.Write(new string('x', MjLimits.MaxLineBytes + 100));
            writer.Write("\"}\n{\"row\":\"b\",\"index\":2,\"stage\":\"saved\",\"files\":[\"b.png\"]}\n");
        }

        var (rows, skipped) = BatchStateFile.ReadShared(path);

        Assert.Equal(1, skipped);
        Assert.True(Assert.Single(rows).Value.IsDone);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // A JPEG start (SOI, SOF0 of 30000x30000) without data: enough for its header to claim 900 megapixels.
    private static byte[] FakeJpegHeader() => new byte[]
    {
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    };

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c < ' ' || (c >= '\u007f' && c <= '\u009f') || c is '"' or '\\' ? $"\\u{(int)c:x4}" : c.ToString()));
}
