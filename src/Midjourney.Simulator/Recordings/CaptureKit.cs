using System.Collections.Generic;

namespace Midjourney.Simulator.Recordings;

/// <summary>
/// The request bodies of the capture kit's <c>capture.py</c> and of <c>tools/recordings/capture_client.py</c> (their
/// recordings keep the headers sent but not the bodies), byte for byte as Python's <c>json.dumps</c> wrote them, with the
/// kit's red.png and blue.png.
/// </summary>
internal static class CaptureKit
{
    /// <summary>The kit's red.png (64×64) as a data URL.</summary>
    public const string Red = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAeUlEQVR4nO3PQQkAMAzAwCqpfymTNRF7HINABFzm7H7dcEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFj13Kp0DxHeM4GQAAAABJRU5ErkJggg==";

    /// <summary>The kit's blue.png (64×64) as a data URL.</summary>
    public const string Blue = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAeUlEQVR4nO3PQQkAMAzAwCqpfymTNRF7HINABFxm93zdcEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFj12JbEDxwwbwKgAAAABJRU5ErkJggg==";

    private const string MissingId = "1234567890123456";

    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["lbc-unknown"] = $$"""{"ids": ["{{MissingId}}"]}""",
        ["lbc-empty"] = "{}",
        ["lbc-status"] = """{"status": "SUCCESS"}""",
        ["lbi-unknown"] = $$"""{"ids": ["{{MissingId}}"]}""",
        ["imagine"] = """{"prompt": "red mug --v 7"}""",
        ["imagine-fast"] = """{"prompt": "red mug --v 7"}""",
        ["imagine-img"] = $$"""{"prompt": "red mug --v 7", "base64Array": ["{{Red}}"]}""",
        ["imagine-empty"] = """{"prompt": ""}""",
        ["imagine-badb64"] = """{"prompt": "x", "base64Array": ["not base64!!"]}""",
        ["imagine-malformed"] = "{\"prompt\": \"x\"", // cut short on purpose
        ["imagine-nobody"] = "",
        ["imagine-textplain"] = """{"prompt": "x"}""",
        ["action-missing"] = $$"""{"taskId": "{{MissingId}}", "customId": "MJ::JOB::upsample::1::abc"}""",
        ["modal-missing"] = $$"""{"taskId": "{{MissingId}}", "prompt": "x"}""",
        ["blend"] = $$"""{"base64Array": ["{{Red}}", "{{Blue}}"], "dimensions": "SQUARE"}""",
        ["blend-one"] = $$"""{"base64Array": ["{{Red}}"], "dimensions": "SQUARE"}""",
        ["blend-baddim"] = $$"""{"base64Array": ["{{Red}}", "{{Blue}}"], "dimensions": "HUGE"}""",
        ["describe"] = $$"""{"base64": "{{Red}}"}""",
        ["describe-link"] = """{"link": "http://127.0.0.1:9/x.png"}""",
        ["describe-empty"] = "{}",
        ["shorten"] = """{"prompt": "a very long prompt about a red mug on a wooden table"}""",
        ["video"] = $$"""{"prompt": "red mug", "image": "{{Red}}", "motion": "low"}""",
        ["video-extend-missing"] = $$"""{"action": "extend", "taskId": "{{MissingId}}", "index": 0, "prompt": "x"}""",
        ["edits"] = $$"""{"prompt": "red mug", "image": "{{Red}}"}""",
        ["edit"] = $$"""{"prompt": "red mug", "image": "{{Red}}"}""",
        ["retexture"] = $$"""{"prompt": "red mug", "image": "{{Red}}"}""",
        ["upload"] = $$"""{"base64Array": ["{{Red}}"]}""",
        ["change"] = $$"""{"taskId": "{{MissingId}}", "action": "UPSCALE", "index": 1}""",
        ["simple-change"] = $$"""{"content": "{{MissingId}} U1"}""",
        ["admin-users"] = """{"pagination": {"current": 1, "pageSize": 10}}""",

        // tools/recordings/capture_client.py (the client's own requests), which records no bodies either.
        ["blend-long-state"] = $$"""{"base64Array": ["data:image/png;base64,AA==", "data:image/png;base64,AA=="], "state": "{{new string('x', 256)}}"}""",
        ["imagine-long-state"] = $$"""{"prompt": "red mug", "state": "{{new string('x', 256)}}"}""",
    };

    /// <summary>The body capture.py sends for the request <paramref name="name"/>, or null when it sends none.</summary>
    public static string? BodyOf(string name) => Bodies.TryGetValue(name, out string? body) ? body : null;
}
