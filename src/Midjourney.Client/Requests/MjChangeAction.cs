namespace Midjourney.Client;

/// <summary>The legacy <c>/mj/submit/change</c> actions.</summary>
public enum MjChangeAction
{
    /// <summary>U1–U4.</summary>
    Upscale,

    /// <summary>V1–V4.</summary>
    Variation,

    /// <summary>🔄.</summary>
    Reroll,
}
