namespace Midjourney.PowerShell.Output;

/// <summary>The stable error ids of the module (they become part of <c>FullyQualifiedErrorId</c>).</summary>
internal static class MjErrorIds
{
    /// <summary>No connection: no -Connection, no Connect-MjServer, no MJ_BASE_URL.</summary>
    public const string NotConnected = "MjNotConnected";

    /// <summary>Bad input found before any request.</summary>
    public const string InvalidInput = "MjInvalidInput";

    /// <summary>The server refused a request.</summary>
    public const string ApiError = "MjApiError";

    /// <summary>The key was not accepted (401/403).</summary>
    public const string AuthenticationFailed = "MjAuthenticationFailed";

    /// <summary>Queue full or rate limited.</summary>
    public const string ServerBusy = "MjServerBusy";

    /// <summary>The prompt hit the banned-word list.</summary>
    public const string BannedPrompt = "MjBannedPrompt";

    /// <summary>The server does not know the task.</summary>
    public const string TaskNotFound = "MjTaskNotFound";

    /// <summary>The server has no such account, user or banned-word list.</summary>
    public const string NotFound = "MjNotFound";

    /// <summary>The server does not offer the endpoint (or -Uri is not a midjourney-proxy).</summary>
    public const string EndpointNotFound = "MjEndpointNotFound";

    /// <summary>The task ended in failure or was cancelled.</summary>
    public const string TaskFailed = "MjTaskFailed";

    /// <summary>A wait's deadline passed.</summary>
    public const string WaitTimeout = "MjWaitTimeout";

    /// <summary>No button matches.</summary>
    public const string ButtonNotFound = "MjButtonNotFound";

    /// <summary>A submit's answer was lost; it may or may not exist.</summary>
    public const string AmbiguousSubmit = "MjAmbiguousSubmit";

    /// <summary>A file could not be downloaded or saved.</summary>
    public const string DownloadFailed = "MjDownloadFailed";

    /// <summary>The server failed or could not be reached.</summary>
    public const string ServerError = "MjServerError";

    /// <summary>The native imaging library (libSkiaSharp) cannot be loaded on this platform.</summary>
    public const string ImagingUnavailable = "MjImagingUnavailable";
}
