using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>TrueAI's banned words.</summary>
public sealed partial class MjAdminApi
{
    /// <summary>Every banned-word list of a TrueAI proxy.</summary>
    public async Task<IReadOnlyList<MjBannedWord>> GetBannedWordsAsync(CancellationToken cancellationToken = default)
    {
        var routes = await RoutesAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
        return await ReadPagesAsync(routes.BannedWordList!, null, "banned-word lists", (e, server) => AdminJson.BannedWord(e, server), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds words: to the list <paramref name="listId"/> (read, the words added, sent back), or as a new list named
    /// <paramref name="name"/>. TrueAI trims the words and keeps them in lower case. Returns the list as the server keeps it.
    /// </summary>
    public async Task<MjBannedWord> AddBannedWordsAsync(IEnumerable<string> words, string? name = null, string? description = null, string? listId = null, CancellationToken cancellationToken = default)
    {
        var adding = Words(words);
        var routes = await RoutesAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(listId))
        {
            var list = await GetBannedWordListAsync(routes, listId!, cancellationToken).ConfigureAwait(false);
            var merged = list.Keywords.Concat(adding).ToList();
            await SaveBannedWordsAsync(routes, list.Id, name ?? list.Name, merged, description ?? list.Description, list.Enabled ?? true, cancellationToken).ConfigureAwait(false);
            return await AfterChangeAsync($"{_transport.Errors.Server} added the words to banned-word list '{list.Id}' (it said so)", "banned-word list",
                () => GetBannedWordListAsync(routes, list.Id, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var listName = string.IsNullOrWhiteSpace(name) ? "Midjourney module " + DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : name!.Trim();
        await SaveBannedWordsAsync(routes, null, listName, adding, description, true, cancellationToken).ConfigureAwait(false);
        var lists = await AfterChangeAsync($"{_transport.Errors.Server} made the banned-word list '{listName}' (it said so)", "banned-word list",
            () => GetBannedWordsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        return lists.Where(l => l.Name == listName).OrderByDescending(l => l.CreateTime ?? DateTime.MinValue).FirstOrDefault()
            ?? throw new MjProtocolException($"{_transport.Errors.Server} said the banned-word list '{listName}' was made, but its lists do not show it; look for it with Get-MjBannedWord.", null, routes.BannedWordList);
    }

    /// <summary>
    /// Removes a banned-word list, or with <paramref name="words"/> only those words from it (read, the words taken
    /// out, sent back; the list is then returned). The server's <c>default</c> list cannot be removed, only edited.
    /// </summary>
    public async Task<MjBannedWord?> RemoveBannedWordsAsync(string listId, IEnumerable<string>? words = null, CancellationToken cancellationToken = default)
    {
        Require(listId, nameof(listId));
        var routes = await RoutesAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
        if (words is null)
        {
            await ChangeAsync(HttpMethod.Delete, routes.BannedWordDelete!(listId), null, "banned-word list", listId, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var removing = new HashSet<string>(Words(words), StringComparer.OrdinalIgnoreCase);
        var list = await GetBannedWordListAsync(routes, listId, cancellationToken).ConfigureAwait(false);
        var kept = list.Keywords.Where(k => !removing.Contains(k)).ToList();
        await SaveBannedWordsAsync(routes, list.Id, list.Name, kept, list.Description, list.Enabled ?? true, cancellationToken).ConfigureAwait(false);
        return await AfterChangeAsync($"{_transport.Errors.Server} took the words out of banned-word list '{list.Id}' (it said so)", "banned-word list",
            () => GetBannedWordListAsync(routes, list.Id, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<MjBannedWord> GetBannedWordListAsync(AdminRoutes routes, string listId, CancellationToken cancellationToken)
    {
        var search = "{\"id\":" + JsonSerializer.Serialize(listId) + "}";
        var lists = await ReadPagesAsync(routes.BannedWordList!, search, "banned-word lists", (e, server) => AdminJson.BannedWord(e, server), cancellationToken).ConfigureAwait(false);
        return lists.FirstOrDefault(l => l.Id == listId) ?? throw NotFound("banned-word list", listId, routes.BannedWordList!, null);
    }

    private Task SaveBannedWordsAsync(AdminRoutes routes, string? id, string? name, IReadOnlyList<string> keywords, string? description, bool enabled, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = name,
            ["keywords"] = keywords,
            ["description"] = description,
            ["enable"] = enabled,
        });
        return ChangeAsync(HttpMethod.Post, routes.BannedWordSave!, body, "banned-word list", id ?? name ?? string.Empty, cancellationToken);
    }
}
