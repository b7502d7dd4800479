using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>TrueAI's users.</summary>
public sealed partial class MjAdminApi
{
    /// <summary>Every user of a TrueAI proxy (tokens dropped).</summary>
    public async Task<IReadOnlyList<MjUser>> GetUsersAsync(CancellationToken cancellationToken = default)
    {
        var routes = await RoutesAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
        return await ReadPagesAsync(routes.UserList!, null, "users", (e, server) => AdminJson.User(e, server), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes a TrueAI user with a new random token (32 bytes from a cryptographic generator, as 64 hex digits), and
    /// gives the token out this once. The answer names no id, so the new user is found by its token in the user list,
    /// and read like every user: without it.
    /// </summary>
    public async Task<MjNewUser> NewUserAsync(MjUserRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ArgumentException("A user needs a name.", nameof(request));
        }

        var routes = await RoutesAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
        var token = NewToken();
        var body = UserBody(request, token);
        try
        {
            await ChangeAsync(HttpMethod.Post, routes.UserSave!, body, "user", request.Name, cancellationToken, new[] { token }).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(body, 0, body.Length);
        }

        var search = "{\"name\":" + JsonSerializer.Serialize(request.Name.Trim()) + "}";
        var found = await AfterChangeAsync(
            $"{_transport.Errors.Server} made the user '{request.Name.Trim()}' (it said so), but its token cannot be given out here: only the server's user page shows it now",
            "user",
            () => ReadPagesAsync(routes.UserList!, search, "users", (e, server) =>
                JsonValues.GetString(e, "token") == token ? AdminJson.User(e, server) : null, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var user = found.FirstOrDefault(u => u is not null)
            ?? throw new MjProtocolException($"{_transport.Errors.Server} said the user '{request.Name}' was made, but its user list does not show it; look for it with Get-MjUser.", null, routes.UserList);
        return new MjNewUser(user, Secure(token));
    }

    /// <summary>Removes a TrueAI user (its own <c>admin</c> and <c>default</c> users cannot be removed).</summary>
    public async Task RemoveUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        Require(userId, nameof(userId));
        var routes = await RoutesAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
        await ChangeAsync(HttpMethod.Delete, routes.UserDelete!(userId), null, "user", userId, cancellationToken).ConfigureAwait(false);
    }
}
