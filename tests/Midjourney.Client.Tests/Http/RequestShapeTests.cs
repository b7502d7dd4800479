using System.Text.Json;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Http;

/// <summary>Method, path (with speed prefix), headers and body of every endpoint.</summary>
public sealed class RequestShapeTests
{
    private static readonly string Png = MjImageData.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 });

    private static (FakeServer Server, MjClient Client) Setup(Action<MjClientOptions>? configure = null)
    {
        var server = new FakeServer(r => r.Path switch
        {
            "/mj/task/list-by-condition" or "/mj/task/list" => FakeServer.Json("[" + FakeServer.TaskJson("1", "SUCCESS") + "]"),
            var p when p.EndsWith("/fetch") => FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS")),
            var p when p.EndsWith("/image-seed") => FakeServer.Json("{\"code\":1,\"description\":\"ok\",\"result\":\"158881667\"}"),
            var p when p.EndsWith("/cancel") => FakeServer.Empty(System.Net.HttpStatusCode.OK),
            var p when p.EndsWith("upload-discord-images") => FakeServer.Json("{\"code\":1,\"description\":\"ok\",\"result\":[\"https://cdn/a.png\",\"https://cdn/b.png\"]}"),
            _ => FakeServer.Accepted("1748339029401828"),
        });
        return (server, TestClients.Create(server, configure));
    }

    private static JsonElement Body(SeenRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Imagine_posts_prompt_images_bot_state_hook_under_the_call_mode()
    {
        var (server, client) = Setup();
        var task = await client.ImagineAsync(new MjImagineRequest("red mug --ar 3:2")
        {
            Images = { "https://example.com/a.png", Png },
            BotType = BotType.NijiJourney,
            State = "order-1",
            NotifyHook = "https://hook.example/cb",
            Mode = SpeedMode.Turbo,
        });

        var request = Assert.Single(server.Seen);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/mj-turbo/mj/submit/imagine", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = Body(request);
        Assert.Equal("https://example.com/a.png red mug --ar 3:2", body.GetProperty("prompt").GetString());
        Assert.Equal(Png, Assert.Single(body.GetProperty("base64Array").EnumerateArray()).GetString());
        Assert.Equal("NIJI_JOURNEY", body.GetProperty("botType").GetString());
        Assert.Equal("order-1", body.GetProperty("state").GetString());
        Assert.Equal("https://hook.example/cb", body.GetProperty("notifyHook").GetString());
        Assert.Equal("1748339029401828", task.Id);
        Assert.Equal("IMAGINE", task.Action);
        Assert.Equal(MjTaskStatus.NotStarted, task.Status);
        Assert.Equal(new Uri("http://proxy.test/"), task.Server);
    }

    [Theory]
    [InlineData(SpeedMode.Default, "/mj/submit/imagine")]
    [InlineData(SpeedMode.Relax, "/mj-relax/mj/submit/imagine")]
    [InlineData(SpeedMode.Fast, "/mj-fast/mj/submit/imagine")]
    [InlineData(SpeedMode.Turbo, "/mj-turbo/mj/submit/imagine")]
    public async Task The_client_mode_is_the_default_prefix(SpeedMode mode, string path)
    {
        var (server, client) = Setup(o => o.Mode = mode);
        await client.ImagineAsync(new MjImagineRequest("x"));
        Assert.Equal(path, server.Seen[0].Path);
    }

    [Fact]
    public async Task A_submit_without_state_gets_a_recovery_tag_and_reads_carry_no_prefix()
    {
        var (server, client) = Setup(o => o.Mode = SpeedMode.Fast);
        var task = await client.ImagineAsync(new MjImagineRequest("x"));
        await client.GetTaskAsync(task.Id);

        Assert.StartsWith("mjc-", Body(server.Seen[0]).GetProperty("state").GetString());
        Assert.Equal(task.State, Body(server.Seen[0]).GetProperty("state").GetString());
        Assert.Equal("/mj/task/1748339029401828/fetch", server.Seen[1].Path);
        Assert.Equal(HttpMethod.Get, server.Seen[1].Method);
    }

    [Fact]
    public async Task Base_address_with_mj_or_a_subpath_is_normalised()
    {
        var server = new FakeServer(_ => FakeServer.Json(FakeServer.TaskJson("1", "SUCCESS")));
        using var withMj = new MjClient(new MjClientOptions(new Uri("https://h.example/mj/")) { EnableJournal = false }, server);
        using var subPath = new MjClient(new MjClientOptions(new Uri("https://h.example/proxy")) { EnableJournal = false }, server);
        await withMj.GetTaskAsync("1");
        await subPath.GetTaskAsync("1");

        Assert.Equal("https://h.example/mj/task/1/fetch", server.Seen[0].Uri.ToString());
        Assert.Equal("https://h.example/proxy/mj/task/1/fetch", server.Seen[1].Uri.ToString());
    }

    [Fact]
    public async Task Action_modal_change_and_simple_change_bodies()
    {
        var (server, client) = Setup();
        var button = new MjButton("100", "MJ::JOB::upsample::1::hash");
        await client.ClickAsync(button, new MjClickOptions { EnableRemix = true, Mode = SpeedMode.Fast });
        await client.SubmitModalAsync(new MjModalRequest("200") { Prompt = "cat --zoom 1.5", MaskBase64 = Png });
        await client.ChangeAsync("100", MjChangeAction.Variation, 3);
        await client.SimpleChangeAsync("100 U2");

        Assert.Equal("/mj-fast/mj/submit/action", server.Seen[0].Path);
        var action = Body(server.Seen[0]);
        Assert.Equal("100", action.GetProperty("taskId").GetString());
        Assert.Equal("MJ::JOB::upsample::1::hash", action.GetProperty("customId").GetString());
        Assert.True(action.GetProperty("enableRemix").GetBoolean());

        Assert.Equal("/mj/submit/modal", server.Seen[1].Path);
        var modal = Body(server.Seen[1]);
        Assert.Equal("200", modal.GetProperty("taskId").GetString());
        Assert.Equal("cat --zoom 1.5", modal.GetProperty("prompt").GetString());
        Assert.Equal(Png, modal.GetProperty("maskBase64").GetString());
        Assert.False(modal.TryGetProperty("state", out _)); // the modal continues an existing task

        // The modal's answer holds only the id: the task is read back (a free GET).
        Assert.Equal(HttpMethod.Get, server.Seen[2].Method);
        Assert.Equal("/mj/task/200/fetch", server.Seen[2].Path);

        var change = Body(server.Seen[3]);
        Assert.Equal("/mj/submit/change", server.Seen[3].Path);
        Assert.Equal("VARIATION", change.GetProperty("action").GetString());
        Assert.Equal(3, change.GetProperty("index").GetInt32());

        Assert.Equal("/mj/submit/simple-change", server.Seen[4].Path);
        Assert.Equal("100 U2", Body(server.Seen[4]).GetProperty("content").GetString());
    }

    [Fact]
    public async Task Blend_describe_shorten_video_edits_and_upload_bodies()
    {
        var (server, client) = Setup();
        await client.BlendAsync(new MjBlendRequest(new[] { Png, Png, Png }) { Dimensions = BlendDimensions.Landscape });
        await client.DescribeAsync(new MjDescribeRequest { Link = "https://example.com/a.png" });
        await client.ShortenAsync(new MjShortenRequest("a very long prompt"));
        await client.VideoAsync(new MjVideoRequest("waves") { Image = "https://example.com/a.png", Motion = "high", Loop = true, BatchSize = 2, VideoType = "vid_1.1_i2v_720" });
        await client.EditAsync(new MjEditRequest("make it blue", Png));
        var urls = await client.UploadImagesAsync(new[] { Png });

        Assert.Equal(
            new[] { "/mj/submit/blend", "/mj/submit/describe", "/mj/submit/shorten", "/mj/submit/video", "/mj/submit/edits", "/mj/submit/upload-discord-images" },
            server.Seen.Select(r => r.Path));
        var blend = Body(server.Seen[0]);
        Assert.Equal(3, blend.GetProperty("base64Array").GetArrayLength());
        Assert.Equal("LANDSCAPE", blend.GetProperty("dimensions").GetString());
        Assert.Equal("https://example.com/a.png", Body(server.Seen[1]).GetProperty("link").GetString());
        Assert.Equal("a very long prompt", Body(server.Seen[2]).GetProperty("prompt").GetString());
        var video = Body(server.Seen[3]);
        Assert.Equal("high", video.GetProperty("motion").GetString());
        Assert.True(video.GetProperty("loop").GetBoolean());
        Assert.Equal(2, video.GetProperty("batchSize").GetInt32());
        Assert.Equal("vid_1.1_i2v_720", video.GetProperty("videoType").GetString());
        Assert.Equal(Png, Body(server.Seen[4]).GetProperty("image").GetString());
        Assert.Equal(new[] { "https://cdn/a.png", "https://cdn/b.png" }, urls);
        Assert.True(client.Capabilities.HasUploadImages);
    }

    [Fact]
    public async Task A_server_without_upload_discord_images_is_remembered()
    {
        var server = new FakeServer(_ => FakeServer.Empty(System.Net.HttpStatusCode.NotFound));
        var client = TestClients.Create(server);

        await Assert.ThrowsAnyAsync<MjApiException>(() => client.UploadImagesAsync(new[] { Png }));

        Assert.False(client.Capabilities.HasUploadImages);
        Assert.Contains("upload=no", client.Capabilities.ToString());
    }

    [Fact]
    public async Task Reads_fetch_list_batch_cancel_and_seed()
    {
        var (server, client) = Setup();
        await client.GetTaskAsync("1");
        await client.GetTasksAsync(new[] { "1", "2", "2" });
        await client.ListTasksAsync();
        await client.CancelTaskAsync("1");
        var seed = await client.GetImageSeedAsync("1");

        Assert.Equal(("/mj/task/1/fetch", HttpMethod.Get), (server.Seen[0].Path, server.Seen[0].Method));
        Assert.Equal(("/mj/task/list-by-condition", HttpMethod.Post), (server.Seen[1].Path, server.Seen[1].Method));
        Assert.Equal(new[] { "1", "2" }, Body(server.Seen[1]).GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("/mj/task/list", HttpMethod.Get), (server.Seen[2].Path, server.Seen[2].Method));
        Assert.Equal(("/mj/task/1/cancel", HttpMethod.Post), (server.Seen[3].Path, server.Seen[3].Method));
        Assert.Equal("/mj/task/1/image-seed", server.Seen[4].Path);
        Assert.Equal("158881667", seed);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_request()
    {
        var (server, client) = Setup();
        await Assert.ThrowsAsync<ArgumentException>(() => client.ImagineAsync(new MjImagineRequest("  ")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ImagineAsync(new MjImagineRequest("x") { Images = { "not an image" } }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BlendAsync(new MjBlendRequest(new[] { Png })));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BlendAsync(new MjBlendRequest(Enumerable.Repeat(Png, 6))));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ChangeAsync("1", MjChangeAction.Upscale, 5));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SimpleChangeAsync("1 U9"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitModalAsync(new MjModalRequest("1") { MaskBase64 = Convert.ToBase64String(new byte[] { 0xFF, 0xD8, 0xFF, 0 }) }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DescribeAsync(new MjDescribeRequest()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.VideoAsync(new MjVideoRequest("x") { BatchSize = 3 }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ClickAsync(new MjTask("1") { Status = MjTaskStatus.InProgress }, "U1"));
        Assert.Empty(server.Seen);
    }
}
