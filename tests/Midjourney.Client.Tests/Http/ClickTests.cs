using System.Net;
using System.Text.Json;
using Midjourney.Client.Tests.Fakes;

namespace Midjourney.Client.Tests.Http;

/// <summary>The same click works on servers with buttons and on change-only servers.</summary>
public sealed class ClickTests
{
    private static JsonElement Body(SeenRequest r) => JsonDocument.Parse(r.Body).RootElement;

    private const string GridWithButtons = """
        {"id":"10","action":"IMAGINE","status":"SUCCESS","buttons":[
          {"customId":"MJ::JOB::upsample::1::h1","label":"U1"},{"customId":"MJ::JOB::upsample::2::h1","label":"U2"},
          {"customId":"MJ::JOB::reroll::0::h1::SOLO","emoji":"🔄","label":""},{"customId":"MJ::JOB::variation::1::h1","label":"V1"}]}
        """;

    [Fact]
    public async Task A_synthetic_button_goes_through_change()
    {
        var server = new FakeServer(r => r.Path.EndsWith("/fetch") ? FakeServer.Json(FakeServer.TaskJson("10", "SUCCESS")) : FakeServer.Accepted("11"));
        using var client = TestClients.Create(server);
        var grid = await client.GetTaskAsync("10");
        var child = Assert.Single(await client.ClickAsync(grid, "🔄"));

        var change = server.Seen.Single(r => r.Path == "/mj/submit/change");
        Assert.Equal(("10", "REROLL", 1), (Body(change).GetProperty("taskId").GetString(), Body(change).GetProperty("action").GetString(), Body(change).GetProperty("index").GetInt32()));
        Assert.Equal(("11", "REROLL", "10"), (child.Id, child.Action, child.ParentId));
        Assert.True(client.Capabilities.HasChange);
    }

    [Fact]
    public async Task Without_change_a_synthetic_click_uses_the_real_button_of_the_refetched_task()
    {
        var server = new FakeServer(r => r.Path switch
        {
            "/mj/submit/change" => FakeServer.Empty(HttpStatusCode.NotFound),
            "/mj/task/10/fetch" => FakeServer.Json(GridWithButtons),
            _ => FakeServer.Accepted("12"),
        });
        using var client = TestClients.Create(server);
        var synthetic = new MjButton("10", "change:UPSCALE:2", "U2", isSynthetic: true);

        var child = Assert.Single(await client.ClickAsync(synthetic));
        Assert.Equal("12", child.Id);
        Assert.Equal("MJ::JOB::upsample::2::h1", Body(server.Seen.Single(r => r.Path == "/mj/submit/action")).GetProperty("customId").GetString());
        Assert.False(client.Capabilities.HasChange);

        // Remembered: the next synthetic click does not try /change again.
        await client.ClickAsync(new MjButton("10", "change:VARIATION:1", "V1", isSynthetic: true));
        Assert.Equal(1, server.Count("/mj/submit/change"));
    }

    [Fact]
    public async Task Without_action_a_real_u_v_r_button_goes_through_change()
    {
        var server = new FakeServer(r => r.Path == "/mj/submit/action" ? FakeServer.Json("{\"timestamp\":\"x\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/mj/submit/action\"}", HttpStatusCode.NotFound) : FakeServer.Accepted("13"));
        using var client = TestClients.Create(server);

        var child = Assert.Single(await client.ClickAsync(new MjButton("10", "MJ::JOB::variation::3::h1", "V3")));
        Assert.Equal("13", child.Id);
        var change = Body(server.Seen.Single(r => r.Path == "/mj/submit/change"));
        Assert.Equal(("VARIATION", 3), (change.GetProperty("action").GetString(), change.GetProperty("index").GetInt32()));
        Assert.False(client.Capabilities.HasAction);

        var error = await Assert.ThrowsAsync<MjException>(() => client.ClickAsync(new MjButton("10", "MJ::Inpaint::1::h::SOLO", "Vary (Region)")));
        Assert.Contains("cannot click it", error.Message);
    }

    [Fact]
    public async Task A_missing_parent_on_trueai_is_not_mistaken_for_a_missing_route()
    {
        var server = new FakeServer(_ => FakeServer.Json("{\"code\":3,\"description\":\"关联任务不存在或已失效\"}", HttpStatusCode.NotFound));
        using var client = TestClients.Create(server);
        await Assert.ThrowsAsync<MjNotFoundException>(() => client.ClickAsync(new MjButton("10", "MJ::JOB::upsample::1::h1", "U1")));
        Assert.Single(server.Seen);
        Assert.Null(client.Capabilities.HasAction);
    }

    [Fact]
    public async Task A_bookmark_creates_nothing_and_imagine_all_creates_several()
    {
        var server = new FakeServer(r => Body(r).GetProperty("customId").GetString() == "MJ::BOOKMARK::h1"
            ? FakeServer.Accepted("10")
            : FakeServer.Json("{\"code\":1,\"description\":\"ok\",\"result\":\"21,22,23,24\"}"));
        using var client = TestClients.Create(server);

        Assert.Empty(await client.ClickAsync(new MjButton("10", "MJ::BOOKMARK::h1", emoji: "❤️")));
        var all = await client.ClickAsync(new MjButton("10", "MJ::Job::PicReader::all", "Imagine all"));
        Assert.Equal(new[] { "21", "22", "23", "24" }, all.Select(t => t.Id));
        Assert.All(all, t => Assert.Equal("IMAGINE", t.Action));
    }

    [Fact]
    public async Task Clicking_by_label_needs_a_finished_task_and_explains_a_miss()
    {
        var server = new FakeServer(_ => FakeServer.Json(GridWithButtons));
        using var client = TestClients.Create(server);
        var grid = await client.GetTaskAsync("10");
        Assert.All(grid.Buttons, b => Assert.Equal(client.BaseAddress, b.Server));

        var miss = await Assert.ThrowsAsync<MjButtonNotFoundException>(() => client.ClickAsync(grid, "Vary (Region)"));
        Assert.Contains("U1", miss.Message);
        Assert.Contains("first", miss.Message);
        Assert.Single(server.Seen); // nothing submitted
    }
}
