using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>A text-to-image job (<c>POST /mj/submit/imagine</c>).</summary>
public sealed class MjImagineRequest : MjSubmitRequest
{
    /// <summary>Creates the request.</summary>
    public MjImagineRequest(string prompt) => Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));

    /// <summary>The prompt, with any Midjourney parameters (<c>--ar 3:2 --v 7</c>).</summary>
    public string Prompt { get; set; }

    /// <summary>Image prompts: data URLs (<see cref="MjImageData"/>) or http(s) URLs.</summary>
    public IList<string> Images { get; set; } = new List<string>();

    /// <summary>Which bot renders it.</summary>
    public BotType BotType { get; set; }
}
