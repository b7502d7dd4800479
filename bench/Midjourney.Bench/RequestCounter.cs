using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Bench;

/// <summary>
/// Counts every HTTP attempt by route kind before it is sent (so a reset attempt counts too), and the polls made
/// while 10 or more tasks were in flight. Sits under our client's own pipeline, so retries are counted as well.
/// </summary>
public sealed class RequestCounter : DelegatingHandler
{
    private readonly Func<int> _inFlight;
    private long _submits;
    private long _polls;
    private long _lists;
    private long _other;
    private long _pollsAt10;

    public RequestCounter(HttpMessageHandler inner, Func<int> inFlight)
        : base(inner) => _inFlight = inFlight;

    public long Submits => Interlocked.Read(ref _submits);

    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>GET /mj/task/list: the script never lists, so these are lookups after a lost submit answer.</summary>
    public long Lists => Interlocked.Read(ref _lists);

    public long Other => Interlocked.Read(ref _other);

    public long PollsAt10 => Interlocked.Read(ref _pollsAt10);

    public long Total => Submits + Polls + Lists + Other;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (path.Contains("/submit/", StringComparison.Ordinal)) Interlocked.Increment(ref _submits);
        else if (path.EndsWith("/list-by-condition", StringComparison.Ordinal) || path.EndsWith("/fetch", StringComparison.Ordinal)) CountPoll();
        else if (path.EndsWith("/task/list", StringComparison.Ordinal)) Interlocked.Increment(ref _lists);
        else Interlocked.Increment(ref _other);
        return base.SendAsync(request, cancellationToken);
    }

    private void CountPoll()
    {
        Interlocked.Increment(ref _polls);
        if (_inFlight() >= 10) Interlocked.Increment(ref _pollsAt10);
    }
}
