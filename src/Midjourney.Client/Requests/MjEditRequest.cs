using System;

namespace Midjourney.Client;

/// <summary>Edit an image with a prompt (<c>POST /mj/submit/edits</c>, TrueAI and gateways).</summary>
public sealed class MjEditRequest : MjSubmitRequest
{
    /// <summary>Creates the request.</summary>
    public MjEditRequest(string prompt, string image)
    {
        Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        Image = image ?? throw new ArgumentNullException(nameof(image));
    }

    /// <summary>What to change.</summary>
    public string Prompt { get; set; }

    /// <summary>The image: URL or data URL.</summary>
    public string Image { get; set; }
}
