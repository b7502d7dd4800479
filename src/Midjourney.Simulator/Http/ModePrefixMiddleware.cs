using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Flavors;

namespace Midjourney.Simulator.Http;

/// <summary>
/// Strips <c>/mj-fast</c>, <c>/mj-turbo</c>, <c>/mj-relax</c> (or, for gateways, any <c>/{mode}</c> segment) in front of
/// <c>/mj/</c> before routing, remembering the speed mode for the task.
/// </summary>
internal sealed class ModePrefixMiddleware
{
    private readonly RequestDelegate _next;
    private readonly PrefixRule _rule;

    public ModePrefixMiddleware(RequestDelegate next, FlavorProfile profile)
    {
        _next = next;
        _rule = profile.Prefixes;
    }

    public Task InvokeAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "";
        if (_rule != PrefixRule.None && path.Length > 4 && !path.StartsWith("/mj/", StringComparison.Ordinal))
        {
            int second = path.IndexOf('/', 1);
            if (second > 1 && path.AsSpan(second).StartsWith("/mj/", StringComparison.Ordinal))
            {
                string segment = path[1..second];
                SpeedMode? mode = segment.ToLowerInvariant() switch
                {
                    "mj-fast" => SpeedMode.Fast,
                    "mj-turbo" => SpeedMode.Turbo,
                    "mj-relax" => SpeedMode.Relax,
                    _ when _rule == PrefixRule.AnySegment && segment != "sim" => ModeFromSegment(segment),
                    _ => null,
                };
                bool strip = _rule == PrefixRule.AnySegment ? segment != "sim" : mode is not null;
                if (strip)
                {
                    if (mode is SpeedMode chosen) RequestMode.Set(context, chosen);
                    context.Request.Path = new PathString(path[second..]);
                }
            }
        }

        return _next(context);
    }

    private static SpeedMode? ModeFromSegment(string segment)
    {
        string lower = segment.ToLowerInvariant();
        if (lower.Contains("turbo", StringComparison.Ordinal)) return SpeedMode.Turbo;
        if (lower.Contains("relax", StringComparison.Ordinal)) return SpeedMode.Relax;
        if (lower.Contains("fast", StringComparison.Ordinal)) return SpeedMode.Fast;
        return null;
    }
}
