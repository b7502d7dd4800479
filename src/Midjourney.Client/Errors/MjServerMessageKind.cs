namespace Midjourney.Client;

/// <summary>What a known server message is about, for callers that act on it (error ids, retries).</summary>
public enum MjServerMessageKind
{
    /// <summary>Anything else: bad input, a limit, a server failure.</summary>
    General,

    /// <summary>The prompt (or the image made from it) was refused by a moderation filter.</summary>
    BannedPrompt,

    /// <summary>The task or its parent does not exist on this server.</summary>
    TaskNotFound,

    /// <summary>The queue is full or the server is saturated; nothing was created.</summary>
    Busy,

    /// <summary>The task timed out or was dropped on the server; submitting it again may work.</summary>
    Timeout,

    /// <summary>
    /// The server cannot take work now: no usable Midjourney account, its Redis down, no instance for an upload. An
    /// outage of the server, not a fault of the request; the same request may work later.
    /// </summary>
    Unavailable,

    /// <summary>Only the server's administrator may do this (TrueAI's cancel and admin routes for any other key).</summary>
    AdministratorOnly,

    /// <summary>The server could not read the request (malformed JSON, a value of the wrong type, no body).</summary>
    BadRequest,
}
