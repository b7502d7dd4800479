using System;

namespace Midjourney.Client;

/// <summary>Inside the retry pipeline: a failure that may be retried. Unwrapped to <see cref="Error"/> when retries run out.</summary>
internal sealed class RetryableFailure : Exception
{
    public RetryableFailure(MjApiException error, TimeSpan? retryAfter)
        : base(error.Message, error)
    {
        Error = error;
        RetryAfter = retryAfter;
    }

    public MjApiException Error { get; }

    public TimeSpan? RetryAfter { get; }
}
