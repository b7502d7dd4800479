using System.Text;
using System.Text.RegularExpressions;

namespace Midjourney.Hostile;

/// <summary>
/// What each probe answers. The probe is the first path segment, so a client connected to
/// <c>http://127.0.0.1:port/&lt;probe&gt;</c> sends every API request into it:
/// <list type="bullet">
/// <item><c>ok</c>: an honest TrueAI-like proxy (a finished grid with U1–U4, V1–V4 and 🔄; submits accepted as task 1).</item>
/// <item><c>r301-other</c>, <c>r302-other</c>, <c>r307-other</c>, <c>r308-other</c>: every request redirected to the same path on
/// another origin (<see cref="HostileServer.OtherUrl"/>, which answers like <c>ok</c> and records what reaches it).</item>
/// <item><c>r302-file</c> (to <c>file:///etc/passwd</c>), <c>r302-badloc</c> (a Location that is no URL), <c>r302-loop</c> (to
/// itself), <c>r302-https</c> (to https on the same host and port), <c>r307-same</c> (to <c>ok</c> on the same origin).</item>
/// <item><c>endless</c>: every answer is JSON that never ends; <c>gzip</c>: every answer is a gzip bomb that never ends.</item>
/// <item><c>buttons</c>: a task with 1,000,000 buttons (80 MB); <c>buttons-many</c>, <c>urls-many</c>: 5,000 buttons or image URLs;
/// <c>tasks-many</c>: a task list of 100,001 tasks.</item>
/// <item><c>drip</c>: every answer is a valid running task, one byte a second.</item>
/// <item><c>inject</c>: a failed task whose texts carry escape sequences (clear screen, OSC 52 clipboard, OSC 8 link, BEL,
/// C1 CSI, DEL); submits refused with such a text; <c>inject-id</c>: a task id with an escape sequence.</item>
/// <item><c>check-drip</c>: the check's first fetch is answered at once as TrueAI does (204); every other answer takes a minute.</item>
/// <item><c>echo-&lt;status&gt;</c>, <c>echo-&lt;status&gt;-json</c>: every answer is that status, echoing the credential header
/// as plain text (or in a gateway's JSON error).</item>
/// <item><c>time-long</c>: every task ran from 1970 to 9999 (submits get new ids).</item>
/// <item><c>utf8</c>: a task with bytes that are not UTF-8; <c>time</c>: a task with absurd times.</item>
/// <item><c>admin-*</c>: a TrueAI proxy whose admin answers are hostile (see Probes.Admin.cs).</item>
/// <item><c>_requests</c>: what reached each origin so far, as JSON (origin, method, path, carriesKey).</item>
/// <item><c>image-&lt;name&gt;</c>: <c>ok</c>, with the task's image at <c>/img/&lt;name&gt;.png</c>: <c>ok</c>, <c>html</c>, <c>random</c>,
/// <c>huge</c> (20000×20000), <c>drip</c>, <c>endless</c>, <c>r302-other</c> (an image on another origin), <c>r302-file</c>;
/// <c>image-exe</c>: the task's image is <c>/img/evil.exe</c>, an executable's bytes as application/octet-stream.</item>
/// </list>
/// </summary>
public sealed partial class Probes
{
    /// <summary>The id a server check fetches (it exists on no server).</summary>
    public const string MadeUpId = "1000000000000001";

    /// <summary>The escape sequences of the <c>inject</c> probe: clear screen, clipboard write, hidden link, bell, C1 CSI, DEL.</summary>
    public const string Injection =
        "\u001b[2J\u001b[H" + "\u001b]52;c;cm0gLXJmIH4=\u0007" + "\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\" + "\u0007" + "\u009b31m" + "\u007f" + "\u001bP1$qm\u001b\\";

    private readonly HostileServer _server;
    private long _nextId = 100;

    internal Probes(HostileServer server) => _server = server;

    /// <summary>The honest image's URL on the main origin (<c>/img/ok.png</c>).</summary>
    private string OkImage => new Uri(_server.BaseUrl, "img/ok.png").AbsoluteUri;

    /// <summary>The answer of the main origin.</summary>
    public Answer Answer(HostileRequest request)
    {
        var probe = request.Probe;
        var path = request.ApiPath;
        if (probe == "img")
        {
            return Image(path.Trim('/'));
        }

        if (probe == "_requests")
        {
            // What reached each origin (for tests that run the server as a process): origin, method, path, key or not.
            var seen = _server.Requests.Where(r => r.Probe != "_requests")
                .Select(r => $"{{\"origin\":\"{r.Origin}\",\"method\":\"{r.Method}\",\"path\":\"{Escape(r.Path)}\",\"carriesKey\":{(r.CarriesKey ? "true" : "false")}}}");
            return Json("[" + string.Join(",", seen) + "]");
        }

        if (probe.StartsWith("admin-", StringComparison.Ordinal))
        {
            return Admin(request);
        }

        var echo = EchoProbe().Match(probe);
        if (echo.Success)
        {
            // The credential header echoed in an error: as plain text, or in a gateway's JSON error.
            var key = request.Key ?? "(none)";
            return echo.Groups[2].Success
                ? global::Midjourney.Hostile.Answer.Json($"{{\"error\":{{\"message\":\"invalid token {Escape(key)}\",\"type\":\"new_api_error\"}}}}", int.Parse(echo.Groups[1].Value))
                : global::Midjourney.Hostile.Answer.Bytes(int.Parse(echo.Groups[1].Value), "text/plain", Encoding.UTF8.GetBytes("no access for " + key));
        }

        var redirect = RedirectProbe().Match(probe);
        if (redirect.Success)
        {
            var status = int.Parse(redirect.Groups[1].Value);
            var query = request.Path.Contains('?') ? request.Path[request.Path.IndexOf('?')..] : string.Empty;
            return redirect.Groups[2].Value switch
            {
                "other" => global::Midjourney.Hostile.Answer.Redirect(status, new Uri(_server.OtherUrl, "ok" + path) + query),
                "file" => global::Midjourney.Hostile.Answer.Redirect(status, "file:///etc/passwd"),
                "badloc" => global::Midjourney.Hostile.Answer.Redirect(status, "http://[::1"),
                "loop" => global::Midjourney.Hostile.Answer.Redirect(status, "/" + probe + path + query),
                "https" => global::Midjourney.Hostile.Answer.Redirect(status, $"https://127.0.0.1:{_server.BaseUrl.Port}/ok{path}{query}"),
                _ => global::Midjourney.Hostile.Answer.Redirect(status, "/ok" + path + query),
            };
        }

        return probe switch
        {
            "endless" => global::Midjourney.Hostile.Answer.Endless("application/json", Encoding.UTF8.GetBytes("{\"id\":\"1\",\"status\":\"SUCCESS\",\"prompt\":\""), Encoding.ASCII.GetBytes("AAAAAAAA")),
            "gzip" => global::Midjourney.Hostile.Answer.Endless("application/json", DeflateBomb.GzipHeader.Concat(DeflateBomb.Start(final: false)).ToArray(), DeflateBomb.Unit, "gzip"),
            "drip" => global::Midjourney.Hostile.Answer.Drip("application/json", Encoding.UTF8.GetBytes(IsList(path) ? "[" + Task("1", "IN_PROGRESS") + "]" : Task("1", "IN_PROGRESS")), TimeSpan.FromSeconds(1)),
            "buttons" when IsFetch(path) => global::Midjourney.Hostile.Answer.Streamed("application/json", (s, t) => ManyButtonsAsync(s, 1_000_000, t)),
            "buttons-many" when IsFetch(path) => Json(Task("1", "SUCCESS", buttons: Buttons(5000))),
            "urls-many" when IsFetch(path) => Json(Task("1", "SUCCESS", extra: ",\"imageUrls\":[" + string.Join(",", Enumerable.Range(1, 5000).Select(i => $"\"https://cdn.example/{i}.png\"")) + "]")),
            "tasks-many" when IsList(path) => Json("[" + string.Join(",", Enumerable.Range(1, 100_001).Select(i => $"{{\"id\":\"{i}\",\"status\":\"SUCCESS\"}}")) + "]"),
            "inject" => Inject(request),
            "inject-id" when IsSubmit(path) => Json("{\"code\":1,\"description\":\"ok\",\"result\":\"7\\u001b[2J\"}"),
            "inject-id" when IsFetch(path) || IsList(path) => Json(Wrap(path, Task("7\\u001b[2J", "SUCCESS"))),
            "utf8" when IsFetch(path) || IsList(path) => global::Midjourney.Hostile.Answer.Bytes(200, "application/json", InvalidUtf8(path)),
            "time" when IsFetch(path) || IsList(path) => Json(Wrap(path, Task("1", "SUCCESS", extra: ",\"submitTime\":99999999999999999,\"startTime\":-62135596800001,\"finishTime\":1e300"))),
            "time-long" => TimeLong(request),
            "check-drip" when path == $"/mj/task/{MadeUpId}/fetch" => global::Midjourney.Hostile.Answer.Empty(204),
            "check-drip" => global::Midjourney.Hostile.Answer.Drip("application/json", Encoding.UTF8.GetBytes("[]"), TimeSpan.FromSeconds(30)),
            "in-progress" when IsFetch(path) || IsList(path) => Json(Wrap(path, Task("1", "IN_PROGRESS", progress: "10%"))),
            "image-exe" => Honest(request.Method, path, new Uri(_server.BaseUrl, "img/evil.exe").AbsoluteUri),
            _ when probe.StartsWith("image-", StringComparison.Ordinal) => Honest(request.Method, path, new Uri(_server.BaseUrl, "img/" + probe["image-".Length..] + ".png").AbsoluteUri),
            _ => Honest(request.Method, path, OkImage),
        };
    }

    /// <summary>The answer of the other origin: honest, so a client that followed a redirect there would succeed.</summary>
    public Answer Other(HostileRequest request) =>
        request.Probe == "img" ? Image(request.ApiPath.Trim('/')) : Honest(request.Method, request.ApiPath, new Uri(_server.OtherUrl, "img/ok.png").AbsoluteUri);

    /// <summary>The JSON of a task (a grid with its buttons unless given others).</summary>
    public static string Task(string id, string status, string? buttons = null, string extra = "", string progress = "100%", string imageUrl = "https://cdn.example/1.png", string prompt = "a cat") =>
        $$"""{"id":"{{id}}","action":"IMAGINE","status":"{{status}}","progress":"{{progress}}","prompt":"{{prompt}}","promptEn":"{{prompt}}","description":"/imagine {{prompt}}","submitTime":1748339029401,"finishTime":1748339089401,"failReason":"","imageUrl":"{{imageUrl}}","buttons":{{buttons ?? GridButtons(id)}},"properties":{"finalPrompt":"{{prompt}}"}{{extra}}}""";

    /// <summary>U1–U4, V1–V4 and 🔄 of a grid.</summary>
    public static string GridButtons(string id) =>
        "[" + string.Join(",", Enumerable.Range(1, 4).Select(i => $"{{\"customId\":\"MJ::JOB::upsample::{i}::{id}\",\"label\":\"U{i}\",\"emoji\":\"\",\"style\":2,\"type\":2}}")
            .Concat(Enumerable.Range(1, 4).Select(i => $"{{\"customId\":\"MJ::JOB::variation::{i}::{id}\",\"label\":\"V{i}\",\"emoji\":\"\",\"style\":2,\"type\":2}}"))
            .Append($"{{\"customId\":\"MJ::JOB::reroll::0::{id}::SOLO\",\"label\":\"\",\"emoji\":\"🔄\",\"style\":2,\"type\":2}}")) + "]";

    private static string Buttons(int count) =>
        "[" + string.Join(",", Enumerable.Range(1, count).Select(i => $"{{\"customId\":\"MJ::JOB::upsample::1::{i}\",\"label\":\"U1\",\"style\":2,\"type\":2}}")) + "]";

    private static async Task ManyButtonsAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var head = Task("1", "SUCCESS", buttons: "BUTTONS");
        var cut = head.IndexOf("BUTTONS", StringComparison.Ordinal);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head[..cut] + "["), cancellationToken);
        var button = Encoding.UTF8.GetBytes("{\"customId\":\"MJ::JOB::upsample::1::0123456789abcdef0123\",\"label\":\"U1\",\"emoji\":\"\",\"style\":2,\"type\":2},");
        var block = new byte[button.Length * 1000];
        for (var i = 0; i < 1000; i++)
        {
            Buffer.BlockCopy(button, 0, block, i * button.Length, button.Length);
        }

        for (var i = 0; i < count / 1000; i++)
        {
            await stream.WriteAsync(block, cancellationToken);
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"customId\":\"x\"}]" + head[(cut + "BUTTONS".Length)..]), cancellationToken);
    }

    /// <summary>
    /// Every task ran from 1970 to 9999 (each date valid, the span absurd): submits get new ids, fetches and lists of ids
    /// answer them finished.
    /// </summary>
    private Answer TimeLong(HostileRequest request)
    {
        const string span = ",\"startTime\":1,\"finishTime\":253402300799999";
        var path = request.ApiPath;
        if (IsSubmit(path))
        {
            return Json($"{{\"code\":1,\"description\":\"ok\",\"result\":\"{Interlocked.Increment(ref _nextId)}\"}}");
        }

        var fetch = FetchId().Match(path);
        if (fetch.Success && fetch.Groups[1].Value != MadeUpId)
        {
            return Json(Task(fetch.Groups[1].Value, "SUCCESS", extra: span, imageUrl: OkImage));
        }

        if (IsList(path))
        {
            var ids = Regex.Matches(request.Body, "\"(\\d+)\"").Select(m => m.Groups[1].Value).Where(id => id != MadeUpId).Distinct();
            return Json("[" + string.Join(",", ids.Select(id => Task(id, "SUCCESS", extra: span, imageUrl: OkImage))) + "]");
        }

        return Honest(request.Method, path, OkImage);
    }

    private Answer Inject(HostileRequest request)
    {
        var path = request.ApiPath;
        var bad = Escape(Injection);
        if (IsSubmit(path))
        {
            return Json($"{{\"code\":4,\"description\":\"refused {bad} here\",\"result\":null}}");
        }

        if (IsFetch(path) || IsList(path))
        {
            var buttons = $"[{{\"customId\":\"MJ::JOB::upsample::1::1\",\"label\":\"U1{bad}\",\"emoji\":\"{bad}\",\"style\":2,\"type\":2}}]";
            var task = Task("1", "FAILURE", buttons: buttons, prompt: "a cat " + bad,
                extra: $",\"failReason\":\"banned {bad} reason\",\"state\":\"{bad}\",\"imageUrl\":\"https://cdn.example/1.png{bad}\"");
            return Json(Wrap(path, task.Replace("\"failReason\":\"\",", string.Empty, StringComparison.Ordinal)));
        }

        return Honest(request.Method, path, OkImage);
    }

    /// <summary>What an honest proxy answers (TrueAI's shapes).</summary>
    private static Answer Honest(string method, string path, string imageUrl)
    {
        if (path == $"/mj/task/{MadeUpId}/fetch")
        {
            return global::Midjourney.Hostile.Answer.Empty(204);
        }

        var fetch = FetchId().Match(path);
        if (fetch.Success)
        {
            return Json(Task(fetch.Groups[1].Value, "SUCCESS", imageUrl: imageUrl));
        }

        if (IsList(path))
        {
            return Json("[" + Task("1", "SUCCESS", imageUrl: imageUrl) + "]");
        }

        if (path.EndsWith("/image-seed", StringComparison.Ordinal))
        {
            return Json("{\"code\":1,\"description\":\"ok\",\"result\":\"1234\"}");
        }

        if (path.EndsWith("/cancel", StringComparison.Ordinal))
        {
            return Json("{\"code\":1,\"description\":\"ok\",\"result\":null}");
        }

        if (IsSubmit(path))
        {
            return method == "POST"
                ? Json("{\"code\":1,\"description\":\"Submit success\",\"result\":\"1\",\"properties\":{}}")
                : global::Midjourney.Hostile.Answer.Json("{\"code\":405,\"description\":\"method not allowed\"}", 405);
        }

        return global::Midjourney.Hostile.Answer.Json("{\"code\":404,\"description\":\"no such route\"}", 404);
    }

    private Answer Image(string name) => name switch
    {
        "r302-other.png" => global::Midjourney.Hostile.Answer.Redirect(302, new Uri(_server.OtherUrl, "img/ok.png").AbsoluteUri),
        "r302-file.png" => global::Midjourney.Hostile.Answer.Redirect(302, "file:///etc/passwd"),
        "ok.png" => global::Midjourney.Hostile.Answer.Bytes(200, "image/png", HostileFiles.SmallPng),
        "html.png" => global::Midjourney.Hostile.Answer.Bytes(200, "image/png", HostileFiles.Html),
        "random.png" => global::Midjourney.Hostile.Answer.Bytes(200, "image/png", HostileFiles.Random()),
        "huge.png" => global::Midjourney.Hostile.Answer.Bytes(200, "image/png", HostileFiles.HugePng),
        "drip.png" => global::Midjourney.Hostile.Answer.Drip("image/png", HostileFiles.SmallPng, TimeSpan.FromSeconds(1)),
        "evil.exe" => global::Midjourney.Hostile.Answer.Bytes(200, "application/octet-stream", Encoding.ASCII.GetBytes("MZ\u0090\0 This program cannot be run in DOS mode.")),
        "endless.png" => global::Midjourney.Hostile.Answer.Endless("image/png", HostileFiles.SmallPng, new byte[] { 0 }),
        _ => global::Midjourney.Hostile.Answer.Empty(404),
    };

    private static byte[] InvalidUtf8(string path)
    {
        var task = Encoding.UTF8.GetBytes(Wrap(path, Task("1", "SUCCESS", prompt: "a cat XX")));
        var marker = Array.IndexOf(task, (byte)'X');
        task[marker] = 0xC3; // a lead byte...
        task[marker + 1] = 0x28; // ...followed by no continuation byte
        return task;
    }

    private static Answer Json(string json) => global::Midjourney.Hostile.Answer.Json(json);

    private static string Wrap(string path, string task) => IsList(path) ? "[" + task + "]" : task;

    /// <summary>Text as it goes inside a JSON string: control characters (C0, DEL, C1), quotes and backslashes as <c>\uXXXX</c>.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is '"' or '\\' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }

    private static bool IsFetch(string path) => FetchId().IsMatch(path);

    private static bool IsList(string path) => path is "/mj/task/list" or "/mj/task/list-by-condition" or "/mj/task/list-by-ids";

    private static bool IsSubmit(string path) => path.Contains("/submit/", StringComparison.Ordinal);

    [GeneratedRegex("^echo-([45][0-9][0-9])(-json)?$")]
    private static partial Regex EchoProbe();

    [GeneratedRegex("^r(30[1278])-([a-z]+)$")]
    private static partial Regex RedirectProbe();

    [GeneratedRegex("^/mj/task/([^/]+)/fetch$")]
    private static partial Regex FetchId();
}
