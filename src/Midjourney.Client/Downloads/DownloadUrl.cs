using System;

namespace Midjourney.Client;

/// <summary>Questions asked of a task's image URL. The query string is kept for requests but never shown.</summary>
internal static class DownloadUrl
{
    /// <summary>
    /// The URL as it may appear in messages: scheme, host, port and path. The query (Discord's <c>ex/is/hm</c>
    /// signature, S3 tokens), the fragment and any user info are removed.
    /// </summary>
    public static string Redact(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }

        // Not a URL we can take apart: cut at the first '?' or '#' so a signature still cannot leak.
        var cut = url!.IndexOfAny(new[] { '?', '#' });
        return cut < 0 ? url : url.Substring(0, cut);
    }

    /// <summary>Parses an absolute http or https URL; anything else (file:, ftp:, relative) is refused.</summary>
    public static bool TryParseHttp(string? url, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var parsed))
        {
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>
    /// True when a 403/404/410 from this URL probably means "expired": signed links carry their signature in
    /// the query (Discord <c>ex/is/hm</c>, S3 <c>X-Amz-*</c>), and 410 Gone says so outright.
    /// </summary>
    public static bool LooksExpired(Uri uri, int statusCode) =>
        statusCode == 410 || ((statusCode == 403 || statusCode == 404) && uri.Query.Length > 1);

    /// <summary>
    /// The extension of the URL path's last segment (with the dot) when it is 1–5 lowercase letters or digits;
    /// otherwise null. Nothing else from the URL is ever used for a file name.
    /// </summary>
    public static string? PathExtension(Uri uri)
    {
        var path = uri.AbsolutePath;
        var slash = path.LastIndexOf('/');
        var segment = slash < 0 ? path : path.Substring(slash + 1);
        var dot = segment.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        var ext = segment.Substring(dot + 1);
        if (ext.Length < 1 || ext.Length > 5)
        {
            return null;
        }

        foreach (var c in ext)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return null;
            }
        }

        return "." + ext;
    }
}
