using System;

namespace Midjourney.Client;

/// <summary>Builds request paths. Every path starts with <c>/mj</c>; submits may carry a speed prefix.</summary>
internal static class ApiPaths
{
    public static string Submit(string endpoint, SpeedMode mode) => ModePrefix(mode) + "/mj/submit/" + endpoint;

    public static string Fetch(string taskId) => "/mj/task/" + Uri.EscapeDataString(taskId) + "/fetch";

    public static string Cancel(string taskId) => "/mj/task/" + Uri.EscapeDataString(taskId) + "/cancel";

    public static string ImageSeed(string taskId) => "/mj/task/" + Uri.EscapeDataString(taskId) + "/image-seed";

    public const string ListByCondition = "/mj/task/list-by-condition";

    public const string List = "/mj/task/list";

    public const string TaskQuery = "/mj/task/query";

    public static string ModePrefix(SpeedMode mode) => mode switch
    {
        SpeedMode.Relax => "/mj-relax",
        SpeedMode.Fast => "/mj-fast",
        SpeedMode.Turbo => "/mj-turbo",
        _ => string.Empty,
    };

    /// <summary>
    /// The base address with a trailing slash and without a trailing <c>/mj</c>, so that
    /// "https://h", "https://h/" and "https://h/mj" all mean the same server.
    /// </summary>
    public static Uri NormaliseBase(Uri baseAddress)
    {
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The server address '{baseAddress}' must be an absolute http:// or https:// URL, e.g. https://proxy.example.com.", nameof(baseAddress));
        }

        var path = baseAddress.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/mj", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(0, path.Length - 3);
        }

        var builder = new UriBuilder(baseAddress) { Path = path + "/", Query = string.Empty, Fragment = string.Empty, UserName = string.Empty, Password = string.Empty };
        return builder.Uri;
    }
}
