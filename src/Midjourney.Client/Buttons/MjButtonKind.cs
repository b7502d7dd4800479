namespace Midjourney.Client;

/// <summary>What a button does, parsed from its customId (reference §3).</summary>
public enum MjButtonKind
{
    /// <summary>A customId this client does not recognise; it can still be clicked.</summary>
    Unknown = 0,

    /// <summary>U1–U4 on a grid: <c>MJ::JOB::upsample::{n}::{hash}</c>.</summary>
    Upscale,

    /// <summary>V1–V4 on a grid: <c>MJ::JOB::variation::{n}::{hash}</c>.</summary>
    Variation,

    /// <summary>🔄: <c>MJ::JOB::reroll::0::{hash}::SOLO</c>.</summary>
    Reroll,

    /// <summary>Upscale (Subtle): <c>MJ::JOB::upsample_v7_2x_subtle::1::{hash}::SOLO</c> (v6, v6.1, v7).</summary>
    UpscaleSubtle,

    /// <summary>Upscale (Creative): <c>MJ::JOB::upsample_v7_2x_creative::1::{hash}::SOLO</c>.</summary>
    UpscaleCreative,

    /// <summary>Upscale (2x) on v5 models: <c>MJ::JOB::upsample_v5_2x::1::{hash}::SOLO</c>.</summary>
    Upscale2x,

    /// <summary>Upscale (4x) on v5 models: <c>MJ::JOB::upsample_v5_4x::1::{hash}::SOLO</c>.</summary>
    Upscale4x,

    /// <summary>Vary (Subtle): <c>MJ::JOB::low_variation::1::{hash}::SOLO</c>.</summary>
    VarySubtle,

    /// <summary>Vary (Strong): <c>MJ::JOB::high_variation::1::{hash}::SOLO</c>.</summary>
    VaryStrong,

    /// <summary>Vary (Region): <c>MJ::Inpaint::1::{hash}::SOLO</c>; always needs a modal with a mask.</summary>
    VaryRegion,

    /// <summary>Zoom Out 2x: <c>MJ::Outpaint::50::1::{hash}::SOLO</c>.</summary>
    ZoomOut2x,

    /// <summary>Zoom Out 1.5x: <c>MJ::Outpaint::75::1::{hash}::SOLO</c>.</summary>
    ZoomOut1_5x,

    /// <summary>Make Square: <c>MJ::Outpaint::100::1::{hash}::SOLO</c>.</summary>
    MakeSquare,

    /// <summary>Custom Zoom: <c>MJ::CustomZoom::{hash}</c>; always needs a modal with <c>--zoom N</c>.</summary>
    CustomZoom,

    /// <summary>⬅️: <c>MJ::JOB::pan_left::1::{hash}::SOLO</c>.</summary>
    PanLeft,

    /// <summary>➡️: <c>MJ::JOB::pan_right::1::{hash}::SOLO</c>.</summary>
    PanRight,

    /// <summary>⬆️: <c>MJ::JOB::pan_up::1::{hash}::SOLO</c>.</summary>
    PanUp,

    /// <summary>⬇️: <c>MJ::JOB::pan_down::1::{hash}::SOLO</c>.</summary>
    PanDown,

    /// <summary>Animate (High motion): <c>MJ::JOB::animate_high::1::{hash}::SOLO</c>.</summary>
    AnimateHigh,

    /// <summary>Animate (Low motion): <c>MJ::JOB::animate_low::1::{hash}::SOLO</c>.</summary>
    AnimateLow,

    /// <summary>Extend (High motion) on a video: <c>MJ::JOB::animate_high_extend::1::{hash}</c>.</summary>
    ExtendHigh,

    /// <summary>Extend (Low motion) on a video: <c>MJ::JOB::animate_low_extend::1::{hash}</c>.</summary>
    ExtendLow,

    /// <summary>U1–U4 on a video result: <c>MJ::JOB::video_virtual_upscale::{n}::{hash}</c>.</summary>
    VideoUpscale,

    /// <summary>Manual animate: <c>MJ::JOB::video::…::manual</c>; always needs a modal.</summary>
    AnimateManual,

    /// <summary>❤️: <c>MJ::BOOKMARK::{hash}</c>; creates no task.</summary>
    Bookmark,

    /// <summary>1️⃣–4️⃣ on a describe result: <c>MJ::Job::PicReader::{n}</c>; always needs a modal.</summary>
    DescribePick,

    /// <summary>🎉 Imagine all on a describe result: <c>MJ::Job::PicReader::all</c>.</summary>
    DescribeAll,

    /// <summary>🔄 on a describe result: <c>MJ::Picread::Retry</c>.</summary>
    DescribeRetry,

    /// <summary>A shortened prompt on a shorten result: <c>MJ::Job::PromptAnalyzer::…</c>; always needs a modal.</summary>
    ShortenPick,
}
