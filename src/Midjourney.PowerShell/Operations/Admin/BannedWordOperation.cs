using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Admin;

/// <summary>The input of Get-MjBannedWord.</summary>
internal sealed class GetBannedWordOptions
{
    /// <summary>-Word: only the lists that hold this word (without case); the server's own search by word fails on SQLite.</summary>
    public string? Word { get; set; }

    /// <summary>-Name: list names, wildcards allowed.</summary>
    public IReadOnlyList<string>? Name { get; set; }

    /// <summary>-Id: exact list ids.</summary>
    public IReadOnlyList<string>? Id { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }
}

/// <summary>The input of Add-MjBannedWord.</summary>
internal sealed class AddBannedWordOptions
{
    public IReadOnlyList<string> Word { get; set; } = Array.Empty<string>();

    /// <summary>-Id: add to this list; null makes a new list.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public MjConnection? Connection { get; set; }
}

/// <summary>TrueAI's banned words: Get-MjBannedWord, Add-MjBannedWord and Remove-MjBannedWord.</summary>
internal sealed class BannedWordOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public BannedWordOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Emits the lists, filtered.</summary>
    public Task GetAsync(GetBannedWordOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, connection.Uri, async () =>
        {
            var lists = await connection.Client.Admin.GetBannedWordsAsync(cancellationToken).ConfigureAwait(false);
            var named = Wildcard.AnyOf(options.Name);
            var word = options.Word?.Trim();
            foreach (var list in lists.Where(l => named(new[] { l.Name })
                && (options.Id is null || options.Id.Count == 0 || options.Id.Contains(l.Id, StringComparer.Ordinal))
                && (string.IsNullOrEmpty(word) || l.Keywords.Contains(word, StringComparer.OrdinalIgnoreCase))))
            {
                output.WriteObject(list);
            }
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Adds words to a list, or makes a new list of them; emits the list as the server keeps it.</summary>
    public Task AddAsync(AddBannedWordOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        var words = options.Word.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToList();
        if (words.Count == 0)
        {
            output.WriteError(ErrorMapping.InvalidInput("-Word holds no word; give the words to ban.", options.Word));
            return;
        }

        await TryItemAsync(output, string.Join(", ", words), async () =>
        {
            var admin = connection.Client.Admin;
            await admin.CheckAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
            var target = options.Id is { Length: > 0 } id ? $"Banned-word list {id} on {connection.Uri}" : $"A new banned-word list{(options.Name is { Length: > 0 } name ? " '" + name + "'" : string.Empty)} on {connection.Uri}";
            if (!await output.ShouldProcessAsync(target, $"Add {Quote(words)}").ConfigureAwait(false))
            {
                return;
            }

            var list = await admin.AddBannedWordsAsync(words, options.Name, options.Description, options.Id, cancellationToken).ConfigureAwait(false);
            output.WriteVerbose($"Banned-word list '{list.Name}' ({list.Id}) on {connection.Uri} holds {list.Keywords.Count} words; TrueAI fails prompts with them: \"可能包含敏感词\".");
            output.WriteObject(list);
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Removes a list, or with <paramref name="words"/> only those words from it (and emits the list).</summary>
    public Task RemoveAsync(string id, IReadOnlyList<string>? words, MjConnection? explicitConnection, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(explicitConnection);
        var trimmed = id.Trim();
        if (trimmed.Length == 0)
        {
            output.WriteError(ErrorMapping.InvalidInput("-Id is empty; give a banned-word list id (Get-MjBannedWord lists them).", id));
            return;
        }

        await TryItemAsync(output, trimmed, async () =>
        {
            var admin = connection.Client.Admin;
            await admin.CheckAsync(MjAdminOperation.ManageBannedWords, cancellationToken).ConfigureAwait(false);
            var what = words is null ? "Remove the list" : $"Remove {Quote(words)}";
            if (!await output.ShouldProcessAsync($"Banned-word list {trimmed} on {connection.Uri}", what).ConfigureAwait(false))
            {
                return;
            }

            var list = await admin.RemoveBannedWordsAsync(trimmed, words, cancellationToken).ConfigureAwait(false);
            if (list is null)
            {
                output.WriteVerbose($"Removed banned-word list {trimmed} from {connection.Uri}.");
                return;
            }

            output.WriteVerbose($"Banned-word list '{list.Name}' ({list.Id}) on {connection.Uri} now holds {list.Keywords.Count} words.");
            output.WriteObject(list);
        }, cancellationToken).ConfigureAwait(false);
    });

    private static string Quote(IEnumerable<string> words) => string.Join(", ", words.Select(w => "'" + w + "'"));
}
