namespace Midjourney.Simulator.Domain;

/// <summary>What pressing a button does, read from its customId (reference §2.5, §3).</summary>
internal enum ButtonKind
{
    Unknown,
    Upscale,
    UpscaleHd,
    Variation,
    LowVariation,
    HighVariation,
    Reroll,
    Inpaint,
    ZoomOut,
    /// <summary>Make Square: <c>MJ::Outpaint::100::1::{hash}::SOLO</c>, offered on non-square upscales.</summary>
    MakeSquare,
    CustomZoom,
    Pan,
    Animate,
    AnimateExtend,
    VideoUpscale,
    Bookmark,
    PicReader,
    PicReaderAll,
    PicreadRetry,
    PromptAnalyzer,
}
