using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Images;
using Midjourney.Simulator.Json;

namespace Midjourney.Simulator.Flavors;

/// <summary>
/// The taskapi gateway (seed document 004): imagine/change/simple-change with the MJ envelope, Bearer auth, and a
/// <c>TASK_STATUS_*</c> fetch body. Choices the document leaves open: a missing task is HTTP 404
/// <c>{"code":404,"reason":"TASK_NOT_FOUND",…}</c>; a full queue is code 23 like NZ.
/// </summary>
internal sealed class TaskApiProfile : FlavorProfile
{
    private static readonly HashSet<SimRoute> RouteSet = new()
    {
        SimRoute.Imagine, SimRoute.Change, SimRoute.SimpleChange, SimRoute.Fetch,
    };

    public override SimulatorFlavor Flavor => SimulatorFlavor.TaskApi;
    public override IReadOnlySet<SimRoute> Routes => RouteSet;
    public override TaskJsonStyle JsonStyle => new(Buttons: false, TrueAiExtras: false, GatewayShape: false);

    /// <summary><c>Authorization: Bearer &lt;key&gt;</c> only.</summary>
    public override bool IsAuthorized(HttpRequest request, string apiKey)
    {
        string authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[7..].Trim(), apiKey, StringComparison.Ordinal);
    }

    public override Task WriteMissingTaskAsync(HttpContext context) =>
        EnvelopeJson.WriteJsonAsync(context, 404, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", 404);
            w.WriteString("reason", "TASK_NOT_FOUND");
            w.WriteString("message", "task not found");
            w.WriteStartObject("metadata");
            w.WriteEndObject();
            w.WriteEndObject();
        });

    public override Task WriteBadBodyAsync(HttpContext context, string message) =>
        EnvelopeJson.WriteAsync(context, 400, 4, "请求体格式错误: " + message, null);

    public override void WriteTask(Utf8JsonWriter writer, SimTask task, TaskState state, string baseUrl, MediaLinks links, SimulatorOptions options, long now) =>
        TaskApiJson.Write(writer, task, state, baseUrl, links, now, options.ImageTtl);
}
