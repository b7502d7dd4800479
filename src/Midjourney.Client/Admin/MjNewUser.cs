using System;
using System.Security;

namespace Midjourney.Client;

/// <summary>
/// A user just made by <see cref="MjAdminApi.NewUserAsync"/>, with the token the client made for it. The token is given
/// out here once, as a <see cref="SecureString"/>; no later read shows it (the client drops tokens from every answer).
/// </summary>
public sealed class MjNewUser
{
    internal MjNewUser(MjUser user, SecureString token)
    {
        User = user;
        Token = token;
    }

    /// <summary>The user as the server keeps it.</summary>
    public MjUser User { get; }

    /// <summary>The new user's token: give it to the user (for example <c>Connect-MjServer -ApiKey</c> takes it as it is).</summary>
    public SecureString Token { get; }

    /// <summary>The user's id.</summary>
    public string Id => User.Id;

    /// <summary>The user's name.</summary>
    public string? Name => User.Name;

    /// <summary>The user's role.</summary>
    public string? Role => User.Role;

    /// <summary>The server the user belongs to.</summary>
    public Uri? Server => User.Server;

    /// <inheritdoc />
    public override string ToString() => User.ToString();
}
