using Microsoft.AspNetCore.Http;

namespace Midjourney.Simulator.Http;

/// <summary>Who sent a request, as TrueAI's <c>WorkContext</c> sees it: the token's user, or a guest.</summary>
internal enum CallerRole
{
    /// <summary>No token, or one that matches no user (served only in guest mode).</summary>
    Guest,

    /// <summary>A user's token (<see cref="SimulatorOptions.ApiKey"/> when an admin key is set too).</summary>
    User,

    /// <summary>The administrator's token: may cancel and use <c>/mj/admin/*</c>.</summary>
    Admin,
}

/// <summary>The caller's role, kept in <see cref="HttpContext.Items"/> by the auth middleware.</summary>
internal static class Caller
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, CallerRole role) => context.Items[Key] = role;

    /// <summary>The role set by the auth middleware; a server without keys treats everyone as a user.</summary>
    public static CallerRole Get(HttpContext context) => context.Items.TryGetValue(Key, out object? value) && value is CallerRole role ? role : CallerRole.User;
}
