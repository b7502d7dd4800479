using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client.Tests.Downloads;

/// <summary>Serves canned answers per URL, in order (the last one repeats), and records what was asked.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>> _routes = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    /// <summary>Every request's full URL and header names, in order.</summary>
    public ConcurrentQueue<(string Url, string[] HeaderNames)> Seen { get; } = new();

    public void Serve(string url, params Func<HttpResponseMessage>[] answers) =>
        _routes[Key(url)] = answers.Select(a => (Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>)((_, _) => Task.FromResult(a()))).ToList();

    public void ServeAsync(string url, params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] answers) =>
        _routes[Key(url)] = answers.ToList();

    public int CountFor(string url) => _counts.TryGetValue(Key(url), out var n) ? n : 0;

    public static HttpResponseMessage Bytes(byte[] body, string? contentType = "image/png", HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return new HttpResponseMessage(status) { Content = content };
    }

    public static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Array.Empty<byte>()) };
        if (retryAfter is TimeSpan wait)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        }

        return response;
    }

    public static HttpResponseMessage Stream(Stream body, string? contentType = "image/png", long? declaredLength = null)
    {
        var content = new StreamContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        content.Headers.ContentLength = declaredLength;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = Key(request.RequestUri!.AbsoluteUri);
        var names = request.Headers.Select(h => h.Key).ToArray();
        Seen.Enqueue((request.RequestUri.AbsoluteUri, names));
        var n = _counts.AddOrUpdate(key, 1, (_, c) => c + 1);
        if (!_routes.TryGetValue(key, out var answers))
        {
            return Task.FromResult(Status(HttpStatusCode.NotFound));
        }

        var answer = answers[Math.Min(n, answers.Count) - 1];
        return answer(request, cancellationToken);
    }

    private static string Key(string url) => new Uri(url).AbsoluteUri;
}
