namespace Midjourney.Client;

/// <summary>Four prompt suggestions for an image (<c>POST /mj/submit/describe</c>). Give <see cref="Image"/> or <see cref="Link"/>.</summary>
public sealed class MjDescribeRequest : MjSubmitRequest
{
    /// <summary>The image as a data URL.</summary>
    public string? Image { get; set; }

    /// <summary>An http(s) image URL instead (TrueAI).</summary>
    public string? Link { get; set; }

    /// <summary>Which bot describes it.</summary>
    public BotType BotType { get; set; }
}
