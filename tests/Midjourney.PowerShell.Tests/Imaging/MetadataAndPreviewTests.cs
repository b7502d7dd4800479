using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Midjourney.Client;
using Midjourney.Imaging;
using Midjourney.PowerShell.Imaging;
using Xunit;

namespace Midjourney.PowerShell.Tests.Imaging;

/// <summary>PNG text chunks and the task facts written then read back; terminal pictures as text.</summary>
public class MetadataAndPreviewTests
{
    private static byte[] Png(int width, int height) => MaskBuilder.Build(width, height, new[] { MaskRegion.Parse("0,0,50%,50%") }, invert: false);

    [Fact]
    public void Text_chunks_round_trip_in_utf8_and_replace_the_same_keyword()
    {
        var once = PngText.Write(Png(8, 8), new[] { new KeyValuePair<string, string>("Description", "红狐狸 in snow 🦊") });
        var twice = PngText.Write(once, new[] { new KeyValuePair<string, string>("Description", "second"), new KeyValuePair<string, string>("Comment", "c") });
        Assert.Equal("红狐狸 in snow 🦊", PngText.Read(once)["Description"]);
        var texts = PngText.Read(twice);
        Assert.Equal("second", texts["Description"]);
        Assert.Equal("c", texts["Comment"]);
        Assert.Equal((8, 8), ImageCodec.ReadSize(twice)); // still a valid image
        Assert.NotNull(SkiaSharp.SKBitmap.Decode(twice));
    }

    [Fact]
    public void Task_facts_are_written_into_a_png_and_read_back_without_the_key()
    {
        var task = new MjTask("1796040085580001")
        {
            Action = "IMAGINE",
            Prompt = "red fox in snow --ar 3:2",
            ParentId = "1796040000000000",
            Properties = new Dictionary<string, object?> { ["messageHash"] = "a1d6c282", ["seed"] = 12345L, ["finalPrompt"] = "red fox --v 7.0" },
            Server = new Uri("http://user:secret@127.0.0.1:8080/api/"),
        };
        var path = Path.Combine(Path.GetTempPath(), "mjmeta-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            File.WriteAllBytes(path, Png(20, 10));
            Assert.True(ImageMetadata.WriteInto(path, ImageMetadata.From(task, 2)));
            var info = ImageMetadata.Read(path);
            Assert.Equal("PngText", info.Source);
            Assert.Equal(task.Prompt, info.Prompt);
            Assert.Equal("red fox --v 7.0", info.FinalPrompt);
            Assert.Equal(task.Id, info.TaskId);
            Assert.Equal(task.ParentId, info.ParentId);
            Assert.Equal("IMAGINE", info.Action);
            Assert.Equal("a1d6c282", info.JobId);
            Assert.Equal("12345", info.Seed);
            Assert.Equal("http://127.0.0.1:8080", info.Server);
            Assert.Equal(2, info.Tile);
            Assert.Equal(20, info.Width);
            var texts = PngText.Read(File.ReadAllBytes(path));
            Assert.Equal(task.Prompt, texts["Description"]);
            Assert.Contains("tile 2", texts["Comment"]);
            Assert.DoesNotContain(texts.Values, v => v.Contains("secret"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_seed_a_fetched_task_carries_goes_into_the_facts_and_the_sidecar()
    {
        // TrueAI 11 keeps the seed in the task itself ("seed" at the top level, not in properties).
        var fetched = TaskParser.ParseTask(System.Text.Encoding.UTF8.GetBytes(
            """{"id":"1796040085580001","action":"IMAGINE","status":"SUCCESS","prompt":"red fox","seed":"1599303847","properties":{"finalPrompt":"red fox --v 7.0"}}"""));
        Assert.Equal("1599303847", fetched.Seed);

        var facts = ImageMetadata.From(fetched, null);
        Assert.Equal("1599303847", facts.Seed);
        Assert.Equal("1599303847", ImageMetadata.ForTile(facts, 3).Seed);
        Assert.Contains("\"seed\": \"1599303847\"", ImageMetadata.ToJson(facts));

        // Get-MjTask -Seed's copy (the /image-seed answer) is written the same way.
        var asked = new MjTask("1796040085580002") { Prompt = "p" }.WithSeed("42");
        Assert.Equal("42", ImageMetadata.From(asked, 1).Seed);
    }

    [Fact]
    public void A_sidecar_is_read_for_a_file_without_chunks()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mjmeta-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var image = Path.Combine(folder, "42.png");
            File.WriteAllBytes(image, Png(4, 4));
            File.WriteAllText(Path.Combine(folder, "42.json"), ImageMetadata.ToJson(new MjImageInfo { TaskId = "42", Prompt = "p" }));
            var info = ImageMetadata.Read(image);
            Assert.Equal("Sidecar", info.Source);
            Assert.Equal("42", info.TaskId);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Half_blocks_draw_two_pixel_rows_per_line_in_true_colour()
    {
        var text = TerminalImage.Render(Png(40, 20), "test", TerminalProtocol.HalfBlock, 20, 0, grid: false);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length); // 20 columns → 20x10 pixels → 5 lines
        Assert.All(lines, l => Assert.Equal(20, l.Count(c => c == '▀')));
        Assert.Contains("\u001b[38;2;255;255;255m", text); // the white quarter
        Assert.Contains("\u001b[48;2;0;0;0m", text);
        Assert.All(lines, l => Assert.EndsWith("\u001b[0m", l));
    }

    [Fact]
    public void Rows_limit_the_size()
    {
        var text = TerminalImage.Render(Png(100, 100), "test", TerminalProtocol.HalfBlock, 80, 10, grid: false);
        Assert.Equal(10, text.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Sixel_is_a_dcs_sequence_with_a_palette_and_bands()
    {
        var text = TerminalImage.Render(Png(64, 24), "test", TerminalProtocol.Sixel, 8, 0, grid: false);
        Assert.StartsWith("\u001bPq\"1;1;64;24#0;2;0;0;0", text);
        Assert.EndsWith("\u001b\\\n", text);
        Assert.Equal(4, text.Count(c => c == '-')); // 24 rows = 4 bands of 6
    }

    [Fact]
    public void Kitty_and_iterm2_carry_the_png()
    {
        var kitty = TerminalImage.Render(Png(16, 16), "t", TerminalProtocol.Kitty, 8, 0, grid: false);
        Assert.StartsWith("\u001b_Ga=T,f=100,c=8,m=0;iVBOR", kitty);
        var iterm = TerminalImage.Render(Png(16, 16), "t", TerminalProtocol.ITerm2, 8, 0, grid: false);
        Assert.StartsWith("\u001b]1337;File=inline=1;", iterm);
        Assert.Contains(":iVBOR", iterm);
    }

    [Fact]
    public void A_grid_gets_its_tile_numbers()
    {
        var plain = TerminalImage.Render(Png(64, 64), "t", TerminalProtocol.HalfBlock, 64, 0, grid: false);
        var numbered = TerminalImage.Render(Png(64, 64), "t", TerminalProtocol.HalfBlock, 64, 0, grid: true);
        Assert.NotEqual(plain, numbered);
    }

    [Theory]
    [InlineData("TERM", "xterm-kitty", "Kitty")]
    [InlineData("KITTY_WINDOW_ID", "1", "Kitty")]
    [InlineData("TERM_PROGRAM", "iTerm.app", "ITerm2")]
    [InlineData("TERM", "mlterm", "Sixel")]
    [InlineData("TERM", "xterm-256color", "HalfBlock")]
    public void The_protocol_follows_the_environment(string name, string value, string expected)
    {
        Assert.Equal(expected, ImageWork.DetectProtocol(n => n == name ? value : null));
    }
}
