namespace Midjourney.Simulator.Domain;

/// <summary>Model-version family that decides the buttons of an upscaled image (§3.3).</summary>
internal enum UpscaleFamily
{
    /// <summary>v5.x / niji 5: Upscale (2x) and (4x).</summary>
    V5,

    /// <summary>v6.0 / niji 6: <c>upsample_v6_2x_subtle|creative</c>.</summary>
    V6,

    /// <summary>v6.1: <c>upsample_v6r1_2x_subtle|creative</c>.</summary>
    V6r1,

    /// <summary>v7 / niji 7 (the default): <c>upsample_v7_2x_subtle|creative</c>.</summary>
    V7,

    /// <summary>v8: no HD upscale, zoom or pan buttons.</summary>
    V8,
}
