using System;
using System.Net.Http;

namespace Midjourney.Client;

/// <summary>Reads <c>Retry-After</c> in either of its forms (seconds, or an HTTP date).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is DateTimeOffset date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
