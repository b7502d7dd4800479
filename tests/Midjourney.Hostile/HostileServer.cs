using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Midjourney.Hostile;

/// <summary>One request as the hostile server saw it.</summary>
/// <param name="Origin">"main" (the proxy the client connects to) or "other" (the second origin redirects point at).</param>
/// <param name="Method">GET, POST...</param>
/// <param name="Path">The whole path, probe segment included.</param>
/// <param name="Headers">Header names in lower case.</param>
/// <param name="Body">The request body as text.</param>
public sealed record HostileRequest(string Origin, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The probe: the path's first segment (<c>/r302-other/mj/task/1/fetch</c> → <c>r302-other</c>).</summary>
    public string Probe => Path.TrimStart('/').Split('/', 2)[0];

    /// <summary>The path after the probe segment (<c>/mj/task/1/fetch</c>).</summary>
    public string ApiPath
    {
        get
        {
            var parts = Path.TrimStart('/').Split('/', 2);
            return parts.Length > 1 ? "/" + parts[1].Split('?')[0] : "/";
        }
    }

    /// <summary>The credential the request carried: <c>mj-api-secret</c>, else <c>Authorization</c>; null without either.</summary>
    public string? Key => Headers.TryGetValue("mj-api-secret", out var secret) ? secret : Headers.TryGetValue("authorization", out var auth) ? auth : null;

    /// <summary>True when the request carried any credential header.</summary>
    public bool CarriesKey => Headers.ContainsKey("mj-api-secret") || Headers.ContainsKey("authorization");
}

/// <summary>
/// A server that answers like a broken or hostile midjourney-proxy, on 127.0.0.1. It speaks plain HTTP/1.1 over a raw
/// socket (one request per connection), so it can send what no framework would: endless bodies, drips, gzip bombs,
/// redirects to <c>file:</c>. The first path segment picks the probe (see <see cref="Probes"/>), so one server serves
/// them all: connect a client to <see cref="Probe"/>(name). A second listener, <see cref="OtherUrl"/>, is "another
/// origin" for redirects; it records what reaches it.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;
    private readonly TcpListener _main = new(IPAddress.Loopback, 0);
    private readonly TcpListener _other = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HostileRequest> _requests = new();
    private readonly List<Task> _loops = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();

    /// <summary>Starts both listeners on free loopback ports.</summary>
    public HostileServer()
    {
        _main.Start();
        _other.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_main.LocalEndpoint).Port}/");
        OtherUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_other.LocalEndpoint).Port}/");
        Probes = new Probes(this);
        _loops.Add(AcceptAsync(_main, "main"));
        _loops.Add(AcceptAsync(_other, "other"));
    }

    /// <summary>The proxy's root (probes are folders under it).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Another origin (another port): where the <c>-other</c> redirects point.</summary>
    public Uri OtherUrl { get; }

    /// <summary>The answers.</summary>
    public Probes Probes { get; }

    /// <summary>Every request so far, both origins, in arrival order.</summary>
    public IReadOnlyList<HostileRequest> Requests => _requests.ToArray();

    /// <summary>The -Uri of a probe: <c>http://127.0.0.1:port/&lt;name&gt;</c>.</summary>
    public Uri Probe(string name) => new(BaseUrl, name);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _main.Stop();
        _other.Stop();
        try
        {
            await Task.WhenAll(_loops.Concat(_connections.Keys)).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Stopping: a connection cut mid-answer is expected.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, string origin)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var serving = ServeAsync(client, origin);
            _connections[serving] = true;
            _ = serving.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, string origin)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            try
            {
                var request = await ReadRequestAsync(stream, origin, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                var answer = origin == "other" ? Probes.Other(request) : Probes.Answer(request);
                await answer.WriteAsync(stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a cap tripped, a deadline passed): that is the point of most probes.
            }
        }
    }

    private static async Task<HostileRequest?> ReadRequestAsync(NetworkStream stream, string origin, CancellationToken cancellationToken)
    {
        var head = new MemoryStream();
        var one = new byte[1];
        while (head.Length < MaxHeadBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.WriteByte(one[0]);
            var b = head.GetBuffer();
            var n = (int)head.Length;
            if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n')
            {
                break;
            }
        }

        var lines = Encoding.Latin1.GetString(head.ToArray()).Split("\r\n");
        var first = lines[0].Split(' ');
        if (first.Length < 2)
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        var body = string.Empty;
        if (headers.TryGetValue("content-length", out var lengthText) && int.TryParse(lengthText, out var length) && length > 0)
        {
            var bytes = new byte[Math.Min(length, 1024 * 1024)];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = await stream.ReadAsync(bytes.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            body = Encoding.UTF8.GetString(bytes, 0, read);
        }

        return new HostileRequest(origin, first[0], first[1], headers, body);
    }
}
