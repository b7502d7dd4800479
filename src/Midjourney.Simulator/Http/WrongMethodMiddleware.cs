using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Flavors;

namespace Midjourney.Simulator.Http;

/// <summary>
/// For flavours whose real server answers a wrong method with 404 (Gin), turns ASP.NET Core's 405 endpoint into a
/// plain 404, before auth like Gin's NoMethod/NoRoute handling.
/// </summary>
internal sealed class WrongMethodMiddleware
{
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";
    private readonly RequestDelegate _next;
    private readonly bool _notFound;

    public WrongMethodMiddleware(RequestDelegate next, FlavorProfile profile)
    {
        _next = next;
        _notFound = profile.WrongMethodIsNotFound;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_notFound && context.GetEndpoint()?.DisplayName == MethodNotAllowedEndpoint)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        return _next(context);
    }
}
