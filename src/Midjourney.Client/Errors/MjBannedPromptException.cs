using System;
using System.Net;

namespace Midjourney.Client;

/// <summary>The prompt hit the server's banned-word list (code 24). Nothing was created; do not retry the same prompt.</summary>
public sealed class MjBannedPromptException : MjApiException
{
    /// <summary>Creates the exception.</summary>
    public MjBannedPromptException(string message, string? bannedWord, string? promptEn, int? code, string? description, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, code, description, statusCode, requestPath, innerException)
    {
        BannedWord = MjText.CleanLine(bannedWord);
        PromptEn = MjText.Clean(promptEn);
    }

    /// <summary>The word the server objected to, when it said.</summary>
    public string? BannedWord { get; }

    /// <summary>The translated prompt the server checked.</summary>
    public string? PromptEn { get; }
}
