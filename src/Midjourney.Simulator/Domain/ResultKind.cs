namespace Midjourney.Simulator.Domain;

/// <summary>What a finished task produces, which decides its images and buttons.</summary>
internal enum ResultKind
{
    /// <summary>A 2×2 grid of four tiles (imagine, variation, reroll, blend, pan, zoom, edit, retexture).</summary>
    Grid,

    /// <summary>One upscaled tile.</summary>
    Upscale,

    /// <summary>Four prompt suggestions for an uploaded image.</summary>
    Describe,

    /// <summary>Shortened prompt suggestions.</summary>
    Shorten,

    /// <summary>A short animation (served as an animated PNG).</summary>
    Video,
}
