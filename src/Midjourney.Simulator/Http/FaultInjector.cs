using System;
using System.Text.RegularExpressions;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Http;

/// <summary>
/// Seeded per-request fault choice. One draw picks at most one of reset / 500 / 429 / malformed JSON (each at its rate),
/// a second draw decides latency, a third the phase when <see cref="FaultPhase.Random"/>.
/// </summary>
internal sealed class FaultInjector
{
    private readonly FaultOptions _options;
    private readonly int _seed;
    private readonly Regex? _glob;
    private readonly object _gate = new();
    private DeterministicRandom _random;

    public FaultInjector(FaultOptions options, int seed)
    {
        _options = options;
        _seed = seed;
        _random = new DeterministicRandom(seed, 0xFA017);
        string? filter = options.RouteFilter;
        if (filter is not null && (filter.Contains('*') || filter.Contains('?')))
        {
            string pattern = "^" + Regex.Escape(filter).Replace("\\*", ".*").Replace("\\?", ".") + "$";
            _glob = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }

    public bool Enabled => _options.AnyEnabled;

    public FaultOptions Options => _options;

    /// <summary>True when faults may strike <paramref name="path"/> (never <c>/sim/*</c>).</summary>
    public bool Applies(string path)
    {
        if (path.StartsWith("/sim/", StringComparison.Ordinal)) return false;
        string? filter = _options.RouteFilter;
        if (string.IsNullOrEmpty(filter)) return true;
        return _glob is not null ? _glob.IsMatch(path) : path.Contains(filter, StringComparison.OrdinalIgnoreCase);
    }

    public FaultDecision Decide()
    {
        double pick, latency, phase;
        lock (_gate)
        {
            pick = _random.NextDouble();
            latency = _random.NextDouble();
            phase = _random.NextDouble();
        }

        FaultKind kind = FaultKind.None;
        double edge = _options.ResetRate;
        if (pick < edge) kind = FaultKind.Reset;
        else if (pick < (edge += _options.ServerErrorRate)) kind = FaultKind.ServerError;
        else if (pick < (edge += _options.TooManyRequestsRate)) kind = FaultKind.TooManyRequests;
        else if (pick < edge + _options.MalformedJsonRate) kind = FaultKind.MalformedJson;

        bool after = kind != FaultKind.TooManyRequests && _options.Phase switch
        {
            FaultPhase.After => true,
            FaultPhase.Before => false,
            _ => phase < 0.5,
        };
        return new FaultDecision(kind, latency < _options.LatencyRate, after);
    }

    public void Reset()
    {
        lock (_gate) _random = new DeterministicRandom(_seed, 0xFA017);
    }
}
