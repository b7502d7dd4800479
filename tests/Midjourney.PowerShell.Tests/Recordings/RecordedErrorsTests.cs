using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.Client.Tests.Recordings;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Operations.Batch;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Support;
using Xunit;

namespace Midjourney.PowerShell.Tests.Recordings;

/// <summary>
/// What a PowerShell user gets for every refusal a real server recorded (tests/Recordings/*/): the error id and category
/// the module decides, an English message and a recommended action; and the fixes of issue 16 that live in this layer
/// (outages in Invoke-MjBatch, -Mode named only where a command has it).
/// </summary>
public sealed class RecordedErrorsTests
{
    public static TheoryData<string> Refusals()
    {
        var data = new TheoryData<string>();
        foreach (var answer in RecordedAnswer.All.Where(a => RecordedExpectations.ErrorOf(a) is not null))
        {
            data.Add(answer.Key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_recorded_refusal_gets_its_error_id_category_and_an_English_recommended_action(string key)
    {
        var answer = RecordedAnswer.Get(key);
        var error = ErrorMapping.FromException(await FailureOf(answer), "target");

        var (id, category) = Expected(answer, error.Exception);
        Assert.Equal((id, category), (error.ErrorId, error.Category));
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction), $"{key}: no recommended action");
        Assert.False(RecordedExpectations.HasCjk(error.RecommendedAction), $"{key}: {error.RecommendedAction}");
        var quoted = (error.Exception as MjApiException)?.Description;
        Assert.False(RecordedExpectations.HasCjk(quoted is null ? error.Message : error.Message.Replace(quoted, string.Empty)), $"{key}: {error.Message}");
    }

    /// <summary>The module's contract: an outage is the server's (MjServerError), not bad input; a guest's cancel is a permission.</summary>
    private static (string, MjErrorCategory) Expected(RecordedAnswer answer, Exception exception)
    {
        var known = MjServerMessages.Find(RecordedExpectations.TextOf(answer));
        return exception switch
        {
            MjAuthenticationException => (MjErrorIds.AuthenticationFailed, answer.Status == 403 ? MjErrorCategory.PermissionDenied : MjErrorCategory.AuthenticationError),
            MjNotSupportedException { NeedsAdministrator: true } => (MjErrorIds.ApiError, MjErrorCategory.PermissionDenied),
            MjNotFoundException { Code: null, TaskId: null } => (MjErrorIds.EndpointNotFound, MjErrorCategory.NotImplemented),
            MjNotFoundException => (MjErrorIds.TaskNotFound, MjErrorCategory.ObjectNotFound),
            MjServerException when known?.Kind == MjServerMessageKind.Unavailable => (MjErrorIds.ServerError, MjErrorCategory.ResourceUnavailable),
            MjServerException => (MjErrorIds.ServerError, MjErrorCategory.ResourceUnavailable),
            MjValidationException => (MjErrorIds.ApiError, answer.Status == 400 ? MjErrorCategory.InvalidArgument : MjErrorCategory.InvalidOperation),
            _ => throw new InvalidOperationException($"{answer.Key}: {exception.GetType().Name} has no expectation"),
        };
    }

    [Theory]
    [InlineData("trueai-11.10.3/guest-redis.json#imagine")] // 无可用的账号实例
    [InlineData("trueai-11.10.3/guest-nokey.json#imagine")] // 服务暂不可用 (Redis down), code 4
    [InlineData("trueai-11.10.3/guest-nokey.json#blend")] // the same in the code -1 envelope
    [InlineData("trueai-11.10.3/guest-redis.json#upload")] // 实例不存在或不可用, code 4
    public async Task An_outage_is_a_server_error_whatever_its_code(string key)
    {
        var error = ErrorMapping.FromException(await FailureOf(RecordedAnswer.Get(key)), "target");

        Assert.Equal((MjErrorIds.ServerError, MjErrorCategory.ResourceUnavailable), (error.ErrorId, error.Category));
    }

    [Fact]
    public async Task Another_speed_mode_is_named_as_the_command_names_it_and_not_at_all_where_it_has_none()
    {
        var imagine = ErrorMapping.FromException(await FailureOf(RecordedAnswer.Get("trueai-11.10.3/guest-redis.json#imagine")), "red mug");
        var seed = ErrorMapping.FromException(await FailureOf(RecordedAnswer.Get("trueai-11.10.3/tasks-admin.json#seed-grid")), "1796600847203001");

        Assert.Equal("Try again later, or with another -Mode (for example Relax); if it persists, ask the server's administrator, who can see why with Get-MjAccount.",
            ErrorMapping.WithSpeedChoice(imagine, "-Mode").RecommendedAction);
        Assert.Equal("Try again later, or with another Mode column (for example Relax); if it persists, ask the server's administrator, who can see why with Get-MjAccount.",
            ErrorMapping.WithSpeedChoice(imagine, "Mode column").RecommendedAction);
        Assert.Equal("Try again later; if it persists, ask the server's administrator, who can see why with Get-MjAccount.", ErrorMapping.WithSpeedChoice(imagine, null).RecommendedAction);
        Assert.Equal("Try again later; if it persists, ask the server's administrator, who can see why with Get-MjAccount.", ErrorMapping.WithSpeedChoice(seed, "-Mode").RecommendedAction);
        Assert.DoesNotContain("Mode", ErrorMapping.WithSpeedChoice(seed, null).RecommendedAction);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_recorded_refusal_says_its_advice_once_also_where_the_command_rewords_it(string key)
    {
        var plain = ErrorMapping.FromException(await FailureOf(RecordedAnswer.Get(key)), "target");
        foreach (var error in new[] { plain, ErrorMapping.WithSpeedChoice(plain, "-Mode"), ErrorMapping.WithSpeedChoice(plain, null) })
        {
            // The recommendation is shown on its own line: the message says what happened, and no sentence of advice.
            var advice = (error.Exception as MjApiException)?.Advice;
            Assert.False(advice is not null && error.Message.Contains(advice), $"{key}: the advice is in the message too: {error.Message}");
            foreach (var phrase in new[] { "speed mode", "-Mode", "Try again", "try again" })
            {
                Assert.False(error.Message.Contains(phrase) && error.RecommendedAction!.Contains(phrase), $"{key}: '{phrase}' twice:\n{error.Message}\n{error.RecommendedAction}");
            }
        }
    }

    [Fact]
    public async Task A_batch_files_an_outage_as_the_servers_error_keeps_the_rows_retryable_and_says_to_rerun_in_its_own_sentence()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mjps-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var answer = RecordedAnswer.Get("trueai-11.10.3/guest-redis.json#imagine");
            var server = new RecordingServer(answer);
            using var connection = MjConnection.Create(new MjConnectionSettings(new Uri("http://127.0.0.1:18080"))
            {
                EnableJournal = false,
                Handler = server,
                Tune = o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            });
            var options = new BatchOptions
            {
                OutputPath = folder,
                StatePath = Path.Combine(folder, ".mjbatch.jsonl"),
                Connections = { connection },
                PollInterval = TimeSpan.FromMilliseconds(10),
                Rows = new[] { "red ceramic mug", "blue teapot", "green cup" }
                    .Select((p, i) => new BatchRow(i + 1, "row" + (i + 1), p) { Options = new NewImagineOptions { Prompt = p } }).ToList(),
            };

            var first = new RecordingOutput();
            await new InvokeBatchOperation(new MjSession(_ => null)).RunAsync(options, first, CancellationToken.None);

            Assert.Equal(3, first.Errors.Count);
            foreach (var error in first.Errors)
            {
                Assert.Equal((MjErrorIds.ServerError, MjErrorCategory.ResourceUnavailable), (error.ErrorId, error.Category));
                Assert.Matches(@"^Row \d: The server has no Midjourney account that can take this job", error.Message);
                Assert.EndsWith("ask the server's administrator, who can see why with Get-MjAccount. " + BatchRowException.CarryOn, error.RecommendedAction);
            }

            var summary = Assert.Single(first.Objects.OfType<MjBatchSummary>());
            Assert.Equal((3, 0), (summary.Failed, summary.Done));
            Assert.All(summary.Failures, f => Assert.True(f.Retryable));
            var reason = summary.Failures[0].Reason.Split('\n');
            Assert.EndsWith(". " + BatchRowException.CarryOn, reason[0]); // its own sentence, in English
            Assert.EndsWith("answered code 3: 无可用的账号实例", reason[1]); // the server's words last, on their own line
            Assert.DoesNotMatch(@"无可用的账号实例\s*Run", summary.Failures[0].Reason);

            // The rows stay retryable: the same command sends them again.
            var before = server.Seen.Count(r => r.EndsWith("/mj/submit/imagine", StringComparison.Ordinal));
            await new InvokeBatchOperation(new MjSession(_ => null)).RunAsync(options, new RecordingOutput(), CancellationToken.None);
            Assert.Equal(before + 3, server.Seen.Count(r => r.EndsWith("/mj/submit/imagine", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Exception> FailureOf(RecordedAnswer answer)
    {
        using var client = RecordedCalls.ClientFor(answer, new RecordingServer(answer));
        try
        {
            await RecordedCalls.SendAsync(client, answer);
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException($"{answer.Key} did not fail");
    }
}
