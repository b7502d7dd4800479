using System;

namespace Midjourney.Simulator;

/// <summary>
/// Seeded fault injection for reliability tests. All rates are probabilities in [0, 1] per request and default to 0.
/// The four exclusive kinds (reset, 500, 429, malformed JSON) share one random draw, so each appears at its own rate;
/// latency is drawn separately and can combine with them. Faults never touch <c>/sim/*</c> routes.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Rate of HTTP 500 answers (empty-envelope <c>{"code":9,...}</c> body). Default 0.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Rate of HTTP 429 answers with an empty body and a <c>Retry-After</c> header (always before the logic). Default 0.</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>Rate of connection resets (<c>HttpContext.Abort()</c>) in the middle of a request. Default 0.</summary>
    public double ResetRate { get; set; }

    /// <summary>Rate of requests delayed by <see cref="Latency"/> before being served normally. Default 0.</summary>
    public double LatencyRate { get; set; }

    /// <summary>Rate of HTTP 200 answers whose JSON body is cut in half. Default 0.</summary>
    public double MalformedJsonRate { get; set; }

    /// <summary>Delay added by a latency fault. Not scaled by the time scale. Default 2 seconds.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Value of the <c>Retry-After</c> header of 429 answers, in whole seconds rounded up; under half a second it is
    /// sent as 0 (so a time-scaled run can scale it). Default 1 second.
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Only paths matching this filter get faults: a glob (<c>*</c> any characters, <c>?</c> one) matched against the
    /// whole path when it contains a wildcard, otherwise a case-insensitive substring. Null (default) = every route.
    /// </summary>
    public string? RouteFilter { get; set; }

    /// <summary>When faults strike; see <see cref="FaultPhase"/>. Default <see cref="FaultPhase.Random"/>.</summary>
    public FaultPhase Phase { get; set; } = FaultPhase.Random;

    /// <summary>True when at least one fault rate is above zero.</summary>
    public bool AnyEnabled =>
        ServerErrorRate > 0 || TooManyRequestsRate > 0 || ResetRate > 0 || LatencyRate > 0 || MalformedJsonRate > 0;
}
