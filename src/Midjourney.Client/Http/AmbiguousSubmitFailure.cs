using System;

namespace Midjourney.Client;

/// <summary>
/// A submit was sent and no usable answer came back. <see cref="ResponseReceived"/> tells whether the server
/// finished handling it (a 5xx or a garbled body) or whether the exchange was cut (reset, timeout).
/// </summary>
internal sealed class AmbiguousSubmitFailure : Exception
{
    public AmbiguousSubmitFailure(string message, bool responseReceived, Exception inner)
        : base(message, inner)
    {
        ResponseReceived = responseReceived;
    }

    public bool ResponseReceived { get; }

    /// <summary>True when no answer came within the attempt timeout: the server may still be working on it.</summary>
    public bool TimedOut => InnerException is TimeoutException;
}
