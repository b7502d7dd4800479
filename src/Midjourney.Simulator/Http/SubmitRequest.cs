using System.Collections.Generic;

namespace Midjourney.Simulator.Http;

/// <summary>The union of all submit/query request bodies (camelCase JSON, unknown fields ignored).</summary>
internal sealed class SubmitRequest
{
    private string? _dimensions;

    public string? Prompt { get; set; }
    public List<string>? Base64Array { get; set; }
    public string? Base64 { get; set; }
    public string? Link { get; set; }
    public string? Image { get; set; }
    public string? EndImage { get; set; }
    public string? TaskId { get; set; }
    public string? CustomId { get; set; }
    public string? Action { get; set; }
    public int? Index { get; set; }
    public string? Content { get; set; }
    public string? MaskBase64 { get; set; }
    /// <summary>Blend's dimensions; absent is SQUARE (the DTO's default), an explicit null is refused (<see cref="DimensionsNull"/>).</summary>
    public string? Dimensions
    {
        get => _dimensions;
        set
        {
            _dimensions = value;
            DimensionsNull = value is null;
        }
    }

    /// <summary>True when the body says <c>"dimensions": null</c>, which replaces the default instead of leaving it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool DimensionsNull { get; private set; }

    public string? NotifyHook { get; set; }
    public string? State { get; set; }
    public string? Motion { get; set; }
    public bool? Loop { get; set; }
    public string? VideoType { get; set; }
    public int? BatchSize { get; set; }
    public List<string>? Ids { get; set; }
    public string? BotType { get; set; }
    public bool? EnableRemix { get; set; }

    // PLUS /mj/task/query (paged search).
    public int? PageNumber { get; set; }
    public int? PageSize { get; set; }
    public string? Sort { get; set; }
    public string? Status { get; set; }
    public List<string>? StatusSet { get; set; }
    public string? Description { get; set; }

    /// <summary>The body as received (for the byte positions of model-binding errors).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public System.ReadOnlyMemory<byte> Raw { get; set; }
}
