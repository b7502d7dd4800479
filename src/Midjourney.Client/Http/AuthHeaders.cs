using System.Net.Http;

namespace Midjourney.Client;

/// <summary>Puts the key on a request in exactly one header, or none when there is no key.</summary>
internal static class AuthHeaders
{
    public const string ApiSecretHeader = "mj-api-secret";

    public static void Apply(HttpRequestMessage request, AuthScheme scheme, string? apiKey)
    {
        // An empty header value is rejected by some servers (reference §4.2), so no key means no header.
        if (string.IsNullOrEmpty(apiKey))
        {
            return;
        }

        switch (scheme)
        {
            case AuthScheme.Bearer:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + apiKey);
                break;
            case AuthScheme.Raw:
                request.Headers.TryAddWithoutValidation("Authorization", apiKey);
                break;
            default:
                request.Headers.TryAddWithoutValidation(ApiSecretHeader, apiKey);
                break;
        }
    }
}
