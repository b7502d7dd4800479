using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>A fully read HTTP answer. Bodies of this API are small JSON, so buffering keeps retries simple.</summary>
internal sealed class MjHttpResponse
{
    public MjHttpResponse(HttpStatusCode statusCode, byte[] body, string? mediaType, TimeSpan? retryAfter, string path)
    {
        StatusCode = statusCode;
        Body = body;
        MediaType = mediaType;
        RetryAfter = retryAfter;
        Path = path;
    }

    public HttpStatusCode StatusCode { get; }

    public byte[] Body { get; }

    public string? MediaType { get; }

    public TimeSpan? RetryAfter { get; }

    public string Path { get; }

    public int Status => (int)StatusCode;

    public bool IsEmpty => Body.Length == 0 || IsWhitespace(Body);

    private static bool IsWhitespace(byte[] body)
    {
        foreach (var b in body)
        {
            if (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }
}
