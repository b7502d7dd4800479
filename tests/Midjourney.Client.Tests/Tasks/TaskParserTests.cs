using System.Text;

namespace Midjourney.Client.Tests.Tasks;

public sealed class TaskParserTests
{
    private static byte[] Payload(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", name));

    [Fact]
    public void Reference_imagine_success_is_read_field_by_field()
    {
        var task = TaskParser.ParseTask(Payload("reference-imagine-success.json"));

        Assert.Equal("1748339029401828", task.Id);
        Assert.Equal("IMAGINE", task.Action);
        Assert.Equal(MjTaskStatus.Success, task.Status);
        Assert.Equal("SUCCESS", task.RawStatus);
        Assert.Equal("red fox in fresh snow, morning light --ar 3:2 --v 7", task.Prompt);
        Assert.Equal("red fox in fresh snow, morning light --ar 3:2 --v 7", task.PromptEn);
        Assert.Equal("/imagine red fox in fresh snow, morning light --ar 3:2 --v 7", task.Description);
        Assert.Equal("order-42", task.State);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1748339029401), task.SubmitTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1748339030665), task.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1748339072775), task.FinishTime);
        Assert.Equal(100, task.Progress);
        Assert.StartsWith("https://cdn.discordapp.com/attachments/1200000000000000001/", task.ImageUrl);
        Assert.EndsWith("?ex=68a1c2ff&is=68a0717f&hm=<hmac>&", task.ImageUrl); // the signature query is kept whole
        Assert.Null(task.FailReason);
        Assert.Equal("MID_JOURNEY", task.Properties["botType"]);
        Assert.Equal("5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13", task.Properties["messageHash"]);
        Assert.Equal(0L, task.Properties["flags"]);
        Assert.Null(task.Properties["notifyHook"]);
        Assert.Equal("red fox in fresh snow, morning light --ar 3:2 --v 7.0 --relax", task.Properties["finalPrompt"]);

        Assert.Equal(9, task.Buttons.Count);
        Assert.All(task.Buttons, b => Assert.Equal("1748339029401828", b.TaskId));
        Assert.All(task.Buttons, b => Assert.False(b.IsSynthetic));
        var u2 = task.Buttons[1];
        Assert.Equal("U2", u2.Label);
        Assert.Equal("MJ::JOB::upsample::2::5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13", u2.CustomId);
        Assert.Equal(MjButtonKind.Upscale, u2.Kind);
        Assert.Equal(2, u2.Index);
        var reroll = task.Buttons[4];
        Assert.Equal("🔄", reroll.Emoji);
        Assert.Equal(string.Empty, reroll.Label);
        Assert.Equal(MjButtonKind.Reroll, reroll.Kind);
        Assert.Equal(MjButtonKind.Variation, task.Buttons[8].Kind);
        Assert.Equal(4, task.Buttons[8].Index);
    }

    [Fact]
    public void Reference_upscale_buttons_are_read_with_their_kinds()
    {
        var json = "{\"id\":\"7\",\"status\":\"SUCCESS\",\"action\":\"UPSCALE\",\"buttons\":" + Encoding.UTF8.GetString(Payload("reference-upscale-buttons.json")) + "}";
        var task = TaskParser.ParseTask(Encoding.UTF8.GetBytes(json));

        Assert.Equal(
            new[]
            {
                MjButtonKind.UpscaleSubtle, MjButtonKind.UpscaleCreative, MjButtonKind.VarySubtle, MjButtonKind.VaryStrong,
                MjButtonKind.VaryRegion, MjButtonKind.ZoomOut2x, MjButtonKind.ZoomOut1_5x, MjButtonKind.CustomZoom,
                MjButtonKind.PanLeft, MjButtonKind.PanRight, MjButtonKind.PanUp, MjButtonKind.PanDown,
                MjButtonKind.AnimateHigh, MjButtonKind.AnimateLow, MjButtonKind.Bookmark,
            },
            task.Buttons.Select(b => b.Kind));
        Assert.True(task.Buttons.Single(b => b.Label == "Vary (Region)").AlwaysModal);
        Assert.Equal("⬅️", task.Buttons[8].Emoji);
        Assert.Equal(15, task.Buttons.Count);
    }

    [Fact]
    public void Reference_task_status_body_becomes_the_same_task_model()
    {
        var task = TaskParser.ParseTask(Payload("reference-task-status.json"));

        Assert.Equal("…", task.Id);
        Assert.Equal(MjTaskStatus.Success, task.Status);
        Assert.Equal("TASK_STATUS_SUCCEED", task.RawStatus);
        Assert.Equal(100, task.Progress);
        Assert.Equal("MINIMAX_HAILUO_02", task.Action); // an unknown provider type stays as it is
        Assert.Single(task.ImageUrls);
        Assert.Equal(task.ImageUrls[0], task.ImageUrl);
        Assert.Single(task.VideoUrls);
        Assert.Equal(task.VideoUrls[0], task.VideoUrl);
        Assert.Equal("158881667", task.Properties["seed"]);
        Assert.Equal("MINIMAX_HAILUO_02", task.Properties["task_type"]);
        Assert.Null(task.FailReason);
        Assert.Empty(task.Buttons);
    }

    [Fact]
    public void Seed_gateway_fetch_is_an_imagine_with_its_images()
    {
        var task = TaskParser.ParseTask(Payload("seed-gateway-fetch.json"));

        Assert.Equal("mj-task-id", task.Id);
        Assert.Equal("IMAGINE", task.Action);
        Assert.Equal(MjTaskStatus.Success, task.Status);
        Assert.Equal(0, task.Progress);
        Assert.Equal(new[] { "https://example.com/generated-1.png", "https://example.com/generated-2.png" }, task.ImageUrls);
        Assert.Equal("https://example.com/generated-1.png", task.ImageUrl);
        Assert.Empty(task.VideoUrls);
    }

    [Theory]
    [InlineData("NOT_START", MjTaskStatus.NotStarted)]
    [InlineData("SUBMITTED", MjTaskStatus.Submitted)]
    [InlineData("IN_PROGRESS", MjTaskStatus.InProgress)]
    [InlineData("MODAL", MjTaskStatus.Modal)]
    [InlineData("SUCCESS", MjTaskStatus.Success)]
    [InlineData("FAILURE", MjTaskStatus.Failure)]
    [InlineData("CANCEL", MjTaskStatus.Cancelled)]
    [InlineData("", MjTaskStatus.Unknown)]
    [InlineData("SOMETHING_NEW", MjTaskStatus.Unknown)]
    [InlineData("TASK_STATUS_QUEUED", MjTaskStatus.NotStarted)]
    [InlineData("TASK_STATUS_PROCESSING", MjTaskStatus.InProgress)]
    [InlineData("TASK_STATUS_FAILED", MjTaskStatus.Failure)]
    [InlineData("TASK_STATUS_CANCELED", MjTaskStatus.Cancelled)]
    public void Every_status_maps(string raw, MjTaskStatus expected) => Assert.Equal(expected, StatusMapper.Map(raw));

    [Theory]
    [InlineData("\"45%\"", 45)]
    [InlineData("\"0%\"", 0)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    [InlineData("73", 73)]
    public void Progress_is_read_tolerantly(string progress, int? expected)
    {
        var task = TaskParser.ParseTask(Encoding.UTF8.GetBytes("{\"id\":\"1\",\"status\":\"IN_PROGRESS\",\"progress\":" + progress + "}"));
        Assert.Equal(expected, task.Progress);
    }

    [Fact]
    public void TrueAi_image_urls_as_objects_numeric_times_zero_and_unknown_fields()
    {
        const string json = """
            {"id":1748339029401828,"status":"SUCCESS","action":"IMAGINE","submitTime":0,"finishTime":null,
             "imageUrls":[{"url":"https://h/0.png","thumbnail":"https://h/0_t.webp"},{"url":"https://h/1.png"}],
             "videoUrls":[{"url":"https://h/v.mp4"}],"somethingNew":{"deep":[1,2]},"parentId":"99",
             "properties":{"nested":{"a":1},"numberOfQueues":"3"}}
            """;
        var task = TaskParser.ParseTask(Encoding.UTF8.GetBytes(json));

        Assert.Equal("1748339029401828", task.Id); // a numeric id stays exact as a string
        Assert.Null(task.SubmitTime);
        Assert.Null(task.FinishTime);
        Assert.Equal(new[] { "https://h/0.png", "https://h/1.png" }, task.ImageUrls);
        Assert.Equal("https://h/v.mp4", task.VideoUrl);
        Assert.Equal("99", task.ParentId);
        Assert.Equal("{\"a\":1}", task.Properties["nested"]);
        Assert.Equal("3", task.Properties["numberOfQueues"]);
    }

    [Fact]
    public void Link_buttons_without_custom_id_are_dropped()
    {
        const string json = """{"id":"1","status":"SUCCESS","buttons":[{"label":"Web","style":5,"type":2},{"customId":"MJ::BOOKMARK::h","emoji":"❤️","label":""}]}""";
        var task = TaskParser.ParseTask(Encoding.UTF8.GetBytes(json));
        Assert.Equal(MjButtonKind.Bookmark, Assert.Single(task.Buttons).Kind);
    }

    [Fact]
    public void List_bodies_may_be_arrays_or_wrapped()
    {
        var array = TaskParser.ParseTaskList(Encoding.UTF8.GetBytes("[{\"id\":\"1\",\"status\":\"SUCCESS\"},{\"id\":\"2\",\"status\":\"FAILURE\",\"failReason\":\"bad\"}]"));
        var wrapped = TaskParser.ParseTaskList(Encoding.UTF8.GetBytes("{\"result\":[{\"id\":\"3\",\"status\":\"MODAL\"}]}"));

        Assert.Equal(new[] { "1", "2" }, array.Select(t => t.Id));
        Assert.Equal("bad", array[1].FailReason);
        Assert.Equal(MjTaskStatus.Modal, Assert.Single(wrapped).Status);
    }

    [Theory]
    [InlineData("{\"status\":\"SUCCESS\"}")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"1\",\"status\":")]
    public void Bodies_that_are_not_tasks_are_rejected(string body) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TaskParser.ParseTask(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void The_real_task_fields_survive_a_task_whose_text_had_to_be_cleaned()
    {
        var body = "{\"id\":\"1796600847203908\",\"status\":\"SUCCESS\",\"prompt\":\"mug\\u001b[2J\",\"seed\":\"1234567890\",\"instanceId\":\"1200000000000000001\","
            + "\"thumbnailUrl\":\"https://cdn.example/t.png\",\"startTime\":1796600847203,\"finishTime\":1796600847800}";

        var task = TaskParser.ParseTask(Encoding.UTF8.GetBytes(body));

        Assert.NotNull(task.Raw); // the prompt was cleaned
        Assert.Equal(("1234567890", "1200000000000000001", "https://cdn.example/t.png"), (task.Seed, task.InstanceId, task.ThumbnailUrl));
        Assert.Equal(TimeSpan.FromMilliseconds(597), task.Duration);
    }
}
