using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>Internal: one download attempt got a non-success HTTP status. Turned into <see cref="MjDownloadException"/>.</summary>
internal sealed class DownloadStatusException : Exception
{
    public DownloadStatusException(HttpStatusCode statusCode, TimeSpan? retryAfter)
        : base($"HTTP {(int)statusCode} {statusCode}")
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for statuses worth another try: 408, 429 and 5xx.</summary>
    public bool IsTransient => (int)StatusCode == 408 || (int)StatusCode == 429 || (int)StatusCode >= 500;
}
