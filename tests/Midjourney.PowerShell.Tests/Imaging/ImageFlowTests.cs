using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.Imaging;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Tests.Support;
using Midjourney.Simulator;
using SkiaSharp;
using Xunit;

namespace Midjourney.PowerShell.Tests.Imaging;

/// <summary>Image operations against the simulator: tiles, sizes and the mask checks before a click.</summary>
public class ImageFlowTests
{
    private static void AssertSamePixels(byte[] expected, byte[] actual, string what)
    {
        using var a = SKBitmap.Decode(expected)!;
        using var b = SKBitmap.Decode(actual)!;
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                Assert.True(a.GetPixel(x, y) == b.GetPixel(x, y), $"{what}: pixel {x},{y} differs");
            }
        }
    }

    [Fact]
    public async Task Splitting_the_grid_gives_the_servers_own_tiles_pixel_for_pixel()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.TrueAi);
        var grid = await sim.ImagineAndWaitAsync("red fox in snow --ar 3:2");
        Assert.Equal(4, grid.ImageUrls.Count);
        var client = sim.Connection.Client;
        var tiles = GridSplitter.Split(await client.ReadImageAsync(grid.ImageUrl!), "grid");
        for (var i = 0; i < 4; i++)
        {
            AssertSamePixels(await client.ReadImageAsync(grid.ImageUrls[i]), tiles[i], $"tile {i + 1}");
        }

        // The tiles are distinct, so a wrong order would fail above.
        Assert.Equal(4, tiles.Select(t => System.Convert.ToBase64String(t)).Distinct().Count());
    }

    [Fact]
    public async Task A_webp_grid_decodes_and_splits_into_the_same_tiles()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.TrueAi);
        var grid = await sim.ImagineAndWaitAsync("red fox in snow --ar 2:3");
        var client = sim.Connection.Client;
        var webp = await client.ReadImageAsync(grid.ImageUrl + (grid.ImageUrl!.EndsWith("&", System.StringComparison.Ordinal) ? string.Empty : "&") + "format=webp");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(webp, 0, 4));
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(webp, 8, 4));
        Assert.Equal((340, 512), ImageCodec.ReadSize(webp));
        var tiles = GridSplitter.Split(webp, "grid");
        for (var i = 0; i < 4; i++)
        {
            AssertSamePixels(await client.ReadImageAsync(grid.ImageUrls[i]), tiles[i], $"tile {i + 1}");
        }
    }

    [Fact]
    public async Task Save_with_split_cuts_the_grid_where_the_server_has_no_tile_urls()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.NoviceZk);
        var grid = await sim.ImagineAndWaitAsync("red fox --ar 2:1");
        Assert.False(GridTiles.HasTileUrls(grid));
        var output = new RecordingOutput();
        await new SaveImageOperation(sim.Session).ProcessAsync(new SaveImageOptions { Tasks = new[] { grid }, Folder = sim.Folder, Split = true, Sidecar = true }, output, CancellationToken.None);
        Assert.Empty(output.Errors);
        var names = output.Files.Select(f => f.Name).ToList();
        Assert.Equal(new[] { grid.Id + ".png", grid.Id + "_1.png", grid.Id + "_2.png", grid.Id + "_3.png", grid.Id + "_4.png", grid.Id + ".json" }, names);
        var info = ImageMetadata.Read(Path.Combine(sim.Folder, grid.Id + "_3.png"));
        Assert.Equal((grid.Id, 3, "red fox --ar 2:1"), (info.TaskId, info.Tile, info.Prompt));
        Assert.Equal((256, 128), (info.Width!.Value, info.Height!.Value));
    }

    [Fact]
    public async Task The_size_comes_from_the_image_header_when_the_server_does_not_say()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.Plus);
        var grid = await sim.ImagineAndWaitAsync("mug --ar 3:2");
        Assert.Null(grid.Width);
        var sized = await sim.Connection.Client.WithImageSizeAsync(grid, ImageWork.HeaderReader);
        Assert.Equal((512, 340), (sized.Width!.Value, sized.Height!.Value));
    }

    [Fact]
    public async Task A_mask_of_another_shape_is_refused_before_the_click()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.TrueAi);
        var up = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync("mug"), "U1");
        Assert.Equal((512, 512), (up.Width!.Value, up.Height!.Value)); // TrueAI says so itself
        var maskPath = Path.Combine(sim.Folder, "mask.png");
        File.WriteAllBytes(maskPath, MaskBuilder.Build(64, 48, new[] { MaskRegion.Parse("0,0,50%,50%") }, invert: false));
        var before = sim.Submits();
        var output = new RecordingOutput();
        await new InvokeButtonOperation(sim.Session).ProcessAsync(new InvokeButtonOptions { Task = up, Label = "Vary (Region)", MaskPath = maskPath, Prompt = "x" }, output, CancellationToken.None);
        var error = Assert.Single(output.Errors);
        Assert.StartsWith("The mask is 64x48 but the image is 512x512", error.Message);
        Assert.Equal(before, sim.Submits());
        Assert.Empty(output.Tasks);
    }

    [Theory]
    [InlineData(SimulatorFlavor.TrueAi)]
    [InlineData(SimulatorFlavor.Plus)]
    public async Task Vary_region_with_regions_is_accepted_by_the_server(SimulatorFlavor flavor)
    {
        await using var sim = await SimHarness.StartAsync(flavor);
        var up = await sim.ClickAndWaitAsync(await sim.ImagineAndWaitAsync("mug --ar 3:2"), "U1");
        var output = new RecordingOutput();
        var options = new InvokeButtonOptions
        {
            Task = up, Label = "Vary (Region)", Prompt = "a blue mug", Wait = true, PollInterval = SimHarness.Poll,
            Regions = new List<object> { "25%,25%,50%,50%", new System.Collections.Hashtable { ["X"] = 0, ["Y"] = 0, ["Width"] = 20, ["Height"] = 20, ["Shape"] = "Ellipse" } },
        };
        await new InvokeButtonOperation(sim.Session).ProcessAsync(options, output, CancellationToken.None);
        Assert.Empty(output.Errors);
        var varied = Assert.Single(output.Tasks);
        Assert.Equal(MjTaskStatus.Success, varied.Status);
        Assert.Contains(output.Verbose, v => v.StartsWith("Built a 512x340 mask", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Region_on_another_button_is_refused_before_the_click()
    {
        await using var sim = await SimHarness.StartAsync(SimulatorFlavor.TrueAi);
        var grid = await sim.ImagineAndWaitAsync("mug");
        var before = sim.Submits();
        var output = new RecordingOutput();
        await new InvokeButtonOperation(sim.Session).ProcessAsync(new InvokeButtonOptions { Task = grid, Label = "U1", Regions = new List<object> { "0,0,10,10" } }, output, CancellationToken.None);
        Assert.Contains("Vary (Region)", Assert.Single(output.Errors).Message);
        Assert.Equal(before, sim.Submits());
    }
}
