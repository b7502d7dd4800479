using System.Net;
using System.Net.Http;
using System.Text;

namespace Midjourney.Client.Tests.Fakes;

/// <summary>One request as the fake server saw it.</summary>
public sealed record SeenRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Uri.AbsolutePath;
}

/// <summary>
/// An HttpMessageHandler that answers from a routing function and records every request, so tests can assert
/// the exact wire shape without sockets.
/// </summary>
public sealed class FakeServer : HttpMessageHandler
{
    private readonly Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<SeenRequest> _seen = new();

    public FakeServer(Func<SeenRequest, HttpResponseMessage> respond) => _respond = (r, _) => Task.FromResult(respond(r));

    public FakeServer(Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public IReadOnlyList<SeenRequest> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.ToList();
            }
        }
    }

    public int Count(string path) => Seen.Count(r => r.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers)
            {
                headers[h.Key] = string.Join(",", h.Value);
            }
        }

        var seen = new SeenRequest(request.Method, request.RequestUri!, headers, body);
        lock (_seen)
        {
            _seen.Add(seen);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var response = await _respond(seen, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Empty(HttpStatusCode status) => new(status) { Content = new ByteArrayContent(Array.Empty<byte>()) };

    public static HttpResponseMessage Accepted(string id, int code = 1, string description = "Submit success") =>
        Json("{\"code\":" + code + ",\"description\":\"" + description + "\",\"result\":\"" + id + "\",\"properties\":{\"discordInstanceId\":\"1\"}}");

    public static string TaskJson(string id, string status, string action = "IMAGINE", string progress = "100%", string extra = "") =>
        $$"""{"id":"{{id}}","action":"{{action}}","status":"{{status}}","progress":"{{progress}}","prompt":"p","imageUrl":"https://cdn.example/{{id}}.png","submitTime":1748339029401{{extra}}}""";
}

/// <summary>Builds clients over a fake server with fast, deterministic settings.</summary>
public static class TestClients
{
    public const string Key = "sk-TEST-KEY-6f1e9c";

    public static MjClient Create(FakeServer server, Action<MjClientOptions>? configure = null)
    {
        var options = new MjClientOptions(new Uri("http://proxy.test"))
        {
            ApiKey = Key,
            EnableJournal = false,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            QueueFullPatience = TimeSpan.Zero, // tests that want patience ask for it
            LostAnswerGrace = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return new MjClient(options, server, disposeHandler: false);
    }

    public static MjWaitOptions FastWait(TimeSpan? timeout = null) => new()
    {
        MinPollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        Timeout = timeout,
    };
}
