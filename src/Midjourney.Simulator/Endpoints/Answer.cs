using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Endpoints;

/// <summary>Shared request/response steps of the proxy endpoints.</summary>
internal static class Answer
{
    /// <summary>Writes a submit outcome in the flavour's dialect and counts accepted submits.</summary>
    public static Task OutcomeAsync(HttpContext context, SimulatorServices services, SubmitOutcome outcome)
    {
        if (outcome.Kind is OutcomeKind.Accepted or OutcomeKind.Modal or OutcomeKind.Value) services.Counters.CountSubmitAccepted();
        return services.Profile.WriteOutcomeAsync(context, outcome);
    }

    /// <summary>Reads the JSON body; on malformed JSON writes the flavour's model-binding error and returns null.</summary>
    public static async Task<SubmitRequest?> ReadBodyAsync(HttpContext context, SimulatorServices services)
    {
        try
        {
            SubmitRequest? request = await JsonSerializer.DeserializeAsync(context.Request.Body, SimJsonContext.Default.SubmitRequest, context.RequestAborted);
            if (request is not null) return request;
            await services.Profile.WriteBadBodyAsync(context, "请求体不能为空");
        }
        catch (JsonException exception)
        {
            await services.Profile.WriteBadBodyAsync(context, exception.Message);
        }

        return null;
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
