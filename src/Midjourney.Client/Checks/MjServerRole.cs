using System.Text.Json;

namespace Midjourney.Client;

/// <summary>Who a TrueAI server takes a key for (<c>/mj/admin/current</c>).</summary>
public enum MjServerRole
{
    /// <summary>No known key: served as a guest (guest mode), who cannot cancel tasks or use admin routes.</summary>
    Guest,

    /// <summary>A user's key: submits and reads; cancelling and admin routes are the administrator's.</summary>
    User,

    /// <summary>The administrator's key: may also cancel tasks and use admin routes.</summary>
    Admin,
}

/// <summary>TrueAI's "who am I" (<c>GET /mj/admin/current</c>, answered to anyone, guests included, creating nothing).</summary>
internal static class CurrentUserAnswer
{
    /// <summary>The route.</summary>
    public const string Path = "/mj/admin/current";

    /// <summary>The role the answer gives; null when it gives none. Only the role is read: the answer also echoes the caller's own token, which is never kept.</summary>
    public static MjServerRole? Role(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var tag in tags.EnumerateArray())
            {
                if (JsonValues.GetString(tag, "key") == "role")
                {
                    return JsonValues.GetString(tag, "label")?.Trim().ToUpperInvariant() switch
                    {
                        "GUEST" => MjServerRole.Guest,
                        "USER" => MjServerRole.User,
                        "ADMIN" => MjServerRole.Admin,
                        _ => null,
                    };
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
