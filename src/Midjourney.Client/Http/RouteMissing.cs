using System.Net;

namespace Midjourney.Client;

/// <summary>
/// Tells "this server has no such endpoint" from "no such task": TrueAI answers a missing parent with
/// HTTP 404 and an envelope (code 3), while a missing route has no envelope.
/// </summary>
internal static class RouteMissing
{
    public static bool Is(MjApiException error) =>
        error.Code is null && error.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed;
}
