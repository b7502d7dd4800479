using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client.Tests.Recordings;

/// <summary>
/// The client call that sends a recorded request: the same route (and speed prefix) with valid arguments, so that the
/// recorded answer, not the client's own input checks, decides the outcome. A route the client has no call for is read
/// as a plain request through the client's transport (its answer is mapped the way every answer is).
/// </summary>
public static class RecordedCalls
{
    /// <summary>A 1×1 PNG as a data URL: valid input for every image parameter.</summary>
    public const string Png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static readonly Regex Submit = new(@"^(?<prefix>/mj-(?<mode>fast|relax|turbo))?/mj/submit/(?<endpoint>[\w-]+)$", RegexOptions.CultureInvariant);

    /// <summary>A client over <paramref name="server"/> that sends the recorded request's key the way it was sent.</summary>
    public static MjClient ClientFor(RecordedAnswer answer, HttpMessageHandler server)
    {
        var options = new MjClientOptions(new Uri("http://127.0.0.1:18080"))
        {
            EnableJournal = false,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            QueueFullPatience = TimeSpan.Zero,
            LostAnswerGrace = TimeSpan.FromMilliseconds(1),
        };
        if (answer.SentHeaders.TryGetValue("Authorization", out var authorization) && authorization.Length > 0)
        {
            var bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal);
            options.AuthScheme = bearer ? AuthScheme.Bearer : AuthScheme.Raw;
            options.ApiKey = bearer ? authorization.Substring(7) : authorization;
        }
        else if (answer.SentHeaders.TryGetValue("mj-api-secret", out var secret) && secret.Length > 0)
        {
            options.AuthScheme = AuthScheme.MjApiSecret;
            options.ApiKey = secret;
        }

        return new MjClient(options, server, disposeHandler: false);
    }

    /// <summary>True when the client has a call of its own for the recorded route.</summary>
    public static bool HasOwnCall(RecordedAnswer answer) => Call(answer) is not null;

    /// <summary>Sends the recorded request; returns what the client made of the answer (a task, tasks, a seed, nothing).</summary>
    public static Task<object?> SendAsync(MjClient client, RecordedAnswer answer) =>
        (Call(answer) ?? Plain(answer))(client);

    private static Func<MjClient, Task<object?>>? Call(RecordedAnswer answer)
    {
        var id = answer.TaskId ?? "1234567890123456";
        var route = (answer.Method, answer.Route);
        switch (route)
        {
            case ("GET", "/mj/task/{id}/fetch"):
                return async c => await c.GetTaskAsync(id);
            case ("GET", "/mj/task/list"):
                return async c => await c.ListTasksAsync();
            case ("POST", "/mj/task/list-by-condition"):
                return async c => await c.GetTasksAsync(new[] { "1796600847203001", "1796600847251007", "1234567890123456" });
            case ("POST", "/mj/task/{id}/cancel"):
                return async c =>
                {
                    await c.CancelTaskAsync(id);
                    return null;
                };
            case ("GET", "/mj/task/{id}/image-seed"):
                return async c => await c.GetImageSeedAsync(id);
        }

        var submit = Submit.Match(answer.Path);
        if (answer.Method != "POST" || !submit.Success)
        {
            return null;
        }

        var mode = submit.Groups["mode"].Value switch
        {
            "fast" => SpeedMode.Fast,
            "relax" => SpeedMode.Relax,
            "turbo" => SpeedMode.Turbo,
            _ => SpeedMode.Default,
        };
        return submit.Groups["endpoint"].Value switch
        {
            "imagine" => async c => await c.ImagineAsync(new MjImagineRequest("red mug --v 7") { Mode = mode }),
            "blend" => async c => await c.BlendAsync(new MjBlendRequest(new[] { Png, Png }) { Mode = mode }),
            "describe" => async c => await c.DescribeAsync(new MjDescribeRequest { Image = Png, Mode = mode }),
            "shorten" => async c => await c.ShortenAsync(new MjShortenRequest("a very long prompt about a red mug on a wooden table") { Mode = mode }),
            "video" => async c => await c.VideoAsync(new MjVideoRequest("red mug") { Image = Png, Mode = mode }),
            "edits" or "edit" => async c => await c.EditAsync(new MjEditRequest("red mug", Png) { Mode = mode }),
            "retexture" => async c => await c.RetextureAsync(new MjEditRequest("red mug", Png) { Mode = mode }),
            "upload-discord-images" => async c => await c.UploadImagesAsync(new[] { Png }),
            "action" => async c => await c.ClickAsync(new MjButton("1796600847203001", "MJ::JOB::upsample::1::a1d6c282-c93d-4eb1-8129-9a9c63098feb", "U1"), new MjClickOptions { Mode = mode }),
            "modal" => async c => await c.SubmitModalAsync(new MjModalRequest("1796600847203001") { Prompt = "a lid", Mode = mode }),
            "change" => async c => await c.ChangeAsync("1796600847203001", MjChangeAction.Upscale, 1, new MjClickOptions { Mode = mode }),
            "simple-change" => async c => await c.SimpleChangeAsync("1796600847203001 U1", new MjClickOptions { Mode = mode }),
            _ => null,
        };
    }

    /// <summary>A route without a call of its own: read through the transport, and mapped as every answer is.</summary>
    private static Func<MjClient, Task<object?>> Plain(RecordedAnswer answer) => async c =>
    {
        var method = new HttpMethod(answer.Method);
        byte[]? body = answer.Method == "POST" ? "{}"u8.ToArray() : null;
        return await c.Transport.ReadAsync<object?>(method, answer.Path, body, response =>
            response.Status >= 300 ? throw c.Transport.Errors.FromResponse(response) : null, CancellationToken.None);
    };
}
