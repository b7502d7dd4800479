using System.Text;

namespace Midjourney.Hostile;

/// <summary>An HTTP answer written straight to the socket: whatever a hostile server might send.</summary>
public abstract class Answer
{
    /// <summary>Writes the whole answer (or until the client goes away).</summary>
    public abstract Task WriteAsync(Stream stream, CancellationToken cancellationToken);

    /// <summary>A complete answer with a Content-Length.</summary>
    public static Answer Bytes(int status, string contentType, byte[] body, params (string Name, string Value)[] headers) =>
        new Fixed(status, contentType, body, headers);

    /// <summary>JSON text with a Content-Length.</summary>
    public static Answer Json(string json, int status = 200) => Bytes(status, "application/json", Encoding.UTF8.GetBytes(json));

    /// <summary>A redirect to <paramref name="location"/> (written as given: relative, <c>file:</c>, broken...).</summary>
    public static Answer Redirect(int status, string location) => Bytes(status, "text/plain", Encoding.ASCII.GetBytes("moved"), ("Location", location));

    /// <summary>An empty answer.</summary>
    public static Answer Empty(int status) => Bytes(status, "text/plain", Array.Empty<byte>());

    /// <summary>
    /// A body that never ends: <paramref name="prefix"/>, then <paramref name="filler"/> for ever (no Content-Length; the
    /// connection would close it), optionally under a Content-Encoding.
    /// </summary>
    public static Answer Endless(string contentType, byte[] prefix, byte[] filler, string? contentEncoding = null) =>
        new Endless(contentType, prefix, filler, contentEncoding);

    /// <summary>A complete, well-formed answer whose body arrives one byte per <paramref name="interval"/>.</summary>
    public static Answer Drip(string contentType, byte[] body, TimeSpan interval) => new Drip(contentType, body, interval);

    /// <summary>A body produced by <paramref name="write"/> (no Content-Length; the connection's close ends it).</summary>
    public static Answer Streamed(string contentType, Func<Stream, CancellationToken, Task> write) => new Streamed(contentType, write);

    internal static async Task HeadAsync(Stream stream, int status, string contentType, long? length, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("HTTP/1.1 ").Append(status).Append(' ').Append(Reason(status)).Append("\r\n");
        text.Append("Content-Type: ").Append(contentType).Append("\r\n");
        if (length is long n)
        {
            text.Append("Content-Length: ").Append(n).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(text.ToString()), cancellationToken);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "Status",
    };
}

internal sealed class Fixed(int status, string contentType, byte[] body, (string Name, string Value)[] headers) : Answer
{
    public override async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        await HeadAsync(stream, status, contentType, body.Length, headers, cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }
}

internal sealed class Endless(string contentType, byte[] prefix, byte[] filler, string? contentEncoding) : Answer
{
    public override async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        var headers = contentEncoding is null ? Array.Empty<(string, string)>() : new[] { ("Content-Encoding", contentEncoding) };
        await HeadAsync(stream, 200, contentType, null, headers, cancellationToken);
        await stream.WriteAsync(prefix, cancellationToken);

        // Big writes: the client reads as fast as loopback allows, so it is the client's cap that must end this.
        var block = new byte[Math.Max(filler.Length, 64 * 1024 / filler.Length * filler.Length)];
        for (var at = 0; at + filler.Length <= block.Length; at += filler.Length)
        {
            Buffer.BlockCopy(filler, 0, block, at, filler.Length);
        }

        while (true)
        {
            await stream.WriteAsync(block, cancellationToken);
        }
    }
}

internal sealed class Drip(string contentType, byte[] body, TimeSpan interval) : Answer
{
    public override async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        await HeadAsync(stream, 200, contentType, body.Length, Array.Empty<(string, string)>(), cancellationToken);
        for (var i = 0; i < body.Length; i++)
        {
            await stream.WriteAsync(body.AsMemory(i, 1), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(interval, cancellationToken);
        }
    }
}

internal sealed class Streamed(string contentType, Func<Stream, CancellationToken, Task> write) : Answer
{
    public override async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        await HeadAsync(stream, 200, contentType, null, Array.Empty<(string, string)>(), cancellationToken);
        await write(stream, cancellationToken);
    }
}
