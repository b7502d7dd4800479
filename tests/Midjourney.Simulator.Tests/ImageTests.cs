using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Midjourney.Simulator.Images;
using Xunit;

namespace Midjourney.Simulator.Tests;

public sealed class ImageTests
{
    [Fact]
    public async Task Grid_tiles_and_upscale_are_valid_pngs_that_differ()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string id = await sim.ImagineAsync("coast --ar 3:2");
        JsonElement task = await sim.WaitForSuccessAsync(id);
        byte[] grid = await sim.Http.GetByteArrayAsync(task.GetProperty("imageUrl").GetString());
        (int gw, int gh, byte[] gridPixels) = Decode(grid);
        Assert.Equal((task.GetProperty("width").GetInt32(), task.GetProperty("height").GetInt32()), (gw, gh));
        Assert.True(gw > gh);

        var tiles = new byte[4][];
        for (int i = 0; i < 4; i++)
        {
            string url = task.GetProperty("imageUrls")[i].GetProperty("url").GetString()!;
            using HttpResponseMessage response = await sim.Http.GetAsync(url);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            (int w, int h, byte[] pixels) = Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((gw / 2, gh / 2), (w, h));
            tiles[i] = pixels;
        }

        for (int a = 0; a < 4; a++)
        {
            for (int b = a + 1; b < 4; b++) Assert.True(Difference(tiles[a], tiles[b]) > 0.3, $"tiles {a} and {b} look alike");
        }

        string upId = await sim.SubmitAsync("/mj/submit/action", new { taskId = id, customId = SimHarness.CustomIds(task)[1] });
        JsonElement up = await sim.WaitForSuccessAsync(upId);
        (int uw, int uh, byte[] upPixels) = Decode(await sim.Http.GetByteArrayAsync(up.GetProperty("imageUrl").GetString()));
        Assert.Equal((gw, gh), (uw, uh));
        Assert.True(uw > gw / 2);
        // The upscale is tile 2 drawn larger: its centre has tile 2's shape colour.
        Assert.Equal(Pixel(tiles[1], gw / 2, gw / 4, gh / 4), Pixel(upPixels, uw, uw / 2, uh / 2));
    }

    [Fact]
    public async Task Image_urls_expire_after_the_ttl_and_reject_tampering()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.ImageTtl = TimeSpan.FromMinutes(10));
        JsonElement task = await sim.WaitForSuccessAsync(await sim.ImagineAsync());
        string url = task.GetProperty("imageUrl").GetString()!;
        Assert.Matches(@"/sim/images/\d+/grid\.png\?ex=[0-9a-f]+&is=[0-9a-f]+&hm=[0-9a-f]{64}&$", url);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(url)).Status);
        // One signature covers the task's folder: other files of the task share it, other tasks and edits do not.
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(url.Replace("grid.png", "tile_0.png"))).Status);
        string ex = System.Text.RegularExpressions.Regex.Match(url, "ex=([0-9a-f]+)").Groups[1].Value;
        string later = (long.Parse(ex, System.Globalization.NumberStyles.HexNumber) + 1_000_000).ToString("x");
        Assert.Equal(HttpStatusCode.Forbidden, (await sim.GetAsync(url.Replace("ex=" + ex, "ex=" + later))).Status);
        string otherTask = System.Text.RegularExpressions.Regex.Replace(url, @"/sim/images/(\d+)/", m => "/sim/images/" + (long.Parse(m.Groups[1].Value) + 1) + "/");
        Assert.Equal(HttpStatusCode.Forbidden, (await sim.GetAsync(otherTask)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sim.GetAsync(url[..url.IndexOf('?')])).Status);

        // Simulated time moves only here: the link works up to the last millisecond before ex, and not from ex on.
        long expiry = long.Parse(ex, System.Globalization.NumberStyles.HexNumber);
        long now = sim.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.InRange(expiry - now, 1, (long)TimeSpan.FromMinutes(10).TotalMilliseconds);
        sim.Advance(TimeSpan.FromMilliseconds(expiry - now - 1));
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(url)).Status);
        sim.Advance(TimeSpan.FromMilliseconds(1));
        Reply reply = await sim.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("This content is no longer available.", reply.Text);
    }

    [Fact]
    public void Png_inspector_reads_size_and_rejects_broken_headers()
    {
        byte[] png = TestImages.Png(33, 17);
        Assert.True(PngInspector.TryReadSize(png, out int w, out int h));
        Assert.Equal((33, 17), (w, h));
        Assert.False(PngInspector.TryReadSize(png.AsSpan(0, 20), out _, out _));
        byte[] badSignature = (byte[])png.Clone();
        badSignature[1] = (byte)'X';
        Assert.False(PngInspector.TryReadSize(badSignature, out _, out _));
        byte[] badCrc = (byte[])png.Clone();
        badCrc[29] ^= 1;
        Assert.False(PngInspector.TryReadSize(badCrc, out _, out _));
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    /// <summary>An independent PNG reader for 8-bit RGB, filter 0 — checks the signature, chunk CRCs and IDAT.</summary>
    private static (int Width, int Height, byte[] Pixels) Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int offset = 8, width = 0, height = 0;
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(offset + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(crc, Crc32.Compute(png.AsSpan(offset + 4, length + 4)));
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(2, data[9]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
            if (type == "IEND") break;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] bytes = raw.ToArray();
        Assert.Equal(height * (1 + width * 3), bytes.Length);
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * (1 + width * 3)]);
            Array.Copy(bytes, y * (1 + width * 3) + 1, pixels, y * width * 3, width * 3);
        }

        return (width, height, pixels);
    }

    private static (byte, byte, byte) Pixel(byte[] pixels, int width, int x, int y)
    {
        int i = (y * width + x) * 3;
        return (pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    /// <summary>Share of pixels whose colours differ clearly.</summary>
    private static double Difference(byte[] a, byte[] b)
    {
        int different = 0, count = a.Length / 3;
        for (int i = 0; i < a.Length; i += 3)
        {
            int delta = Math.Abs(a[i] - b[i]) + Math.Abs(a[i + 1] - b[i + 1]) + Math.Abs(a[i + 2] - b[i + 2]);
            if (delta > 60) different++;
        }

        return (double)different / count;
    }
}
