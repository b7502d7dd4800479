using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Get-MjTask -Id.</summary>
internal sealed class GetTaskByIdOptions
{
    /// <summary>-Id.</summary>
    public IList<string> Ids { get; set; } = new List<string>();

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }
}

/// <summary>The input of Get-MjTask -Recent.</summary>
internal sealed class GetRecentTasksOptions
{
    /// <summary>-Recent: how many journal entries, newest first.</summary>
    public int Count { get; set; } = 10;

    /// <summary>-FromJournal: emit the journal entries without asking any server.</summary>
    public bool FromJournal { get; set; }

    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }
}

/// <summary>Get-MjTask: tasks by id (batched), or the most recent ones from the journal.</summary>
internal sealed class GetTaskOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public GetTaskOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Fetches the given ids in as few requests as possible; unknown ids are MjTaskNotFound errors.</summary>
    public Task ProcessIdsAsync(GetTaskByIdOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        var ids = options.Ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 1)
        {
            await TryItemAsync(output, ids[0], async () =>
                output.WriteObject(await connection.Client.GetTaskAsync(ids[0], cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            return;
        }

        await EmitInOrderAsync(connection, ids, output, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Reads the journal, then (without -FromJournal) fetches those tasks from their servers in batches.</summary>
    public Task ProcessRecentAsync(GetRecentTasksOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        if (options.Count < 1)
        {
            throw new MjTerminatingException(ErrorMapping.InvalidInput($"-Recent must be at least 1; {options.Count} given.", options.Count));
        }

        var connection = Connections.TryResolve(options.Connection);
        if (connection is null && !options.FromJournal)
        {
            throw Connections.ResolveFailure();
        }

        var journal = connection is null ? new MjTaskJournal(MjTaskJournal.DefaultPath) : connection.Client.Journal;
        if (journal is null)
        {
            output.WriteWarning($"The journal is off for {connection!.Uri} (Connect-MjServer -NoJournal): there are no recent tasks to list.");
            return;
        }

        output.WriteVerbose($"Reading the last {options.Count} entries of {journal.Path}.");
        var entries = await journal.ReadRecentAsync(options.Count, cancellationToken).ConfigureAwait(false);
        if (options.FromJournal)
        {
            foreach (var entry in entries)
            {
                output.WriteObject(entry);
            }

            return;
        }

        foreach (var group in GroupByServer(entries, connection!, output))
        {
            await EmitInOrderAsync(group.Key, group.Value, output, cancellationToken).ConfigureAwait(false);
        }
    });

    private Dictionary<MjConnection, List<string>> GroupByServer(IReadOnlyList<MjJournalEntry> entries, MjConnection fallback, ICommandOutput output)
    {
        var groups = new Dictionary<MjConnection, List<string>>();
        var skipped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var server = entry.Server is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
            var connection = server is null || MjSession.SameServer(server, fallback.Uri) ? fallback : Session.ForServer(server);
            if (connection is null)
            {
                skipped[entry.Server!] = skipped.TryGetValue(entry.Server!, out var n) ? n + 1 : 1;
                continue;
            }

            if (!groups.TryGetValue(connection, out var ids))
            {
                groups[connection] = ids = new List<string>();
            }

            if (!ids.Contains(entry.Id))
            {
                ids.Add(entry.Id);
            }
        }

        foreach (var pair in skipped)
        {
            output.WriteWarning($"{pair.Value} recent task(s) live on {pair.Key}, which is not connected; Connect-MjServer -Uri {pair.Key} to fetch them, or use -FromJournal.");
        }

        return groups;
    }

    private static async Task EmitInOrderAsync(MjConnection connection, IReadOnlyList<string> ids, ICommandOutput output, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        IReadOnlyList<MjTask> found = Array.Empty<MjTask>();
        var fetched = await TryItemAsync(output, connection.Uri, async () =>
            found = await connection.Client.GetTasksAsync(ids, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (!fetched)
        {
            return;
        }

        var byId = found.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var task))
            {
                output.WriteObject(task);
            }
            else
            {
                output.WriteError(ErrorMapping.FromException(
                    new MjNotFoundException($"Task {id} was not found on {connection.Uri} (it may have expired, or belong to another server or key).", id, null, null, null, null), id));
            }
        }
    }
}
