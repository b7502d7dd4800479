namespace Midjourney.Client;

/// <summary>
/// Every bound the module puts on what a server (or a file) may make it do, in one place (docs/security.md has the
/// table, with the largest real answer seen for each). Each is far above what a real answer needs, and each is named in
/// the error when it trips.
/// </summary>
public static class MjLimits
{
    /// <summary>Redirects an API request follows, all within the connection's own scheme, host and port (5).</summary>
    public const int MaxApiRedirects = 5;

    /// <summary>Redirects an image download follows, to any http(s) host but never from https to http (10).</summary>
    public const int MaxDownloadRedirects = 10;
}
