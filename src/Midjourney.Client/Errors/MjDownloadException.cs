using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>
/// A task's image or video could not be saved: the task has nothing to save, the URL failed or expired,
/// the file exists, or it is too large. Never carries a URL's query string (it holds signatures).
/// </summary>
public sealed class MjDownloadException : MjException
{
    /// <summary>Creates the exception. <paramref name="url"/> is stored without its query string and user info.</summary>
    public MjDownloadException(string message, string? url, HttpStatusCode? statusCode, string? filePath, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = DownloadUrl.Redact(url);
        StatusCode = statusCode;
        FilePath = filePath;
    }

    /// <summary>The URL that failed, without query string or fragment; empty when no URL was involved.</summary>
    public string Url { get; }

    /// <summary>The HTTP status of the last answer, when one came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The file concerned (the one that exists, or the one being written), when known.</summary>
    public string? FilePath { get; }
}
