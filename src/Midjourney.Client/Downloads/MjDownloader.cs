using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Midjourney.Client;

/// <summary>
/// Saves a finished task's images (and videos) to a folder. Streams each file to <c>&lt;name&gt;.partial</c>,
/// enforces a size cap, retries transient failures and refreshes expired signed URLs once.
/// </summary>
internal sealed class MjDownloader
{
    private const int BufferSize = 81920;

    // Enough of a file's start to tell its format (DownloadFileNames.Sniff).
    private const int HeadBytes = 16;

    private readonly HttpClient _http;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates a downloader. <paramref name="httpClient"/> must carry no auth headers: image URLs point at
    /// CDNs and rehosts that must never see the API key.
    /// </summary>
    public MjDownloader(HttpClient httpClient)
        : this(httpClient, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60))
    {
    }

    /// <summary>Creates a downloader with chosen delays (tests use tiny ones).</summary>
    /// <param name="httpClient">A client without auth headers.</param>
    /// <param name="baseDelay">The first retry delay; it grows exponentially with jitter.</param>
    /// <param name="maxDelay">The cap on any retry delay, including a server's <c>Retry-After</c>.</param>
    /// <param name="idleTimeout">
    /// How long the server may stay silent, before the headers or between body reads, before the attempt counts
    /// as timed out. The client's own HttpClient has an infinite timeout (its transport times attempts itself).
    /// </param>
    /// <param name="time">The clock of the idle timeout; null = the system clock (tests pass a fake one).</param>
    internal MjDownloader(HttpClient httpClient, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan idleTimeout, TimeProvider? time = null)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));

        // Defence in depth: refuse a client that would send the key to a third-party CDN.
        if (httpClient.DefaultRequestHeaders.Authorization is not null || httpClient.DefaultRequestHeaders.Contains("mj-api-secret"))
        {
            throw new ArgumentException("The download HttpClient must not carry auth headers: image URLs are on other hosts.", nameof(httpClient));
        }

        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _idleTimeout = idleTimeout;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Saves the task's main image (and with <see cref="MjDownloadOptions.All"/> / <see cref="MjDownloadOptions.IncludeVideos"/>
    /// its tiles and videos) into <paramref name="folder"/>, creating it if needed.
    /// </summary>
    /// <param name="task">A task with status Success.</param>
    /// <param name="folder">The target folder.</param>
    /// <param name="options">What to save and the limits.</param>
    /// <param name="refreshTask">Re-fetches the task, for fresh signed URLs when one has expired; called at most once.</param>
    /// <param name="cancellationToken">Stops the download; the partial file is deleted.</param>
    /// <returns>The files written, in order: main image, tiles, videos, each with the URL it holds.</returns>
    public async Task<IReadOnlyList<DownloadedFile>> DownloadAsync(
        MjTask task,
        string folder,
        MjDownloadOptions options,
        Func<CancellationToken, Task<MjTask>>? refreshTask,
        CancellationToken cancellationToken)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ArgumentException("A folder is required.", nameof(folder));
        }

        options ??= new MjDownloadOptions();
        var items = DownloadPlan.For(task, options);
        var fullFolder = Path.GetFullPath(folder);
        Directory.CreateDirectory(fullFolder);

        var pipeline = BuildPipeline(options.MaxRetries, cancellationToken);
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var saved = new List<DownloadedFile>();
        var current = task;
        var refreshed = false;
        var fetched = new Dictionary<string, FileInfo>(StringComparer.Ordinal);

        foreach (var item in items)
        {
            // URLs are read from the latest copy of the task, so after one refresh every later file uses fresh links.
            var url = item.UrlIn(current);
            while (true)
            {
                if (url is null)
                {
                    throw new MjDownloadException(
                        $"The re-fetched task {task.Id} no longer has a URL for file '{item.BaseName}'. Re-fetch the task (Get-MjTask {task.Id}) and try again.",
                        null, null, null);
                }

                try
                {
                    var seen = fetched.TryGetValue(url.Trim(), out var same);
                    if (seen && IsVideo(item))
                    {
                        // Saved already (TrueAI's imageUrl is its first video): each distinct URL is one file.
                        break;
                    }

                    var file = seen
                        ? CopyOf(same!, url, item, fullFolder, options, usedNames)
                        : await DownloadOneAsync(pipeline, item, url, fullFolder, options, usedNames, cancellationToken).ConfigureAwait(false);
                    fetched[url.Trim()] = file;
                    usedNames.Add(file.Name);
                    saved.Add(new DownloadedFile(file, item.Source, item.Index));
                    break;
                }
                catch (DownloadStatusException ex)
                {
                    // Only "looks expired" statuses get here; DownloadOneAsync turns the rest into MjDownloadException.
                    if (refreshTask is null || refreshed)
                    {
                        throw ExpiredError(task.Id, url, ex, refreshed);
                    }

                    current = await refreshTask(cancellationToken).ConfigureAwait(false)
                        ?? throw new MjDownloadException($"Re-fetching task {task.Id} returned nothing.", url, ex.StatusCode, null, ex);
                    refreshed = true;
                    url = item.UrlIn(current);
                }
            }
        }

        return saved;
    }

    private async Task<FileInfo> DownloadOneAsync(
        ResiliencePipeline pipeline,
        DownloadItem item,
        string url,
        string folder,
        MjDownloadOptions options,
        HashSet<string> usedNames,
        CancellationToken cancellationToken)
    {
        if (!DownloadUrl.TryParseHttp(url, out var uri))
        {
            throw new MjDownloadException($"Refusing to download '{DownloadUrl.Redact(url)}': only absolute http and https URLs are fetched.", url, null, null);
        }

        var attempts = 0;
        var redacted = DownloadUrl.Redact(url);

        // The file's deadline, over every attempt: the idle timer alone restarts on each byte, so a drip would never end.
        using var deadline = _time.CreateCancellationTokenSource(options.Timeout);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await pipeline.ExecuteAsync(
                token =>
                {
                    attempts++;
                    return new ValueTask<FileInfo>(AttemptAsync(item, uri, folder, options, usedNames, token));
                },
                bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new MjDownloadException(
                $"Downloading {redacted} did not finish within {options.Timeout.TotalSeconds:0.#} s (the download limit, MjDownloadOptions.Timeout; Save-MjImage -Timeout){AttemptsText(attempts)}; the partial file was deleted.",
                url, null, null, ex);
        }
        catch (DownloadStatusException ex) when (!DownloadUrl.LooksExpired(uri, (int)ex.StatusCode))
        {
            throw new MjDownloadException(
                $"Downloading {redacted} failed: HTTP {(int)ex.StatusCode} {ex.StatusCode}{AttemptsText(attempts)}.", url, ex.StatusCode, null, ex);
        }
        catch (RedirectRefusedException ex)
        {
            throw new MjDownloadException($"Downloading {redacted} failed: {ex.Message} {ex.Advice}", url, ex.Status, null, ex);
        }
        catch (DownloadInterruptedException ex)
        {
            throw new MjDownloadException($"Downloading {redacted} failed: {ex.Message}{AttemptsText(attempts)}.", url, null, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MjDownloadException($"Downloading {redacted} failed: {ex.Message}{AttemptsText(attempts)}.", url, null, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: HttpClient.Timeout fired.
            throw new MjDownloadException($"Downloading {redacted} timed out{AttemptsText(attempts)}.", url, null, null, ex);
        }
    }

    private async Task<FileInfo> AttemptAsync(
        DownloadItem item,
        Uri uri,
        string folder,
        MjDownloadOptions options,
        HashSet<string> usedNames,
        CancellationToken cancellationToken)
    {
        // Restarted before every wait: a server silent for the idle timeout fails this attempt (and is retried).
        using var idle = new IdleTimer(_time, _idleTimeout, cancellationToken);

        // A fresh request each attempt and each redirect, with no headers of our own: nothing secret can reach the CDN.
        HttpResponseMessage sent;
        try
        {
            sent = await Redirects.SendAsync(_http, HttpMethod.Get, uri, u => new HttpRequestMessage(HttpMethod.Get, u), RedirectRule.NoDowngrade, MjLimits.MaxDownloadRedirects, idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && idle.IsCancellationRequested)
        {
            throw new DownloadInterruptedException($"no answer within {_idleTimeout.TotalSeconds:0.#} s", ex);
        }

        using var response = sent;
        if (!response.IsSuccessStatusCode)
        {
            throw new DownloadStatusException(response.StatusCode, RetryAfterOf(response));
        }

        var declared = response.Content.Headers.ContentLength;
        if (declared > options.MaxBytes)
        {
            throw TooLarge(uri, declared.Value, options.MaxBytes, null);
        }

        // The name is known for sure only from the first bytes; the media type (or the URL) gives the likely one, so an
        // existing file is refused before its body is fetched.
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var likely = UniqueName(item.BaseName, DownloadFileNames.Extension(mediaType, uri), usedNames);
        var partial = DownloadFileNames.PathInside(folder, likely + ".partial");
        if (!options.Overwrite && File.Exists(DownloadFileNames.PathInside(folder, likely)))
        {
            throw Exists(uri, DownloadFileNames.PathInside(folder, likely));
        }

        try
        {
            byte[] head;
            using (var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                head = await CopyAsync(source, target, uri, options.MaxBytes, partial, idle, cancellationToken).ConfigureAwait(false);
            }

            var path = DownloadFileNames.PathInside(folder, UniqueName(item.BaseName, DownloadFileNames.Extension(head, mediaType, uri), usedNames));
            if (!options.Overwrite && File.Exists(path))
            {
                throw Exists(uri, path);
            }

            MoveIntoPlace(partial, path, uri, options.Overwrite);
            return new FileInfo(path);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>Copies the body under the size cap and the idle timer; returns its first bytes (for the file's real type).</summary>
    private async Task<byte[]> CopyAsync(Stream source, Stream target, Uri uri, long maxBytes, string partial, IdleTimer idle, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var head = new byte[HeadBytes];
        var headLength = 0;
        long total = 0;

        // A stalled body would otherwise hang forever: no HttpClient timeout covers the body after ResponseHeadersRead.
        while (true)
        {
            idle.Restart();
            int read;
            try
            {
                read = await source.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DownloadInterruptedException($"no data for {_idleTimeout.TotalSeconds:0.#} s", ex);
            }
            catch (IOException ex)
            {
                throw new DownloadInterruptedException($"the connection broke off after {total} bytes ({ex.Message})", ex);
            }

            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(uri, total, maxBytes, partial);
            }

            if (headLength < HeadBytes)
            {
                var take = Math.Min(read, HeadBytes - headLength);
                Array.Copy(buffer, 0, head, headLength, take);
                headLength += take;
            }

            await target.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
        }

        await target.FlushAsync(cancellationToken).ConfigureAwait(false);
        Array.Resize(ref head, headLength);
        return head;
    }

    private static void MoveIntoPlace(string partial, string path, Uri uri, bool overwrite)
    {
        if (overwrite && File.Exists(path))
        {
            File.Replace(partial, path, null, ignoreMetadataErrors: true);
            return;
        }

        try
        {
            File.Move(partial, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone created the file while we downloaded.
            throw Exists(uri, path);
        }
    }

    private ResiliencePipeline BuildPipeline(int maxRetries, CancellationToken callerToken)
    {
        if (maxRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _baseDelay,
                MaxDelay = _maxDelay,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception, callerToken)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome.Exception)),
            })
            .Build();
    }

    private static bool IsTransient(Exception? exception, CancellationToken callerToken) => exception switch
    {
        DownloadStatusException status => status.IsTransient,
        DownloadInterruptedException => true,
        HttpRequestException => true,
        TimeoutException => true,

        // HttpClient.Timeout surfaces as a cancellation that the caller did not ask for.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The server's <c>Retry-After</c>, capped; null lets the exponential backoff decide.</summary>
    private TimeSpan? ServerDelay(Exception? exception)
    {
        if (exception is DownloadStatusException { RetryAfter: TimeSpan wait })
        {
            return wait < _maxDelay ? wait : _maxDelay;
        }

        return null;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>True for a video of the task (its URL may repeat one already saved, and is then not saved again).</summary>
    private static bool IsVideo(DownloadItem item) => item.Source is DownloadSource.Video or DownloadSource.VideoItem;

    /// <summary>A URL already saved under another name (a tile that is also the main image) is copied, not fetched again.</summary>
    private static FileInfo CopyOf(FileInfo source, string url, DownloadItem item, string folder, MjDownloadOptions options, HashSet<string> usedNames)
    {
        var fileName = UniqueName(item.BaseName, source.Extension, usedNames);
        var path = DownloadFileNames.PathInside(folder, fileName);
        if (!options.Overwrite && File.Exists(path))
        {
            throw new MjDownloadException($"The file '{path}' already exists. Use Overwrite (-Force) to replace it.", url, null, path);
        }

        File.Copy(source.FullName, path, options.Overwrite);
        return new FileInfo(path);
    }

    /// <summary><c>base.ext</c>, or <c>base-2.ext</c>... when this download already wrote that name (a video that is a PNG beside the PNG cover).</summary>
    private static string UniqueName(string baseName, string extension, HashSet<string> usedNames)
    {
        var name = baseName + extension;
        for (var n = 2; usedNames.Contains(name); n++)
        {
            name = $"{baseName}-{n}{extension}";
        }

        return name;
    }

    private static MjDownloadException ExpiredError(string taskId, string url, DownloadStatusException ex, bool refreshed)
    {
        // A status says only that the link is refused: an expired signature is the usual cause, and once the task's
        // current link is refused too, the image may simply be gone from the server.
        var why = refreshed
            ? ", even after re-fetching the task: the link may have expired again, or the server no longer serves this image"
            : ": the URL has most likely expired";
        return new MjDownloadException(
            $"Downloading {DownloadUrl.Redact(url)} failed with HTTP {(int)ex.StatusCode} {ex.StatusCode}{why} " +
            $"(signed Discord links last about 24 hours). Re-fetch the task (Get-MjTask {taskId}) for fresh URLs, or download sooner after it finishes.",
            url, ex.StatusCode, null, ex);
    }

    private static MjDownloadException TooLarge(Uri uri, long size, long maxBytes, string? partial)
    {
        var what = partial is null ? $"declares {size} bytes" : $"sent more than {maxBytes} bytes";
        return new MjDownloadException(
            $"{DownloadUrl.Redact(uri.OriginalString)} {what}, over the limit of {maxBytes} bytes (MaxBytes); nothing was kept.",
            uri.OriginalString, HttpStatusCode.OK, null);
    }

    private static MjDownloadException Exists(Uri uri, string path) => new(
        $"The file '{path}' already exists. Use Overwrite (-Force) to replace it.", uri.OriginalString, null, path);

    private static string AttemptsText(int attempts) => attempts > 1 ? $" (after {attempts} attempts)" : string.Empty;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .partial is harmless and is replaced by the next attempt.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
