using System.Text.Json;

namespace Midjourney.Client.Tests.Recordings;

/// <summary>
/// Every route the client sends to a TrueAI server exists on the real one (its Swagger route list, routes.json, in each
/// recording folder that has one), with and without each speed prefix where the client adds one; and the recorded
/// task (fetch-grid.json) parses.
/// </summary>
public sealed class RecordedRoutesTests
{
    private static readonly string[] Submits = { "imagine", "blend", "describe", "shorten", "video", "edits", "retexture", "modal", "action", "upload-discord-images" };

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RecordedAnswer.Root).Where(f => File.Exists(Path.Combine(f, "routes.json"))))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_route_the_client_sends_is_one_the_real_server_has(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RecordedAnswer.Root, folder, "routes.json")));
        var routes = document.RootElement.GetProperty("routes").EnumerateArray()
            .Select(r => r.GetProperty("method").GetString() + " " + r.GetProperty("path").GetString())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var sent = new List<string>
        {
            "GET " + ApiPaths.Fetch("{id}"), "POST " + ApiPaths.Cancel("{id}"), "GET " + ApiPaths.ImageSeed("{id}"),
            "GET " + ApiPaths.List, "POST " + ApiPaths.ListByCondition,
        };
        foreach (var mode in Enum.GetValues<SpeedMode>())
        {
            sent.AddRange(Submits.Select(e => "POST " + ApiPaths.Submit(e, mode)));
        }

        var missing = sent.Select(s => s.Replace("%7Bid%7D", "{id}")).Where(s => !routes.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "not on the real server: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_recorded_grid_task_parses_with_its_buttons_and_tiles()
    {
        var task = TaskParser.ParseTask(File.ReadAllBytes(Path.Combine(RecordedAnswer.Root, "trueai-11.10.3", "fetch-grid.json")));

        Assert.Equal(("1796600847203001", MjTaskStatus.Success), (task.Id, task.Status));
        Assert.Equal(4, task.ImageUrls.Count);
        Assert.Contains(task.Buttons, b => b.Label == "U1" && b.Kind == MjButtonKind.Upscale);
        Assert.Equal("1200000000000000001", task.InstanceId);
        Assert.Equal(TimeSpan.FromMilliseconds(597), task.Duration);
    }
}
