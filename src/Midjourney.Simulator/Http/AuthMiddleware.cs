using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Flavors;

namespace Midjourney.Simulator.Http;

/// <summary>Checks the API key with the flavour's header rules; <c>/sim/*</c> (stats, images) needs no key.</summary>
internal sealed class AuthMiddleware
{
    private readonly RequestDelegate _next;
    private readonly FlavorProfile _profile;
    private readonly string? _apiKey;

    public AuthMiddleware(RequestDelegate next, SimulatorServices services)
    {
        _next = next;
        _profile = services.Profile;
        _apiKey = services.Options.ApiKey;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_apiKey is null || (context.Request.Path.Value ?? "").StartsWith("/sim/", StringComparison.Ordinal)) return _next(context);
        return _profile.IsAuthorized(context.Request, _apiKey) ? _next(context) : _profile.WriteUnauthorizedAsync(context);
    }
}
