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

    /// <summary>
    /// Image prompts: http(s) URLs, sent at the start of the prompt where Midjourney reads them, or data URLs
    /// (<see cref="MjImageData"/>), sent as <c>base64Array</c> for the server to upload. To send a local file as a
    /// URL, upload it first with <see cref="MjClient.UploadImagesAsync"/> where the server has that endpoint.
    /// </summary>
    public IList<string> Images { get; set; } = new List<string>();

    /// <summary>Which bot renders it.</summary>
    public BotType BotType { get; set; }
}
