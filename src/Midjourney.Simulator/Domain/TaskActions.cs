namespace Midjourney.Simulator.Domain;

/// <summary>Task <c>action</c> strings as the proxies spell them on the wire.</summary>
internal static class TaskActions
{
    public const string Imagine = "IMAGINE";
    public const string Upscale = "UPSCALE";
    public const string UpscaleHd = "UPSCALE_HD";
    public const string Variation = "VARIATION";
    public const string Reroll = "REROLL";
    public const string Describe = "DESCRIBE";
    public const string Blend = "BLEND";
    public const string Pan = "PAN";
    public const string Zoom = "ZOOM";
    public const string Shorten = "SHORTEN";
    public const string Video = "VIDEO";
    public const string Edit = "EDIT";
    public const string Retexture = "RETEXTURE";

    /// <summary>Actions whose result is a 2×2 grid that can be upscaled, varied or rerolled.</summary>
    public static bool IsGrid(string action) =>
        action is Imagine or Variation or Reroll or Blend or Pan or Zoom or Edit or Retexture;
}
