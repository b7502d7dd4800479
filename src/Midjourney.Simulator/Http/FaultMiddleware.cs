using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Http;

/// <summary>
/// Injects the configured faults. Before-phase faults answer without running the proxy logic; After-phase faults let
/// the logic run into a buffer, then replace the answer with a 500, a reset or the first half of the JSON.
/// </summary>
internal sealed class FaultMiddleware
{
    private static readonly byte[] ServerErrorBody = Encoding.UTF8.GetBytes("{\"code\":9,\"description\":\"服务异常，请稍后重试 (simulated)\"}");
    private static readonly byte[] TruncatedBody = Encoding.UTF8.GetBytes("{\"code\":1,\"description\":\"提交成");
    private readonly RequestDelegate _next;
    private readonly FaultInjector _injector;
    private readonly SimCounters _counters;
    private readonly TimeProvider _time;

    public FaultMiddleware(RequestDelegate next, SimulatorServices services)
    {
        _next = next;
        _injector = services.Faults;
        _counters = services.Counters;
        _time = services.Clock.Time;
    }

    /// <summary>
    /// Retry-After carries whole seconds: rounded up, except that a pause under half a second (a time-scaled run's)
    /// is sent as 0, "retry at once", which is nearer the truth than a whole second.
    /// </summary>
    internal static int RetryAfterSeconds(TimeSpan retryAfter) =>
        retryAfter < TimeSpan.FromMilliseconds(500) ? 0 : (int)Math.Ceiling(retryAfter.TotalSeconds);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_injector.Enabled || !_injector.Applies(context.Request.Path.Value ?? ""))
        {
            await _next(context);
            return;
        }

        FaultDecision decision = _injector.Decide();
        if (decision.AddLatency)
        {
            _counters.CountFault("latency");
            await Task.Delay(_injector.Options.Latency, _time, context.RequestAborted);
        }

        switch (decision.Kind)
        {
            case FaultKind.None:
                await _next(context);
                return;
            case FaultKind.TooManyRequests:
                _counters.CountFault("tooManyRequests");
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = RetryAfterSeconds(_injector.Options.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentLength = 0;
                return;
        }

        _counters.CountFault(decision.Kind switch
        {
            FaultKind.Reset => "reset",
            FaultKind.ServerError => "serverError",
            _ => "malformedJson",
        });

        if (!decision.AfterLogic)
        {
            await AnswerAsync(context, decision.Kind, TruncatedBody, "application/json; charset=utf-8", 200);
            return;
        }

        Stream original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await _next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        byte[] body = captured.ToArray();
        byte[] half = body.Length > 1 ? body.AsSpan(0, body.Length / 2).ToArray() : TruncatedBody;
        string contentType = context.Response.ContentType ?? "application/json; charset=utf-8";
        int status = context.Response.StatusCode;
        context.Response.Clear();
        await AnswerAsync(context, decision.Kind, half, contentType, status);
    }

    private static async Task AnswerAsync(HttpContext context, FaultKind kind, byte[] truncated, string contentType, int status)
    {
        switch (kind)
        {
            case FaultKind.Reset:
                // Drop the connection mid-request: the client sees a reset / unexpected EOF.
                context.Abort();
                return;
            case FaultKind.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength = ServerErrorBody.Length;
                await context.Response.Body.WriteAsync(ServerErrorBody, context.RequestAborted);
                return;
            default:
                context.Response.StatusCode = status;
                context.Response.ContentType = contentType;
                context.Response.ContentLength = truncated.Length;
                await context.Response.Body.WriteAsync(truncated, context.RequestAborted);
                return;
        }
    }
}
