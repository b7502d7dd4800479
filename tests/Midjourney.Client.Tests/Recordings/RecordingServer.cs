using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client.Tests.Recordings;

/// <summary>
/// A fake server that gives a recorded answer to its request, and to every other request the client makes meanwhile
/// (a check of the fetch route after a 404, a look at the task list after a lost answer) what the same server answered
/// to that route in the same recording, or an empty 404 where it recorded nothing.
/// </summary>
public sealed class RecordingServer : HttpMessageHandler
{
    private readonly RecordedAnswer _answer;
    private readonly List<string> _seen = new();

    public RecordingServer(RecordedAnswer answer) => _answer = answer;

    /// <summary>The requests the client sent, as "METHOD /path".</summary>
    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.ToList();
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = request.RequestUri!.AbsolutePath;
        lock (_seen)
        {
            _seen.Add($"{method} {path}");
        }

        var probe = _answer with { Method = method, Path = path };
        var answer = method == _answer.Method && probe.Route == _answer.Route
            ? _answer
            : _answer.Siblings.FirstOrDefault(a => a.Method == method && a.Route == probe.Route);
        var response = answer?.ToResponse() ?? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent(Array.Empty<byte>()) };
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
