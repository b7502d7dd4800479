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
    private readonly string? _adminKey;

    public AuthMiddleware(RequestDelegate next, SimulatorServices services)
    {
        _next = next;
        _profile = services.Profile;
        _apiKey = services.Options.ApiKey;
        _adminKey = services.Options.AdminKey;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_apiKey is null || (context.Request.Path.Value ?? "").StartsWith("/sim/", StringComparison.Ordinal)) return _next(context);
        bool authorized = _profile.IsAuthorized(context.Request, _apiKey) || (_adminKey is not null && _profile.IsAuthorized(context.Request, _adminKey));
        return authorized ? _next(context) : _profile.WriteUnauthorizedAsync(context);
    }
}
