namespace Midjourney.Client;

/// <summary>Options for clicking a button (<c>/mj/submit/action</c> or its change equivalent).</summary>
public sealed class MjClickOptions : MjSubmitRequest
{
    /// <summary>TrueAI: force the Remix (MODAL) path for V, 🔄, pans and animate.</summary>
    public bool? EnableRemix { get; set; }
}
