using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Endpoints;

/// <summary>Shared request/response steps of the proxy endpoints.</summary>
internal static class Answer
{
    /// <summary>
    /// Writes a submit outcome in the flavour's dialect and counts accepted submits. <paramref name="newTask"/> is false
    /// where an accepted answer starts an existing task (a modal), which a guest's daily limit does not count.
    /// </summary>
    public static Task OutcomeAsync(HttpContext context, SimulatorServices services, SubmitOutcome outcome, bool newTask = true)
    {
        if (outcome.Kind is OutcomeKind.Accepted or OutcomeKind.Modal or OutcomeKind.Value) services.Counters.CountSubmitAccepted();
        if (newTask && outcome.Kind is OutcomeKind.Accepted or OutcomeKind.Modal) services.Gate.CountCreated(context);
        return services.Profile.WriteOutcomeAsync(context, outcome);
    }

    /// <summary>
    /// Reads the JSON body. On a content type the flavour refuses, an empty body or malformed JSON it writes the flavour's
    /// answer and returns null. The raw bytes stay on the request (<see cref="SubmitRequest.Raw"/>) for error positions.
    /// </summary>
    public static async Task<SubmitRequest?> ReadBodyAsync(HttpContext context, SimulatorServices services)
    {
        if (!services.Profile.AcceptsBody(context.Request.ContentType))
        {
            await services.Profile.WriteUnsupportedMediaTypeAsync(context);
            return null;
        }

        byte[] body = await ReadAllAsync(context);
        if (body.Length == 0 && services.Profile.EmptyBodyMessage is { } empty)
        {
            await services.Profile.WriteBadBodyAsync(context, empty);
            return null;
        }

        try
        {
            SubmitRequest? request = JsonSerializer.Deserialize(body, SimJsonContext.Default.SubmitRequest);
            if (request is not null)
            {
                request.Raw = body;
                return request;
            }

            await services.Profile.WriteBadBodyAsync(context, "请求体不能为空");
        }
        catch (JsonException exception)
        {
            await services.Profile.WriteBadBodyAsync(context, exception.Message);
        }

        return null;
    }

    /// <summary>
    /// The whole request body. Room for its declared length is set aside only up to the server's body limit: a longer
    /// one is refused (413) at the first read, before anything is held.
    /// </summary>
    internal static async Task<byte[]> ReadAllAsync(HttpContext context)
    {
        long? length = context.Request.ContentLength;
        long limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? int.MaxValue;
        using var buffer = new System.IO.MemoryStream(length is > 0 and < int.MaxValue && length <= limit ? (int)length.Value : 256);
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>Path prefix first, then the prompt's flag, then the fallback.</summary>
    public static SpeedMode ModeOf(HttpContext context, SpeedMode? promptMode, SpeedMode fallback) =>
        RequestMode.Get(context) ?? promptMode ?? fallback;

    /// <summary>Serialises one task (fetch shape of the flavour).</summary>
    public static Task TaskAsync(HttpContext context, SimulatorServices services, SimTask task)
    {
        long now = services.Clock.NowMs();
        string baseUrl = services.BaseUrlOf(context);
        return Flavors.EnvelopeJson.WriteJsonAsync(context, 200, writer =>
            services.Profile.WriteTask(writer, task, task.StateAt(now), baseUrl, services.Links, services.Options, now));
    }

    /// <summary>Serialises a list of tasks as a JSON array.</summary>
    public static Task TasksAsync(HttpContext context, SimulatorServices services, System.Collections.Generic.IEnumerable<SimTask> tasks)
    {
        long now = services.Clock.NowMs();
        string baseUrl = services.BaseUrlOf(context);
        return Flavors.EnvelopeJson.WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartArray();
            foreach (SimTask task in tasks) services.Profile.WriteTask(writer, task, task.StateAt(now), baseUrl, services.Links, services.Options, now);
            writer.WriteEndArray();
        });
    }
}
