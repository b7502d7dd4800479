namespace Midjourney.Simulator.Domain;

/// <summary>Why a task waits in MODAL state for <c>/submit/modal</c>.</summary>
internal enum ModalKind
{
    /// <summary>Not a modal task.</summary>
    None,

    /// <summary>Vary (Region): needs a PNG mask of the upscaled image's size.</summary>
    Inpaint,

    /// <summary>Custom Zoom: the prompt needs <c>--zoom N</c> with 1 &lt; N ≤ 2.</summary>
    CustomZoom,

    /// <summary>Remix on: V, 🔄, pans, Vary (Subtle/Strong), Animate wait for an edited prompt.</summary>
    Remix,

    /// <summary>Describe's PicReader buttons and Shorten's PromptAnalyzer buttons: an IMAGINE waiting for its prompt.</summary>
    PromptPick,
}
