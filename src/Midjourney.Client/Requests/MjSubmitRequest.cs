namespace Midjourney.Client;

/// <summary>What every submit may carry (reference §2.1).</summary>
public abstract class MjSubmitRequest
{
    /// <summary>Free text the server echoes back in the task (max 255 characters on TrueAI).</summary>
    public string? State { get; set; }

    /// <summary>A URL the server POSTs the task to on every change. Polling stays the source of truth.</summary>
    public string? NotifyHook { get; set; }

    /// <summary>The speed for this call; null uses the client's <see cref="MjClientOptions.Mode"/>.</summary>
    public SpeedMode? Mode { get; set; }
}
