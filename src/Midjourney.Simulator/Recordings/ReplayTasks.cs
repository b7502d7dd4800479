using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Simulator.Recordings;

/// <summary>
/// Makes, through the simulator's own API, a task for each role the task recordings name: the kinds of rows the capture
/// kit's <c>seed_real_db.py</c> puts into the real server's database. The clock is moved, not waited for; the
/// simulator must run on that clock with one slot, so that the last task waits behind a running one.
/// </summary>
internal static class ReplayTasks
{
    /// <summary>Role → the simulator's id, and <c>ROLE_HASH</c> → its job hash.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> MakeAsync(HttpClient http, ManualClock clock, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        // Finished ones first. The grid names a --seed so that, like the inserted row, it has no seed yet.
        ids["GRID"] = await SubmitAsync(http, "imagine", """{"prompt": "red mug --v 7 --seed 1"}""", cancellationToken);
        ids["DESC"] = await SubmitAsync(http, "describe", """{"link": "http://127.0.0.1:9/x.png"}""", cancellationToken);
        ids["SHORT"] = await SubmitAsync(http, "shorten", """{"prompt": "a very long prompt about a red mug on a wooden table"}""", cancellationToken);
        ids["VID"] = await SubmitAsync(http, "video", $$"""{"prompt": "red mug", "image": "{{CaptureKit.Red}}", "motion": "low"}""", cancellationToken);
        ids["EDIT"] = await SubmitAsync(http, "edits", $$"""{"prompt": "red mug", "image": "{{CaptureKit.Red}}"}""", cancellationToken);
        ids["SEEDED"] = await SubmitAsync(http, "imagine", """{"prompt": "seeded mug --v 7"}""", cancellationToken);
        ids["FAILED"] = await SubmitAsync(http, "imagine", """{"prompt": "failed mug --v 7 --seed 3 --sim-fail"}""", cancellationToken);
        clock.Advance(TimeSpan.FromHours(1));

        // One that runs (until the timeout) and holds the only slot, and one that waits behind it. Like the inserted rows
        // they have no seed yet (a --seed in the prompt keeps the simulator from appending one).
        ids["RUNNING"] = await SubmitAsync(http, "imagine", """{"prompt": "running mug --v 7 --seed 2 --sim-hang"}""", cancellationToken);
        clock.Advance(TimeSpan.FromSeconds(10));
        ids["WAITING"] = await SubmitAsync(http, "imagine", """{"prompt": "waiting mug"}""", cancellationToken);

        // A cancelled one: TrueAI's CANCEL status is never set by a cancel (a row with it is served as it is); the
        // simulator's cancelled task is FAILURE "取消任务", which a fetch shows the same way to the comparison.
        ids["CANCELLED"] = await SubmitAsync(http, "imagine", """{"prompt": "cancelled mug --seed 4"}""", cancellationToken);
        using (var cancel = new HttpRequestMessage(HttpMethod.Post, $"/mj/task/{ids["CANCELLED"]}/cancel"))
        {
            cancel.Headers.TryAddWithoutValidation("Authorization", ReplayMode.AdminToken);
            using HttpResponseMessage cancelled = await http.SendAsync(cancel, cancellationToken);
            cancelled.EnsureSuccessStatusCode();
        }

        var expected = new Dictionary<string, string> { ["RUNNING"] = "IN_PROGRESS", ["WAITING"] = "NOT_START", ["FAILED"] = "FAILURE", ["CANCELLED"] = "FAILURE" };
        foreach (string role in new List<string>(ids.Keys))
        {
            using JsonDocument task = JsonDocument.Parse(await http.GetStringAsync($"/mj/task/{ids[role]}/fetch", cancellationToken));
            string status = task.RootElement.GetProperty("status").GetString() ?? "";
            string wanted = expected.TryGetValue(role, out string? state) ? state : "SUCCESS";
            if (status != wanted) throw new InvalidOperationException($"The replay's {role} task is {status}, not {wanted}.");
            ids[role + "_HASH"] = task.RootElement.GetProperty("properties").GetProperty("messageHash").GetString() ?? "";
        }

        return ids;
    }

    private static async Task<string> SubmitAsync(HttpClient http, string route, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mj/submit/" + route) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", ReplayMode.AdminToken);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        using JsonDocument answer = JsonDocument.Parse(text);
        int code = answer.RootElement.GetProperty("code").GetInt32();
        if (code is not (1 or 22)) throw new InvalidDataException($"The replay could not make its {route} task: {text}");
        return answer.RootElement.GetProperty("result").GetString()!;
    }
}
