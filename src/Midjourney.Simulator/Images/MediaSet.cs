namespace Midjourney.Simulator.Images;

/// <summary>The signed URLs of a finished task, computed once and cached on the task (signing costs an HMAC each).</summary>
internal sealed class MediaSet
{
    public required string BaseUrl { get; init; }
    public string? Image { get; init; }
    public string[] Urls { get; init; } = System.Array.Empty<string>();
    public string[] Thumbnails { get; init; } = System.Array.Empty<string>();
    public string[] Videos { get; init; } = System.Array.Empty<string>();
}
