using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Flavors;

namespace Midjourney.Simulator.Http;

/// <summary>
/// Checks the caller with the flavour's rules and keeps its role for the endpoints; <c>/sim/*</c> (stats, images) needs
/// no key. The order is TrueAI's <c>SimpleAuthMiddleware</c>: anonymous paths, then the admin paths (refused to
/// everyone but the administrator, even without a key), then the key.
/// </summary>
internal sealed class AuthMiddleware
{
    private readonly RequestDelegate _next;
    private readonly FlavorProfile _profile;
    private readonly SimulatorOptions _options;
    private readonly Admin.UserStore _users;

    public AuthMiddleware(RequestDelegate next, SimulatorServices services)
    {
        _next = next;
        _profile = services.Profile;
        _options = services.Options;
        _users = services.Users;
    }

    public Task InvokeAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/sim/", StringComparison.Ordinal) || _profile.IsAnonymous(path)) return _next(context);
        CallerRole? role = _profile.Identify(context.Request, _options, _users);
        if (role != CallerRole.Admin && _profile.NeedsAdmin(path)) return _profile.WriteNotAdminAsync(context);
        if (role is not CallerRole known) return _profile.WriteUnauthorizedAsync(context);
        if (known != CallerRole.User) Caller.Set(context, known); // User is what Caller.Get answers by default: no Items dictionary on the hot path
        return _next(context);
    }
}
