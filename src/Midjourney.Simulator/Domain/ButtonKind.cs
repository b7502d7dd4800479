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
    /// <summary>❤️ <c>MJ::BOOKMARK::{hash}</c>: on TrueAI's upscales (Discord's button), routed by no flavour.</summary>
    Bookmark,
    PicReader,
    PicReaderAll,
    PicreadRetry,
    /// <summary>A shorten pick <c>MJ::Job::PromptAnalyzer::{hash}::{n}</c>: a MODAL imagine on PLUS, refused by TrueAI 11.</summary>
    PromptAnalyzer,
}
