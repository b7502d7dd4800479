using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Http;

/// <summary>Counts requests per normalised route (the route pattern, e.g. <c>/mj/task/{id}/fetch</c>).</summary>
internal sealed class RouteCountingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly SimCounters _counters;

    public RouteCountingMiddleware(RequestDelegate next, SimulatorServices services)
    {
        _next = next;
        _counters = services.Counters;
    }

    public Task InvokeAsync(HttpContext context)
    {
        string route = context.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText ?? "(unknown)" : "(unmatched)";
        _counters.CountRoute(route);
        return _next(context);
    }
}
