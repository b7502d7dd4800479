using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Admin;

/// <summary>The input of Get-MjUser.</summary>
internal sealed class GetUserOptions
{
    /// <summary>-Name: names, wildcards allowed.</summary>
    public IReadOnlyList<string>? Name { get; set; }

    /// <summary>-Id: exact ids.</summary>
    public IReadOnlyList<string>? Id { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }
}

/// <summary>
/// TrueAI's users: Get-MjUser, New-MjUser (the new token given out once, as a SecureString) and Remove-MjUser (the user
/// is read first, so the confirmation names it and an unknown id fails before anything is asked).
/// </summary>
internal sealed class UserOperation : MjOperation
{
    private readonly Dictionary<Uri, IReadOnlyList<MjUser>> _known = new();

    /// <summary>Creates the operation.</summary>
    public UserOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Emits the users, filtered; a name or id without wildcards that matches nothing is an error.</summary>
    public Task GetAsync(GetUserOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, connection.Uri, async () =>
        {
            var users = await connection.Client.Admin.GetUsersAsync(cancellationToken).ConfigureAwait(false);
            var named = Wildcard.AnyOf(options.Name);
            var ids = options.Id?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList() ?? new List<string>();
            foreach (var user in users.Where(u => named(new[] { u.Name }) && (ids.Count == 0 || ids.Contains(u.Id, StringComparer.Ordinal))))
            {
                output.WriteObject(user);
            }

            foreach (var name in Wildcard.Unmatched(options.Name, users.Select(u => u.Name)))
            {
                output.WriteError(ErrorMapping.NotFound($"{connection.Uri} has no user named '{name}'.", "user", name, "Get-MjUser lists them."));
            }

            foreach (var id in ids.Where(i => !users.Any(u => u.Id == i)))
            {
                output.WriteError(ErrorMapping.NotFound($"{connection.Uri} has no user with the id '{id}'.", "user", id, "Get-MjUser lists them."));
            }
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Makes a user and emits it with its token (a SecureString), which no later read shows.</summary>
    public Task NewAsync(MjUserRequest request, MjConnection? explicitConnection, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(explicitConnection);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            output.WriteError(ErrorMapping.InvalidInput("-Name is empty; give the new user's name.", request.Name));
            return;
        }

        await TryItemAsync(output, request.Name, async () =>
        {
            var admin = connection.Client.Admin;
            await admin.CheckAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
            var role = request.Administrator ? "an administrator" : "a user";
            if (!await output.ShouldProcessAsync($"User '{request.Name.Trim()}' ({role}) on {connection.Uri}", "Create").ConfigureAwait(false))
            {
                return;
            }

            var created = await admin.NewUserAsync(request, cancellationToken).ConfigureAwait(false);
            output.WriteVerbose($"Made user '{created.Name}' ({created.Id}) on {connection.Uri}; its token is in the Token property, given out this once.");
            output.WriteObject(created);
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Removes a user by id, after reading it for the confirmation.</summary>
    public Task RemoveAsync(string id, MjConnection? explicitConnection, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(explicitConnection);
        var trimmed = id.Trim();
        if (trimmed.Length == 0)
        {
            output.WriteError(ErrorMapping.InvalidInput("-Id is empty; give a user id (Get-MjUser lists them).", id));
            return;
        }

        await TryItemAsync(output, trimmed, async () =>
        {
            var admin = connection.Client.Admin;
            await admin.CheckAsync(MjAdminOperation.ManageUsers, cancellationToken).ConfigureAwait(false);
            if (!_known.TryGetValue(connection.Uri, out var users))
            {
                users = await admin.GetUsersAsync(cancellationToken).ConfigureAwait(false);
                _known[connection.Uri] = users;
            }

            var user = users.FirstOrDefault(u => u.Id == trimmed);
            if (user is null)
            {
                output.WriteError(ErrorMapping.NotFound($"{connection.Uri} has no user with the id '{trimmed}'.", "user", trimmed, "Get-MjUser lists them."));
                return;
            }

            if (!await output.ShouldProcessAsync($"User '{user.Name}' ({user.Id}, {user.Role}) on {connection.Uri}", "Remove").ConfigureAwait(false))
            {
                return;
            }

            await admin.RemoveUserAsync(trimmed, cancellationToken).ConfigureAwait(false);
            output.WriteVerbose($"Removed user '{user.Name}' ({user.Id}) from {connection.Uri}; its token no longer works there.");
        }, cancellationToken).ConfigureAwait(false);
    });
}
