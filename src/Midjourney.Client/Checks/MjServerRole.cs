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
