using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>Where a redirect may lead.</summary>
internal enum RedirectRule
{
    /// <summary>API requests carry the key: only to the same scheme, host and port as the first request.</summary>
    SameOrigin,

    /// <summary>Image downloads carry nothing secret: to any http or https address, but never from https down to http.</summary>
    NoDowngrade,
}

/// <summary>
/// Follows redirects by hand: the client's handler never follows them itself (.NET would carry the
/// <c>mj-api-secret</c> header to any host; it drops only <c>Authorization</c>), so every hop is checked against a
/// <see cref="RedirectRule"/> before a request is made. Every refusal is a <see cref="RedirectRefusedException"/>
/// that names the target; nothing is sent to it.
/// </summary>
internal static class Redirects
{
    /// <summary>
    /// Sends the request <paramref name="create"/> makes for <paramref name="uri"/>, and again for each allowed redirect
    /// (307/308 keep the method and body; 301/302/303 of a GET stay a GET; a POST moved by those is refused). A 3xx
    /// without a Location comes back as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http,
        HttpMethod method,
        Uri uri,
        Func<Uri, HttpRequestMessage> create,
        RedirectRule rule,
        int maxRedirects,
        CancellationToken cancellationToken)
    {
        var current = uri;
        for (var hop = 0; ; hop++)
        {
            var request = create(current);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                request.Dispose();
                throw;
            }

            var status = (int)response.StatusCode;
            if (!IsRedirect(status) || !response.Headers.TryGetValues("Location", out var values))
            {
                return response;
            }

            var reason = response.ReasonPhrase;
            var location = string.Join(",", values);
            response.Dispose();
            request.Dispose();
            current = Check(method, uri, current, status, reason, location, rule, hop + 1, maxRedirects);
        }
    }

    /// <summary>True for the statuses that redirect: 301, 302, 303, 307, 308.</summary>
    public static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>True when both have the same scheme, host and port (the origin the key belongs to).</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>A URL as it may be shown: scheme, host, port and path; never a query, fragment or user info. At most 200 characters.</summary>
    public static string Show(Uri uri)
    {
        var text = uri.IsAbsoluteUri
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : uri.OriginalString;
        return Cut(text);
    }

    private static Uri Check(HttpMethod method, Uri first, Uri current, int status, string? reason, string location, RedirectRule rule, int hops, int maxRedirects)
    {
        var answered = $"{Show(current)} answered {status} {reason}".TrimEnd();
        var target = Resolve(current, location.Trim());
        if (target is null)
        {
            throw new RedirectRefusedException(
                $"{answered} with a Location that is not a URL ('{Cut(DownloadUrl.Redact(location))}'); it was not followed.",
                "The server is misconfigured; ask its administrator.", status);
        }

        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            throw new RedirectRefusedException(
                $"{answered}, a redirect to '{Cut(DownloadUrl.Redact(location))}', which is not an http or https address; it was not followed.",
                "The server is misconfigured or hostile; ask its administrator.", status);
        }

        if (hops > maxRedirects)
        {
            throw new RedirectRefusedException(
                $"{answered}, redirect number {hops} in a row (to {Show(target)}); at most {maxRedirects} are followed (MjLimits), so it was not.",
                "The server redirects in a loop; ask its administrator.", status);
        }

        if (rule == RedirectRule.SameOrigin && !SameOrigin(first, target))
        {
            var root = first.GetLeftPart(UriPartial.Authority);
            var upgrade = string.Equals(first.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase) && target.Scheme == Uri.UriSchemeHttps && first.Scheme == Uri.UriSchemeHttp;
            throw new RedirectRefusedException(
                $"{answered}, a redirect to {Show(target)}: another origin (scheme, host or port) than {root}. The API key is sent only to {root}, so the redirect was not followed.",
                upgrade
                    ? $"The server wants https: connect with -Uri {target.GetLeftPart(UriPartial.Authority)} (Connect-MjServer)."
                    : $"If the proxy has moved, connect to its new address yourself (Connect-MjServer -Uri {target.GetLeftPart(UriPartial.Authority)}); otherwise ask its administrator why it redirects.",
                status);
        }

        if (rule == RedirectRule.NoDowngrade && current.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
        {
            throw new RedirectRefusedException(
                $"{answered}, a redirect from https down to plain http ({Show(target)}); it was not followed.",
                "Ask the image host to serve https, or download the file yourself.", status);
        }

        if (method != HttpMethod.Get && method != HttpMethod.Head && status is not (307 or 308))
        {
            throw new RedirectRefusedException(
                $"{answered} to a {method} (a redirect to {Show(target)}); only 307 and 308 keep a {method}, so it was not followed and nothing was sent there.",
                "The server is misconfigured; ask its administrator.", status);
        }

        return target;
    }

    /// <summary>
    /// The Location as an absolute URL, or null. Only a Location that starts with a scheme is absolute: on Unix .NET would
    /// read a path such as <c>/mj/task/1/fetch</c> as a <c>file:</c> URL.
    /// </summary>
    private static Uri? Resolve(Uri current, string location)
    {
        var colon = location.IndexOf(':');
        var hasScheme = colon > 0 && char.IsLetter(location[0]);
        for (var i = 1; hasScheme && i < colon; i++)
        {
            var c = location[i];
            hasScheme = char.IsLetterOrDigit(c) || c is '+' or '-' or '.';
        }

        if (hasScheme)
        {
            return Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute : null;
        }

        return Uri.TryCreate(current, location, out var combined) ? combined : null;
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text.Substring(0, 199) + "…";
}

/// <summary>A redirect that <see cref="Redirects"/> did not follow; the message names the target, never a key or a query.</summary>
internal sealed class RedirectRefusedException : Exception
{
    public RedirectRefusedException(string message, string advice, int status)
        : base(message)
    {
        Advice = advice;
        Status = (HttpStatusCode)status;
    }

    /// <summary>What to do about it.</summary>
    public string Advice { get; }

    /// <summary>The redirect's status.</summary>
    public HttpStatusCode Status { get; }

}
