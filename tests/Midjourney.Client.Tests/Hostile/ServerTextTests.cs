using Midjourney.Hostile;

namespace Midjourney.Client.Tests.Hostile;

/// <summary>
/// Issue 17 items 4 and 5 on the client: a server's text reaches the caller without control characters or escape
/// sequences (the original kept as Raw), and broken values (bytes that are not UTF-8, absurd times, ids with escapes)
/// are a clean error or a harmless value, never a raw .NET exception.
/// </summary>
public sealed class ServerTextTests : IAsyncLifetime
{
    private readonly HostileServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_text_of_a_task_is_clean_and_the_raw_task_keeps_the_servers_bytes()
    {
        using var client = HostileClients.Create(_server, "inject");
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));

        var texts = new[] { task.Prompt, task.PromptEn, task.Description, task.FailReason, task.State, task.ImageUrl, (string?)task.Properties["finalPrompt"] }
            .Concat(task.Buttons.SelectMany(b => new[] { b.Label, b.Emoji, b.DisplayName }));
        Assert.All(texts, AssertClean);
        Assert.Equal("banned click reason", task.FailReason);
        Assert.StartsWith("U1", task.Buttons[0].Label);

        Assert.NotNull(task.Raw);
        Assert.Contains(Probes.Injection, task.Raw!.FailReason);
        Assert.Contains(Probes.Injection, task.Raw.Buttons[0].Label);
        Assert.Null(task.Raw.Raw);
        Assert.Equal(task.Raw, task.WithOrigin(null, "9").Raw); // copies keep it
    }

    [Fact]
    public async Task A_clean_task_has_no_raw_copy()
    {
        using var client = HostileClients.Create(_server, "ok");
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));
        Assert.Null(task.Raw);
    }

    [Fact]
    public async Task A_servers_error_text_is_clean_in_the_message_and_raw_in_RawDescription()
    {
        using var client = HostileClients.Create(_server, "inject");
        var error = await HostileClients.Failure(token => client.ImagineAsync(new MjImagineRequest("a cat"), token));

        var api = Assert.IsAssignableFrom<MjApiException>(error);
        AssertClean(api.Message);
        AssertClean(api.Description);
        Assert.Contains("refused", api.Message);
        Assert.Contains(Probes.Injection, api.RawDescription);
    }

    [Fact]
    public async Task A_task_id_with_an_escape_sequence_is_refused_by_a_fetch_and_by_a_submit()
    {
        using var client = HostileClients.Create(_server, "inject-id", configure: o => o.MaxReadRetries = 0);
        var fetch = await HostileClients.Failure(token => client.GetTaskAsync("7", token));
        var submit = await HostileClients.Failure(token => client.ImagineAsync(new MjImagineRequest("a cat"), token));

        Assert.Contains("control characters", Assert.IsType<MjProtocolException>(fetch).Message);
        Assert.Contains("control characters", Assert.IsType<MjProtocolException>(submit).Message);
        AssertClean(fetch.Message);
        AssertClean(submit.Message);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_become_replacement_characters()
    {
        using var client = HostileClients.Create(_server, "utf8");
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));
        var list = await HostileClients.Bounded(token => client.ListTasksAsync(token));

        Assert.Contains('\uFFFD', task.Prompt!);
        Assert.Contains('\uFFFD', Assert.Single(list).Prompt!);
    }

    [Fact]
    public async Task Times_no_date_can_have_read_as_not_set()
    {
        using var client = HostileClients.Create(_server, "time");
        var task = await HostileClients.Bounded(token => client.GetTaskAsync("1", token));

        Assert.Null(task.SubmitTime);
        Assert.Null(task.StartTime);
        Assert.Null(task.FinishTime);
    }

    [Theory]
    [InlineData("a\u001b[2Jb", "ab")] // CSI: clear screen
    [InlineData("a\u001b[38;2;255;0;0mb", "ab")] // CSI with parameters
    [InlineData("a\u001b]52;c;cm0gLXJm\u0007b", "ab")] // OSC 52 (clipboard), BEL-terminated
    [InlineData("a\u001b]8;;https://evil/\u001b\\link\u001b]8;;\u001b\\b", "alinkb")] // OSC 8 (hidden link), ST-terminated
    [InlineData("a\u001bP1$qm\u001b\\b", "ab")] // DCS
    [InlineData("a\u001b_Gf=100;AAAA\u001b\\b", "ab")] // APC (Kitty graphics)
    [InlineData("a\u009b31mb", "ab")] // C1 CSI
    [InlineData("a\u009d0;title\u009cb", "ab")] // C1 OSC with C1 ST
    [InlineData("a\u0007b\u007fc\u0085d", "abcd")] // BEL, DEL, C1 NEL
    [InlineData("a\u001b(0b", "ab")] // ESC + intermediate + final (charset)
    [InlineData("a\u001b7b\u001b8c", "abc")] // save / restore cursor
    [InlineData("over\rwritten", "overwritten")] // CR would let a text overwrite its own line
    [InlineData("line one\r\nline two\tend", "line one\nline two\tend")]
    [InlineData("a\u001b]0;unterminated title", "a")] // an unterminated string takes the rest
    [InlineData("a\u001b", "a")]
    [InlineData("猫 🐈 café ✓", "猫 🐈 café ✓")]
    public void MjText_removes_every_control_and_the_sequence_it_starts(string raw, string clean)
    {
        Assert.Equal(clean, MjText.Clean(raw));
        AssertClean(MjText.Clean(raw));
    }

    [Fact]
    public void MjText_returns_honest_text_itself_and_CleanLine_makes_one_line()
    {
        const string honest = "a red mug, studio light --ar 3:2\nsecond line";
        Assert.Same(honest, MjText.Clean(honest));
        Assert.Equal("a b c", MjText.CleanLine("a\nb\tc"));
        Assert.Null(MjText.Clean(null));
    }

    private static void AssertClean(string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (var c in text)
        {
            Assert.False(c < ' ' && c != '\n' && c != '\t', $"Control character U+{(int)c:X4} in: {text}");
            Assert.False(c >= '\u007f' && c <= '\u009f', $"DEL or C1 control U+{(int)c:X4} in: {text}");
        }
    }
}
