using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>
/// Reads image bytes into memory for image operations: the first bytes only (a ranged GET) for an image's size,
/// cached per URL, or a whole image under a size cap. Uses the client's HTTP client without auth headers.
/// </summary>
internal sealed class ImageFetcher
{
    /// <summary>How much of a file a size probe reads first: enough for PNG, WebP and GIF, and JPEG without large EXIF.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The largest image read into memory (<see cref="MjLimits.MaxImageBytes"/>).</summary>
    public const long MaxImageBytes = MjLimits.MaxImageBytes;

    private static readonly ConcurrentDictionary<string, (int Width, int Height)> SizeCache = new(StringComparer.Ordinal);

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the fetcher over a client that carries no auth headers; one read may take up to <paramref name="timeout"/> (MjClientOptions.ImageReadTimeout).</summary>
    public ImageFetcher(HttpClient http, TimeSpan timeout)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _timeout = timeout;
    }

    /// <summary>The size of the image at <paramref name="url"/>: cached, else from its first bytes, else from the whole file.</summary>
    public async Task<(int Width, int Height)> GetSizeAsync(string url, IImageHeaderReader reader, CancellationToken cancellationToken)
    {
        var key = CacheKey(url);
        if (SizeCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var head = await ReadAsync(url, HeadBytes, cancellationToken).ConfigureAwait(false);
        var size = reader.ReadSize(head);
        if (size is null && head.Length >= HeadBytes)
        {
            size = reader.ReadSize(await ReadAsync(url, MaxImageBytes, cancellationToken).ConfigureAwait(false));
        }

        if (size is not { } found)
        {
            throw new MjDownloadException("The task's image is not a PNG, JPEG, WebP or GIF this module can read, so its size is unknown.", url, null, null);
        }

        SizeCache[key] = found;
        return found;
    }

    /// <summary>Up to <paramref name="maxBytes"/> bytes of the file at <paramref name="url"/> (a Range request when fewer than the cap).</summary>
    public async Task<byte[]> ReadAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MjDownloadException($"'{DownloadUrl.Redact(url)}' is not an http(s) image URL.", url, null, null);
        }

        HttpRequestMessage Create(Uri target)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, target);
            if (maxBytes < MaxImageBytes)
            {
                request.Headers.Range = new RangeHeaderValue(0, maxBytes - 1);
            }

            return request;
        }

        // A deadline over the whole read: a server that drips its image would otherwise hold the shell without end.
        using var deadline = new CancellationTokenSource(_timeout);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var callerToken = cancellationToken;
        cancellationToken = bounded.Token;
        try
        {
            using var response = await Redirects.SendAsync(_http, HttpMethod.Get, uri, Create, RedirectRule.NoDowngrade, MjLimits.MaxDownloadRedirects, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new MjDownloadException(
                    $"The image answered {(int)response.StatusCode} {response.ReasonPhrase}. If the link expired, fetch the task again (Get-MjTask) for fresh URLs.",
                    url, response.StatusCode, null);
            }

            // A server may ignore Range and send the whole file: read only as much as asked.
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (buffer.Length < maxBytes)
            {
                var read = await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, maxBytes - buffer.Length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.ToArray();
                }

                buffer.Write(chunk, 0, read);
            }

            if (maxBytes >= MaxImageBytes && await stream.ReadAsync(chunk, 0, 1, cancellationToken).ConfigureAwait(false) > 0)
            {
                throw new MjDownloadException(
                    $"The image at {DownloadUrl.Redact(url)} is larger than {MjLimits.Megabytes(MaxImageBytes)} (MjLimits.MaxImageBytes); reading stopped there.",
                    url, response.StatusCode, null);
            }

            return buffer.ToArray();
        }
        catch (HttpRequestException e)
        {
            throw new MjDownloadException($"The image could not be read: {e.Message}", url, null, null, e);
        }
        catch (RedirectRefusedException e)
        {
            throw new MjDownloadException($"The image could not be read: {e.Message} {e.Advice}", url, e.Status, null, e);
        }
        catch (OperationCanceledException e) when (!callerToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new MjDownloadException(
                $"The image at {DownloadUrl.Redact(url)} did not arrive within {_timeout.TotalSeconds:0.#} s (MjClientOptions.ImageReadTimeout).", url, null, null, e);
        }
        catch (IOException e)
        {
            throw new MjDownloadException($"The image at {DownloadUrl.Redact(url)} could not be read: the connection broke off ({e.Message}).", url, null, null, e);
        }
    }

    // Signed links change their query on refresh but not the file: cache by scheme, host and path.
    private static string CacheKey(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : url;
}
