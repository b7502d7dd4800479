using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Midjourney.Client;

/// <summary>
/// Sends requests with auth, per-attempt timeouts and the retry rules of the issue: reads retry on transient
/// failures; submits retry only when nothing can have been created, and report a lost answer as ambiguous.
/// </summary>
internal sealed class MjTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly MjClientOptions _options;
    private readonly string? _apiKey;
    private readonly ResiliencePipeline _readPipeline;
    private readonly ResiliencePipeline _submitPipeline;
    private readonly ResiliencePipeline _checkPipeline;

    public MjTransport(MjClientOptions options, HttpMessageHandler? handler, bool disposeHandler)
    {
        _options = options;
        _apiKey = options.ApiKey;
        BaseAddress = ApiPaths.NormaliseBase(options.BaseAddress);
        _http = handler is null ? new HttpClient(CreateHandler(), disposeHandler: true) : new HttpClient(AutoRedirectOff(handler), disposeHandler);
        _http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's per-attempt timeout rules instead
        _http.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
        Redactor = new Redactor(_apiKey);
        Errors = new ErrorMapper(options.AuthScheme, !string.IsNullOrEmpty(_apiKey), Redactor, BaseAddress);
        _readPipeline = BuildPipeline(options.MaxReadRetries, forReads: true);
        _submitPipeline = BuildPipeline(options.MaxSubmitRetries, forReads: false);
        _checkPipeline = BuildPipeline(options.MaxReadRetries, forReads: true, CheckAttemptTimeout(options.AttemptTimeout));
    }

    /// <summary>A server check's answers are small and quick: an attempt waits at most 10 s (less when the client's is shorter).</summary>
    private static TimeSpan CheckAttemptTimeout(TimeSpan attemptTimeout) =>
        attemptTimeout < TimeSpan.FromSeconds(10) ? attemptTimeout : TimeSpan.FromSeconds(10);

    /// <summary>The normalised server root (trailing slash, no <c>/mj</c>).</summary>
    public Uri BaseAddress { get; }

    public ErrorMapper Errors { get; }

    public Redactor Redactor { get; }

    /// <summary>The shared client, also used for downloads: it carries no credentials of its own.</summary>
    public HttpClient Http => _http;

    /// <summary>Test hook: called on every retry with the path, attempt number and delay.</summary>
    internal Action<string, int, TimeSpan>? RetryObserver { get; set; }

    /// <summary>
    /// A read. <paramref name="interpret"/> turns a 2xx/4xx answer into a value or throws; garbled bodies and
    /// 408/429/5xx are retried.
    /// </summary>
    public async Task<T> ReadAsync<T>(HttpMethod method, string path, byte[]? body, Func<MjHttpResponse, T> interpret, CancellationToken cancellationToken)
    {
        try
        {
            return await _readPipeline.ExecuteAsync(
                async token =>
                {
                    var response = await SendOnceAsync(method, path, body, token).ConfigureAwait(false);
                    if (IsTransientStatus(response.Status))
                    {
                        throw new RetryableFailure(Errors.FromResponse(response), response.RetryAfter);
                    }

                    try
                    {
                        return interpret(response);
                    }
                    catch (MjProtocolException garbled)
                    {
                        throw new RetryableFailure(garbled, null);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RetryableFailure failure)
        {
            throw failure.Error;
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw TransportError(e, $"{method} {path}", path);
        }
    }

    /// <summary>A failure below HTTP as an error that names the server, says what happened and what to do.</summary>
    private MjServerException TransportError(Exception e, string request, string path)
    {
        var advice = ConnectFailures.Advice(e, BaseAddress);
        return new MjServerException($"{ConnectFailures.Describe(e, BaseAddress, request)} {advice}", null, null, null, path, AsTimeout(e)) { Advice = advice };
    }

    /// <summary>
    /// A submit. Returns the accepted envelope; throws the server's refusal as a typed exception;
    /// throws <see cref="AmbiguousSubmitFailure"/> when the request was sent and its answer was lost.
    /// A full queue or a 429 is retried here only with <paramref name="retryBusy"/>: task submits leave that to the
    /// client's admission, which makes every submit of the client wait its turn instead of each retrying alone.
    /// </summary>
    public async Task<(SubmitEnvelope Envelope, MjHttpResponse Response)> SubmitAsync(string path, byte[] body, CancellationToken cancellationToken, bool retryBusy = true)
    {
        try
        {
            return await _submitPipeline.ExecuteAsync(
                async token =>
                {
                    MjHttpResponse response;
                    try
                    {
                        response = await SendOnceAsync(HttpMethod.Post, path, body, token).ConfigureAwait(false);
                    }
                    catch (HttpRequestException e) when (ConnectFailures.IsBeforeSend(e))
                    {
                        // Refused, unknown host, failed TLS handshake: the request never left, so this is never ambiguous.
                        throw new RetryableFailure(TransportError(e, $"POST {path}", path), null);
                    }
                    catch (MjLimitException tooLarge)
                    {
                        // The server answered, but nothing readable: it may have created the task first.
                        throw new AmbiguousSubmitFailure(tooLarge.Message, responseReceived: true, tooLarge);
                    }

                    return InterpretSubmit(response, retryBusy);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RetryableFailure failure)
        {
            throw failure.Error;
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw new AmbiguousSubmitFailure($"POST {BaseAddress.AbsoluteUri.TrimEnd('/')}{path} was sent but the answer was lost: {DescribeTransportFailure(e)}", responseReceived: false, AsTimeout(e));
        }
    }

    private (SubmitEnvelope, MjHttpResponse) InterpretSubmit(MjHttpResponse response, bool retryBusy)
    {
        var status = response.Status;
        if (status == 429 && !retryBusy)
        {
            throw Errors.FromResponse(response); // busy: nothing was created; the admission decides when to send again
        }

        if (status == 429 || (status == 503 && response.RetryAfter is not null))
        {
            throw new RetryableFailure(Errors.FromResponse(response), response.RetryAfter);
        }

        if (status >= 500)
        {
            // The server finished with the request, but we cannot know whether it created a task first.
            throw new AmbiguousSubmitFailure($"POST {response.Path} answered {status}", responseReceived: true, Errors.FromResponse(response));
        }

        if (!SubmitEnvelope.TryRead(response.Body, out var envelope))
        {
            if (status >= 400 || SubmitEnvelope.TryReadFailure(response.Body, out _))
            {
                throw Errors.FromResponse(response);
            }

            throw new AmbiguousSubmitFailure($"POST {response.Path} answered {status} with a body that is not JSON", responseReceived: true, Errors.FromResponse(response));
        }

        if (ErrorMapper.IsAccepted(envelope.Code) && status < 400)
        {
            return (envelope, response);
        }

        if (ErrorMapper.IsQueueFull(envelope) && retryBusy)
        {
            throw new RetryableFailure(Errors.FromEnvelope(envelope, response), response.RetryAfter);
        }

        throw Errors.FromEnvelope(envelope, response);
    }

    /// <summary>
    /// A free read of a server check (<see cref="ServerProber"/>), retried like every read: a 408, 429 or 5xx, a reset
    /// and a cut JSON body are tried again, so one bad answer is never taken for the server's verdict. Sent with the
    /// given auth scheme (and <paramref name="apiKey"/> instead of the client's key when given). Returns the last answer
    /// when the retries run out on a status; a failure below HTTP is thrown as it is (a timeout as
    /// <see cref="TimeoutException"/>); Ctrl+C still cancels.
    /// </summary>
    public async Task<MjHttpResponse> CheckReadAsync(HttpMethod method, string path, byte[]? body, AuthScheme scheme, CancellationToken cancellationToken, string? apiKey = null)
    {
        MjHttpResponse? last = null;
        try
        {
            return await _checkPipeline.ExecuteAsync(
                async token =>
                {
                    var response = await SendOnceAsync(method, path, body, token, scheme, apiKey).ConfigureAwait(false);
                    last = response;
                    if (IsTransientStatus(response.Status))
                    {
                        throw new RetryableFailure(Errors.FromResponse(response), response.RetryAfter);
                    }

                    if (IsCutJson(response))
                    {
                        throw new RetryableFailure(Errors.Garbled(response), null);
                    }

                    return response;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RetryableFailure) when (last is not null)
        {
            return last;
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw AsTimeout(e);
        }
    }

    /// <summary>A success whose body starts as JSON but does not parse: the answer was cut (a proxy or the network), not given.</summary>
    private static bool IsCutJson(MjHttpResponse response)
    {
        if (response.Status is < 200 or >= 300 || response.IsEmpty)
        {
            return false;
        }

        var first = Array.Find(response.Body, b => b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'));
        if (first is not ((byte)'{' or (byte)'['))
        {
            return false;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(response.Body);
            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    /// <summary>
    /// One free request with no retries, a given timeout and auth scheme (the seed, which may take a minute and is
    /// never repeated). Transport failures
    /// come back as they are (a timeout as <see cref="TimeoutException"/>); Ctrl+C still cancels.
    /// </summary>
    public async Task<MjHttpResponse> ProbeAsync(HttpMethod method, string path, byte[]? body, AuthScheme scheme, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await SendOnceAsync(method, path, body, limit.Token, scheme).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {timeout.TotalSeconds:0} s.", e);
        }
    }

    private async Task<MjHttpResponse> SendOnceAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken, AuthScheme? scheme = null, string? apiKey = null)
    {
        HttpRequestMessage Create(Uri uri)
        {
            var request = new HttpRequestMessage(method, uri);
            request.Headers.Accept.ParseAdd("application/json");
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
            }

            AuthHeaders.Apply(request, scheme ?? _options.AuthScheme, apiKey ?? _apiKey);
            return request;
        }

        var watch = Stopwatch.StartNew();
        HttpResponseMessage sent;
        try
        {
            // The key goes only to this server's own scheme, host and port: redirects elsewhere are refused, not followed.
            sent = await Redirects.SendAsync(_http, method, new Uri(BaseAddress, path.TrimStart('/')), Create, RedirectRule.SameOrigin, MjLimits.MaxApiRedirects, cancellationToken).ConfigureAwait(false);
        }
        catch (RedirectRefusedException refused)
        {
            throw new MjServerException($"{refused.Message} {refused.Advice}", null, null, refused.Status, path, refused) { Advice = refused.Advice };
        }

        using var response = sent;
        var bytes = await ReadBodyAsync(response, method, path, cancellationToken).ConfigureAwait(false);
        _options.Trace?.Invoke($"{method} {path} -> {(int)response.StatusCode} ({watch.ElapsedMilliseconds} ms, {bytes.Length} bytes)");
        return new MjHttpResponse(response.StatusCode, bytes, response.Content?.Headers.ContentType?.MediaType, RetryAfterHeader.Read(response), path);
    }

    /// <summary>
    /// The body, read while it streams in and stopped at <see cref="MjLimits.MaxResponseBytes"/> (counted after the
    /// handler's decompression, so a gzip bomb stops there too). Bytes that are not UTF-8 become U+FFFD here, so every
    /// reader of the body gets valid text.
    /// </summary>
    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return Array.Empty<byte>();
        }

        var declared = response.Content.Headers.ContentLength;
        if (declared > MjLimits.MaxResponseBytes)
        {
            throw TooLarge(response, method, path, declared);
        }

        // Sized from Content-Length when given, so a typical body is read into one array without a copy.
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = declared is long length && length > 0 ? new MemoryStream((int)length) : new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > MjLimits.MaxResponseBytes)
            {
                throw TooLarge(response, method, path, null);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        return Utf8Text.Repair(bytes);
    }

    private MjLimitException TooLarge(HttpResponseMessage response, HttpMethod method, string path, long? declared)
    {
        var what = declared is long size ? $"declared a body of {MjLimits.Megabytes(size)}," : "sent a body";
        return new MjLimitException(
            $"{Errors.Url(path)} {what} over the limit of {MjLimits.Megabytes(MjLimits.MaxResponseBytes)} (MjLimits.MaxResponseBytes) for a {method}; reading stopped there. No real answer is that large.",
            nameof(MjLimits.MaxResponseBytes), MjLimits.MaxResponseBytes, response.StatusCode, path);
    }

    private ResiliencePipeline BuildPipeline(int maxRetries, bool forReads, TimeSpan? attemptTimeout = null)
    {
        var builder = new ResiliencePipelineBuilder();
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.AttemptNumber, forReads)),
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.MaxRetryDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    var path = args.Outcome.Exception is RetryableFailure r ? r.Error.RequestPath ?? "?" : "?";
                    _options.Trace?.Invoke($"retry {args.AttemptNumber + 1} after {args.RetryDelay.TotalMilliseconds:0} ms: {Redactor.Redact(args.Outcome.Exception?.Message)}");
                    RetryObserver?.Invoke(path, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.AddTimeout(attemptTimeout ?? _options.AttemptTimeout).Build();
    }

    /// <summary>
    /// What the pipeline retries: <see cref="RetryableFailure"/> always, and for reads also cut exchanges and timeouts.
    /// A failure to connect is retried once at most (a proxy restarting), a DNS or TLS failure never: those do not heal
    /// in seconds, so retrying them would only keep the user waiting for the message.
    /// </summary>
    private static bool ShouldRetry(Exception? exception, int attempt, bool forReads)
    {
        var transport = exception is RetryableFailure { Error.InnerException: { } inner } ? inner : exception;
        if (transport is HttpRequestException or WebException or System.Net.Sockets.SocketException && ConnectFailures.IsBeforeSend(transport))
        {
            return !ConnectFailures.IsPermanent(transport) && attempt == 0;
        }

        return exception is RetryableFailure
            || (forReads && exception is HttpRequestException or TimeoutRejectedException or IOException);
    }

    /// <summary>A server's Retry-After wins over our backoff, within <see cref="MjClientOptions.MaxRetryDelay"/>.</summary>
    private TimeSpan? ServerRequestedDelay(Exception? exception)
    {
        if (exception is RetryableFailure { RetryAfter: TimeSpan wait })
        {
            return wait > _options.MaxRetryDelay ? _options.MaxRetryDelay : wait;
        }

        return null;
    }

    private static bool IsTransientStatus(int status) => status is 408 or 429 || status >= 500;

    private static bool IsTransportFailure(Exception e, CancellationToken callerToken) => e switch
    {
        HttpRequestException or TimeoutRejectedException or IOException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Polly's timeout becomes a BCL <see cref="TimeoutException"/>, so callers need not know Polly.</summary>
    private static Exception AsTimeout(Exception e) =>
        e is TimeoutRejectedException ? new TimeoutException("No answer within the attempt timeout.", e) : e;

    private static string DescribeTransportFailure(Exception e) => e switch
    {
        TimeoutRejectedException => "no answer within the attempt timeout",
        _ => e.GetBaseException().Message,
    };

    private static HttpMessageHandler CreateHandler()
    {
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            AllowAutoRedirect = false, // Redirects follows them, within the rules (.NET would carry mj-api-secret anywhere)
        };
        try
        {
            // Windows PowerShell's default of 2 connections per server would serialise parallel polls.
            handler.MaxConnectionsPerServer = 16;
        }
        catch (PlatformNotSupportedException)
        {
        }

        return handler;
    }

    /// <summary>
    /// A caller's handler must not follow redirects itself (it would carry the key to any host): automatic redirects are
    /// turned off on it and on every handler it wraps. A handler already in use cannot be changed, and is refused.
    /// </summary>
    private static HttpMessageHandler AutoRedirectOff(HttpMessageHandler handler)
    {
        for (var current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            var property = current.GetType().GetProperty("AllowAutoRedirect", typeof(bool));
            if (property is null || !property.CanWrite || !(bool)property.GetValue(current)!)
            {
                continue;
            }

            try
            {
                property.SetValue(current, false);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is InvalidOperationException)
            {
                throw new ArgumentException(
                    "The HTTP handler follows redirects by itself and was already used, so that cannot be turned off; it would carry the API key to whatever host a redirect names. Give a new handler, or one with AllowAutoRedirect = false.",
                    nameof(handler), e.InnerException);
            }
        }

        return handler;
    }

    public void Dispose() => _http.Dispose();
}
