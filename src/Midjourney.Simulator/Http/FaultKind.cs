namespace Midjourney.Simulator.Http;

/// <summary>The exclusive fault kinds (latency is separate and can combine with them).</summary>
internal enum FaultKind
{
    None,
    Reset,
    ServerError,
    TooManyRequests,
    MalformedJson,
}
