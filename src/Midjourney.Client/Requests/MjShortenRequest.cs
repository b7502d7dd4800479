using System;

namespace Midjourney.Client;

/// <summary>Analyse a prompt and suggest shorter ones (<c>POST /mj/submit/shorten</c>).</summary>
public sealed class MjShortenRequest : MjSubmitRequest
{
    /// <summary>Creates the request.</summary>
    public MjShortenRequest(string prompt) => Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));

    /// <summary>The prompt to shorten.</summary>
    public string Prompt { get; set; }

    /// <summary>Which bot analyses it.</summary>
    public BotType BotType { get; set; }
}
