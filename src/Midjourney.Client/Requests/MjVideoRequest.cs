using System;

namespace Midjourney.Client;

/// <summary>Turn an image into a video (<c>POST /mj/submit/video</c>, reference §2.13).</summary>
public sealed class MjVideoRequest : MjSubmitRequest
{
    /// <summary>Creates the request.</summary>
    public MjVideoRequest(string prompt) => Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));

    /// <summary>The prompt.</summary>
    public string Prompt { get; set; }

    /// <summary>The first frame: URL or data URL.</summary>
    public string? Image { get; set; }

    /// <summary>The last frame, optional.</summary>
    public string? EndImage { get; set; }

    /// <summary><c>low</c> (default) or <c>high</c>.</summary>
    public string? Motion { get; set; }

    /// <summary>Loop the video.</summary>
    public bool? Loop { get; set; }

    /// <summary><c>vid_1.1_i2v_480</c> (SD) or <c>vid_1.1_i2v_720</c> (HD).</summary>
    public string? VideoType { get; set; }

    /// <summary>1, 2 or 4 videos.</summary>
    public int? BatchSize { get; set; }
}
