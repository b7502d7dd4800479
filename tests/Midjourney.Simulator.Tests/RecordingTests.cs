using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Midjourney.Simulator.Recordings;
using Xunit;

namespace Midjourney.Simulator.Tests;

/// <summary>
/// The simulator against the real server's recorded answers (tests/Recordings): every recorded request is replayed
/// against a simulator in the matching mode and must look the same to a client (compare.py's rules: status, content-type
/// family, JSON shape, code, envelope, text with digits ignored). The few accepted differences are listed here with
/// their reason, so that any new one fails.
/// </summary>
public sealed class RecordingTests
{
    private const string Folder = "trueai-11.10.3";

    /// <summary>Accepted differences per recording: request name → why. At most 4 per mode.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Accepted = new()
    {
        ["admin-admin"] = new()
        {
            ["user-delete"] = "the new user's id is the server's own random one; the replay deletes the real server's id, which the simulator never made",
            ["banned-word-delete"] = "the new list's id is the server's own random one; the replay deletes the real server's id, which the simulator never made",
        },
    };

    public static TheoryData<string> Replayable()
    {
        var data = new TheoryData<string>();
        foreach (string file in Files().Where(f => ReplayMode.For(Path.GetFileNameWithoutExtension(f)) is not null)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Replayable))]
    public async Task The_simulator_answers_each_recorded_request_like_the_real_server(string file)
    {
        IReadOnlyList<ReplayResult> results = await RecordingReplay.RunAsync(Path.Combine(RecordingsFolder(), file));
        string name = Path.GetFileNameWithoutExtension(file);
        Dictionary<string, string> accepted = Accepted.TryGetValue(name, out var list) ? list : new();
        Assert.True(accepted.Count <= 4, $"{name}: at most 4 accepted differences per mode");
        Assert.NotEmpty(results);

        string[] differing = results.Where(r => r.Differences.Count > 0).Select(r => r.Exchange.Name).ToArray();
        string report = string.Join(Environment.NewLine, results.Where(r => r.Differences.Count > 0));
        Assert.True(differing.Except(accepted.Keys).Count() == 0, $"{name}: new differences from the real server:{Environment.NewLine}{report}");
        Assert.True(accepted.Keys.Except(differing).Count() == 0,
            $"{name}: these accepted differences are gone, remove them from the list: {string.Join(", ", accepted.Keys.Except(differing))}");
    }

    [Fact]
    public void Every_recording_is_replayed_or_checked_by_shape()
    {
        string[] others = { "fetch-grid.json", "routes.json" };
        foreach (string file in Files())
        {
            string name = Path.GetFileName(file);
            Assert.True(ReplayMode.For(Path.GetFileNameWithoutExtension(name)) is not null || others.Contains(name),
                $"{name} has no replay mode: add it to ReplayMode.For with the real server's settings, or to this test");
        }
    }

    [Fact]
    public void The_comparison_ignores_digits_and_white_space_but_not_codes_envelopes_or_content_type_families()
    {
        ClientView queued = ClientView.Of(200, "application/json; charset=utf-8", """{"code":22,"description":"排队中，前面还有3个任务"}""");
        ClientView queuedLater = ClientView.Of(200, "application/json", """{"code":22,"description":"排队中，前面还有12个任务"}""");
        Assert.Empty(ClientView.Differences(queued, queuedLater));

        ClientView envelope = ClientView.Of(200, "application/json", """{"success":false,"code":-1,"message":"x","timestamp":"1"}""");
        ClientView codeFour = ClientView.Of(200, "application/json", """{"code":-1,"description":"x"}""");
        Assert.Equal(new[] { "envelope" }, ClientView.Differences(envelope, codeFour));

        ClientView plain = ClientView.Of(401, "text/plain; charset=utf-8", "Authorization header missing.");
        ClientView bare = ClientView.Of(401, null, " Authorization header   missing. ");
        ClientView empty = ClientView.Of(401, null, "");
        Assert.Empty(ClientView.Differences(plain, bare));
        Assert.Equal(new[] { "type", "text" }, ClientView.Differences(plain, empty));
        ClientView list = ClientView.Of(200, "application/json", "[]");
        ClientView missing = ClientView.Of(404, "application/json", """{"code":3,"description":"关联任务不存在或已失效"}""");
        Assert.Equal(new[] { "status", "shape", "code", "text" }, ClientView.Differences(list, missing));
    }

    [Fact]
    public async Task A_finished_grid_has_the_real_task_fields_with_the_real_types()
    {
        using JsonDocument realDocument = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RecordingsFolder(), "fetch-grid.json")));
        JsonElement real = realDocument.RootElement;
        await using SimHarness sim = await SimHarness.StartAsync();
        JsonElement grid = await sim.WaitForSuccessAsync(await sim.ImagineAsync("red mug --v 7"));

        // Nothing the simulator writes is a name the real server does not have.
        string[] invented = grid.EnumerateObject().Select(p => p.Name).Where(n => !real.TryGetProperty(n, out _)).ToArray();
        Assert.True(invented.Length == 0, "fields the real task has not: " + string.Join(", ", invented));

        // The fields a client reads are there, with the real JSON types (a null in the recording allows a string).
        foreach (string field in new[] { "id", "action", "status", "isCompleted", "prompt", "promptEn", "description", "state", "submitTime", "startTime",
                     "finishTime", "imageUrl", "imageUrls", "thumbnailUrl", "progress", "failReason", "buttons", "displays", "seed", "jobId",
                     "mode", "height", "width", "videoUrl", "videoUrls", "useTime", "version", "instanceId", "nonce", "parentId", "botType", "properties" })
        {
            Assert.True(grid.TryGetProperty(field, out JsonElement mine), $"the simulator's task has no '{field}'");
            JsonValueKind want = real.GetProperty(field).ValueKind;
            Assert.True(want == mine.ValueKind || (want == JsonValueKind.Null && mine.ValueKind == JsonValueKind.String),
                $"'{field}' is {mine.ValueKind} in the simulator and {want} in the real task");
        }

        Assert.Equal(real.GetProperty("displays").EnumerateObject().Select(p => p.Name), grid.GetProperty("displays").EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^\d+\.\d\d s$", grid.GetProperty("useTime").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", grid.GetProperty("displays").GetProperty("finishTime").GetString());
        Assert.Matches(@"^\d+$", grid.GetProperty("seed").GetString()); // TA appends a --seed to an imagine without one
        Assert.Matches(@"^\d+$", grid.GetProperty("nonce").GetString());
        Assert.True(grid.GetProperty("isCompleted").GetBoolean());
    }

    [Fact]
    public async Task Every_real_submit_task_and_home_route_is_served_and_the_rest_are_listed()
    {
        using JsonDocument routes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RecordingsFolder(), "routes.json")));
        // Face swap, profiles and the admin routes of the web page alone (login, settings, logs, tasks...): not imitated.
        string[] notSimulated = { "/mj/admin/", "/mj/insight-face/", "/mj/profile/" };
        string[] simulatedAdmin =
        {
            "GET /mj/admin/current", "GET /mj/admin/accounts", "POST /mj/admin/accounts", "GET /mj/admin/account/{id}", "DELETE /mj/admin/account/{id}",
            "POST /mj/admin/accounts-enable", "PUT /mj/admin/account-reconnect/{id}", "POST /mj/admin/account-sync/{id}", "POST /mj/admin/users",
            "POST /mj/admin/user", "DELETE /mj/admin/user/{id}", "POST /mj/admin/banned-words", "POST /mj/admin/banned-word", "DELETE /mj/admin/banned-word/{id}",
        };
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.AdminKey = "admin");
        var served = new List<string>();
        foreach (JsonElement route in routes.RootElement.GetProperty("routes").EnumerateArray())
        {
            string method = route.GetProperty("method").GetString()!;
            string path = route.GetProperty("path").GetString()!;
            if (notSimulated.Any(p => path.Contains(p, StringComparison.Ordinal)) && !simulatedAdmin.Contains(method + " " + path)) continue;
            Reply reply = await sim.SendAsync(new HttpMethod(method), path.Replace("{id}", "1234567890123456", StringComparison.Ordinal),
                method == "GET" ? null : "{}", r => r.Headers.TryAddWithoutValidation("Authorization", "admin"));
            Assert.True(reply.Status is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed) || IsTaskAnswer(reply),
                $"{method} {path}: the simulator answers {(int)reply.Status}");
            served.Add(method + " " + path);
        }

        Assert.Contains("POST /mj/submit/retexture", served);
        Assert.Contains("GET /Health", served);
        Assert.Contains("POST /mj-relax/mj/task/list-by-ids", served);
        Assert.Equal(simulatedAdmin.OrderBy(r => r, StringComparer.Ordinal), served.Where(r => r.Contains("/mj/admin/", StringComparison.Ordinal)).OrderBy(r => r, StringComparer.Ordinal));
    }

    /// <summary>A 404 that is an answer about the task (code 3), not a missing route.</summary>
    private static bool IsTaskAnswer(Reply reply) => reply.Text.Length > 0 && reply.Root.TryGetProperty("code", out JsonElement code) && code.GetInt32() == 3;

    private static IEnumerable<string> Files() => Directory.GetFiles(RecordingsFolder(), "*.json").OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>tests/Recordings/trueai-11.10.3, found from the test's output folder upwards.</summary>
    private static string RecordingsFolder()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Recordings", Folder);
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("tests/Recordings/" + Folder + " was not found above " + AppContext.BaseDirectory);
    }
}
