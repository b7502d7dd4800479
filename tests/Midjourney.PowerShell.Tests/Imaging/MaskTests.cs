using System;
using System.Collections;
using System.Collections.Generic;
using Midjourney.Imaging;
using SkiaSharp;
using Xunit;

namespace Midjourney.PowerShell.Tests.Imaging;

/// <summary>Mask geometry: percent and pixel regions, ellipses, invert, dictionaries, scaling and the aspect-ratio check.</summary>
public class MaskTests
{
    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png)!;

    private static bool White(SKBitmap bitmap, int x, int y) => bitmap.GetPixel(x, y).Red == 255;

    private static void AssertPureBlackAndWhite(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                Assert.True((c.Red == 0 || c.Red == 255) && c.Red == c.Green && c.Green == c.Blue && c.Alpha == 255, $"pixel {x},{y} is {c}");
            }
        }
    }

    [Fact]
    public void Percent_rectangle_is_white_inside_and_black_outside_at_the_image_size()
    {
        using var mask = Decode(MaskBuilder.Build(100, 80, new[] { MaskRegion.Parse("25%,25%,50%,50%") }, invert: false));
        Assert.Equal(100, mask.Width);
        Assert.Equal(80, mask.Height);
        Assert.True(White(mask, 25, 20));
        Assert.True(White(mask, 74, 59));
        Assert.True(White(mask, 50, 40));
        Assert.False(White(mask, 24, 20));
        Assert.False(White(mask, 75, 40));
        Assert.False(White(mask, 50, 60));
        Assert.False(White(mask, 0, 0));
        AssertPureBlackAndWhite(mask);
    }

    [Fact]
    public void Pixel_rectangle_and_units_mix()
    {
        using var mask = Decode(MaskBuilder.Build(200, 100, new[] { MaskRegion.Parse("10px,10,50%,20") }, invert: false));
        Assert.True(White(mask, 10, 10));
        Assert.True(White(mask, 109, 29));
        Assert.False(White(mask, 110, 29));
        Assert.False(White(mask, 109, 30));
        Assert.False(White(mask, 9, 10));
    }

    [Fact]
    public void Ellipse_fills_its_box_but_not_the_corners()
    {
        using var mask = Decode(MaskBuilder.Build(100, 100, new[] { MaskRegion.Parse("ellipse:0,0,100%,100%") }, invert: false));
        Assert.True(White(mask, 50, 50));
        Assert.True(White(mask, 50, 2));
        Assert.True(White(mask, 2, 50));
        Assert.False(White(mask, 3, 3));
        Assert.False(White(mask, 96, 96));
        AssertPureBlackAndWhite(mask);
    }

    [Fact]
    public void Invert_keeps_the_regions_and_repaints_the_rest()
    {
        using var mask = Decode(MaskBuilder.Build(100, 80, new[] { MaskRegion.Parse("25%,25%,50%,50%") }, invert: true));
        Assert.False(White(mask, 50, 40));
        Assert.True(White(mask, 0, 0));
        Assert.True(White(mask, 99, 79));
    }

    [Fact]
    public void Several_regions_and_dictionaries_combine()
    {
        var regions = new List<MaskRegion>
        {
            MaskRegion.FromDictionary(new Hashtable { ["x"] = 0, ["Y"] = 0, ["Width"] = 10, ["Height"] = "10%" }),
            MaskRegion.FromDictionary(new Hashtable { ["X"] = "50%", ["Y"] = "50%", ["Width"] = "50%", ["Height"] = "50%", ["Shape"] = "Ellipse" }),
        };
        using var mask = Decode(MaskBuilder.Build(100, 100, regions, invert: false));
        Assert.True(White(mask, 5, 5));
        Assert.False(White(mask, 15, 5));
        Assert.True(White(mask, 75, 75));
        Assert.False(White(mask, 52, 52));
    }

    [Theory]
    [InlineData("25%,25%,50%", "four values")]
    [InlineData("a,b,c,d", "not a number")]
    [InlineData("0,0,0,10", "no area")]
    [InlineData("-5,0,10,10", "outside the image")]
    [InlineData("star:0,0,10,10", "shape 'star' is unknown")]
    public void Bad_regions_say_what_to_write(string text, string expected)
    {
        var e = Assert.Throws<ImageFailure>(() => MaskRegion.Parse(text));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("25%,25%,90%,90%", "x + width = 115% of its width; y + height = 115% of its height", "To repaint from (25%, 25%) to (90%, 90%), write '25%,25%,65%,65%'; to repaint up to the edge, write '25%,25%,75%,75%'.")]
    [InlineData("400,300,200,100", "x + width = 600 pixels, more than its width of 512; y + height = 400 pixels, more than its height of 340", "To repaint up to the edge, write '400,300,112,40'.")]
    [InlineData("ellipse:0,0,120%,50%", "x + width = 120% of its width.", "To repaint up to the edge, write 'ellipse:0,0,100%,50%'.")]
    [InlineData("100,10%,90%,50%", "x + width = 109.53% of its width.", "write '100,10%,70.47%,40%'; to repaint up to the edge, write '100,10%,80.47%,50%'.")]
    public void Regions_past_the_edge_are_refused_with_both_readings(string text, string reach, string advice)
    {
        var e = Assert.Throws<ImageFailure>(() => MaskBuilder.Build(512, 340, new[] { MaskRegion.Parse(text) }, invert: false));
        Assert.StartsWith($"The region '{text}' reaches past the edge of the 512x340 image: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reach, e.Message, StringComparison.Ordinal);
        Assert.Contains("The four values are x, y, width and height, not two corners.", e.Message, StringComparison.Ordinal);
        Assert.EndsWith(advice, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50%,50%,50%,50%")]
    [InlineData("33.4%,0,66.7%,100%")]
    [InlineData("0,0,513,341")]
    public void Regions_that_end_at_the_edge_are_kept(string text)
    {
        using var mask = Decode(MaskBuilder.Build(512, 340, new[] { MaskRegion.Parse(text) }, invert: false));
        Assert.True(White(mask, 511, 339));
    }

    [Fact]
    public void A_mask_of_the_same_shape_is_scaled_and_stays_black_and_white()
    {
        var small = MaskBuilder.Build(50, 40, new[] { MaskRegion.Parse("ellipse:10%,10%,60%,60%") }, invert: false);
        var fitted = MaskBuilder.Fit(small, 200, 160, "-MaskPath 'small.png'");
        using var mask = Decode(fitted);
        Assert.Equal(200, mask.Width);
        Assert.Equal(160, mask.Height);
        Assert.True(White(mask, 80, 64));
        Assert.False(White(mask, 199, 159));
        AssertPureBlackAndWhite(mask);
    }

    [Fact]
    public void A_mask_of_the_right_size_is_sent_unchanged()
    {
        var exact = MaskBuilder.Build(64, 48, new[] { MaskRegion.Parse("0,0,50%,50%") }, invert: false);
        Assert.Same(exact, MaskBuilder.Fit(exact, 64, 48, "mask"));
    }

    [Fact]
    public void A_mask_of_another_shape_names_both_sizes()
    {
        var mask = MaskBuilder.Build(64, 48, new[] { MaskRegion.Parse("0,0,50%,50%") }, invert: false);
        var e = Assert.Throws<ImageFailure>(() => MaskBuilder.Fit(mask, 512, 512, "-MaskPath 'm.png'"));
        Assert.StartsWith("The mask is 64x48 but the image is 512x512", e.Message);
    }

    [Fact]
    public void The_header_reader_finds_the_size_in_the_first_bytes()
    {
        var png = MaskBuilder.Build(300, 200, new[] { MaskRegion.Parse("0,0,1,1") }, invert: false);
        Assert.Equal((300, 200), ImageCodec.ReadSize(png[..Math.Min(png.Length, 64)]));
        Assert.Null(ImageCodec.ReadSize(new byte[] { 1, 2, 3 }));
    }
}
