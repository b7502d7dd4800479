using System;

namespace Midjourney.Client;

/// <summary>Edit or retexture an image with a prompt (<c>POST /mj/submit/edits</c>, TrueAI and gateways; <c>/mj/submit/retexture</c>, TrueAI).</summary>
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
