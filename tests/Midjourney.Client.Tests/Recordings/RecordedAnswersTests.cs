using System.Text.Json;

namespace Midjourney.Client.Tests.Recordings;

/// <summary>
/// Every answer a real server gave (tests/Recordings/&lt;server-version&gt;/*.json), fed to the client for the same request:
/// lists, tasks and seeds parse; every refusal becomes the right exception with an English message that says what to do,
/// the server's own words only quoted. A new recording folder is picked up without a change here.
/// </summary>
public sealed class RecordedAnswersTests
{
    public static TheoryData<string> Keys() => RecordedAnswer.Keys();

    [Fact]
    public void The_recordings_are_read()
    {
        Assert.Contains(RecordedAnswer.All, a => a.Folder == "trueai-11.10.3");
        Assert.True(RecordedAnswer.All.Count >= 240, $"{RecordedAnswer.All.Count} answers");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Every_recorded_answer_parses_or_becomes_an_English_error_that_says_what_to_do(string key)
    {
        var answer = RecordedAnswer.Get(key);
        var server = new RecordingServer(answer);
        using var client = RecordedCalls.ClientFor(answer, server);

        object? result = null;
        Exception? error = null;
        try
        {
            result = await RecordedCalls.SendAsync(client, answer);
        }
        catch (Exception e)
        {
            error = e;
        }

        var expected = RecordedExpectations.ErrorOf(answer);
        if (expected is null)
        {
            Assert.True(error is null, $"{key}: {error}");
            AssertParsed(answer, result);
            return;
        }

        Assert.NotNull(error);
        Assert.IsType(expected, error);
        AssertEnglishWithAdvice(key, (MjException)error!);
    }

    /// <summary>A success is read into the client's own shapes, with the fields that matter taken from the body.</summary>
    private static void AssertParsed(RecordedAnswer answer, object? result)
    {
        var json = answer.Json;
        switch (result)
        {
            case MjTask task:
                var root = json!.Value;
                Assert.Equal(root.GetProperty("id").GetString(), task.Id);
                Assert.Equal(NonEmpty(root, "seed"), task.Seed);
                Assert.Equal(NonEmpty(root, "instanceId"), task.InstanceId);
                Assert.Equal(NonEmpty(root, "thumbnailUrl"), task.ThumbnailUrl);
                var status = root.GetProperty("status").GetString();
                var reason = NonEmpty(root, "failReason");
                var cancelled = status == "CANCEL" || (status == "FAILURE" && reason == "取消任务");
                Assert.Equal(cancelled, task.Status == MjTaskStatus.Cancelled);
                Assert.Equal(status == "SUCCESS", task.Status == MjTaskStatus.Success);
                break;
            case IReadOnlyList<MjTask> tasks:
                Assert.Equal(JsonValueKind.Array, json!.Value.ValueKind);
                Assert.Equal(json.Value.EnumerateArray().Select(t => t.GetProperty("id").GetString()), tasks.Select(t => t.Id));
                break;
            case string seed:
                Assert.Equal(json!.Value.GetProperty("result").GetString(), seed);
                break;
            case null:
                break;
            default:
                Assert.Fail($"{answer.Key}: unexpected result {result}");
                break;
        }
    }

    /// <summary>
    /// The message is English (the server's words appear only as a quote), says what to do (Advice, also in the message
    /// for C# callers), and a server text in Chinese is one the module knows.
    /// </summary>
    internal static void AssertEnglishWithAdvice(string key, MjException error)
    {
        var message = error.Message;
        var api = error as MjApiException;
        if (api?.Description is { Length: > 0 } words)
        {
            message = message.Replace(words, string.Empty);
            if (RecordedExpectations.HasCjk(words))
            {
                Assert.True(api.ServerMessage is not null, $"{key}: the server's text '{words}' has no English in MjServerMessages");
            }
        }

        Assert.False(RecordedExpectations.HasCjk(message), $"{key}: not English: {error.Message}");
        Assert.Matches("[A-Za-z]{3,}", message);
        var advice = api?.Advice;
        Assert.False(string.IsNullOrWhiteSpace(advice), $"{key}: no advice: {error.Message}");
        Assert.False(RecordedExpectations.HasCjk(advice), $"{key}: advice not English: {advice}");
        if (api?.ServerMessage is not null)
        {
            Assert.Contains(advice!, error.Message); // a C# caller reads both in the message
        }

        // A server's text that ends in a stop of its own gets no second one ("missing..", "。.").
        Assert.DoesNotMatch(DoubleStop, error.Message);
    }

    /// <summary>Two stops in a row that end a sentence, where the module closed one that already was ("...", "U1..U4" are not).</summary>
    internal static readonly System.Text.RegularExpressions.Regex DoubleStop = new(@"(?<!\.)[.。!?！？]\.(?=\s|$)");

    private static string? NonEmpty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
