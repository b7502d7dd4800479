namespace Midjourney.PowerShell;

/// <summary>What a saved image file says about the Midjourney task that made it (Get-MjImageInfo; PNG text chunks or a sidecar JSON).</summary>
public sealed class MjImageInfo
{
    /// <summary>The image file.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Width in pixels.</summary>
    public int? Width { get; set; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; set; }

    /// <summary>The prompt.</summary>
    public string? Prompt { get; set; }

    /// <summary>The prompt as Midjourney echoed it (finalPrompt), where known.</summary>
    public string? FinalPrompt { get; set; }

    /// <summary>The task id.</summary>
    public string? TaskId { get; set; }

    /// <summary>The parent task id.</summary>
    public string? ParentId { get; set; }

    /// <summary>The task's action (IMAGINE, UPSCALE, VARIATION, ...).</summary>
    public string? Action { get; set; }

    /// <summary>Midjourney's job id (messageHash), where known.</summary>
    public string? JobId { get; set; }

    /// <summary>The seed, where known.</summary>
    public string? Seed { get; set; }

    /// <summary>The server's scheme, host and port (never a key).</summary>
    public string? Server { get; set; }

    /// <summary>The tile 1–4 of a grid, for a tile file.</summary>
    public int? Tile { get; set; }

    /// <summary>The task's buttons that start new work (U1, V2, Vary (Subtle), ...), where the file records them.</summary>
    public System.Collections.Generic.IReadOnlyList<string> Buttons { get; set; } = System.Array.Empty<string>();

    /// <summary>Where the facts came from: PngText, Sidecar, or None.</summary>
    public string Source { get; set; } = "None";

    /// <summary>
    /// The facts exactly as the file holds them, when their text had to be made safe to show (control characters and
    /// escape sequences removed); null when nothing was removed.
    /// </summary>
    public MjImageInfo? Raw { get; set; }

    /// <inheritdoc />
    public override string ToString() => Client.MjText.CleanLine($"{System.IO.Path.GetFileName(Path)} {TaskId} {Prompt}")!; // shown for Raw too
}
