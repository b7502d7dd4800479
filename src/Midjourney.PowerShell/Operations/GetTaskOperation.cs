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

    /// <summary>-Seed: fill each finished task's Seed (<c>/image-seed</c>, up to a minute each on TrueAI).</summary>
    public bool Seed { get; set; }
}

/// <summary>The input of Get-MjTask -Status/-Action/-Prompt/-Limit: the server's tasks, filtered.</summary>
internal sealed class QueryTasksOptions
{
    /// <summary>What to look for.</summary>
    public MjTaskQuery Query { get; set; } = new();

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

    /// <summary>
    /// Fetches the given ids in as few requests as possible, each from the server the journal says made it (else the
    /// default); unknown ids are MjTaskNotFound errors.
    /// </summary>
    public Task ProcessIdsAsync(GetTaskByIdOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var ids = options.Ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (connection, group) in await Connections.ForTasksAsync(options.Connection, ids, output, cancellationToken).ConfigureAwait(false))
        {
            if (group.Count == 1)
            {
                MjTask? one = null;
                if (await TryItemAsync(output, group[0], async () => one = await connection.Client.GetTaskAsync(group[0], cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
                {
                    await EmitAsync(connection, one!, options.Seed, output, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            await EmitInOrderAsync(connection, group, output, cancellationToken, options.Seed).ConfigureAwait(false);
        }
    });

    /// <summary>The server's tasks that match the query, newest first; says on the verbose stream where they were filtered.</summary>
    public Task ProcessQueryAsync(QueryTasksOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        var client = connection.Client;
        output.WriteVerbose($"Looking for {options.Query} on {connection.Uri}.");
        var tasks = await client.ListTasksAsync(options.Query, cancellationToken).ConfigureAwait(false);
        output.WriteVerbose(client.Capabilities.HasTaskQuery == true
            ? $"{tasks.Count} task(s): the server filtered them (POST /mj/task/query); the prompt pattern was checked here."
            : client.Capabilities.HasList != false
                ? $"{tasks.Count} task(s): the server's task list (GET /mj/task/list), filtered here."
                : $"{tasks.Count} task(s): {connection.Uri} has no task list, so the latest {MjClient.JournalLookback} tasks of the journal on it were fetched and filtered here.");
        foreach (var task in tasks)
        {
            output.WriteObject(task);
        }
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

    /// <summary>Emits the task; with -Seed a finished one gets its seed first, an unfinished one a warning.</summary>
    private static async Task EmitAsync(MjConnection connection, MjTask task, bool seed, ICommandOutput output, CancellationToken cancellationToken)
    {
        if (!seed)
        {
            output.WriteObject(task);
            return;
        }

        if (task.Status != MjTaskStatus.Success)
        {
            output.WriteWarning($"Task {task.Id} is {task.Status}: only a finished image (Success) has a seed, so its Seed stays empty.");
            output.WriteObject(task);
            return;
        }

        output.WriteVerbose($"Asking {connection.Uri} for the seed of task {task.Id} (TrueAI can take up to a minute).");
        await TryItemAsync(output, task, async () =>
            output.WriteObject(await connection.Client.WithSeedAsync(task, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
    }

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

    private static async Task EmitInOrderAsync(MjConnection connection, IReadOnlyList<string> ids, ICommandOutput output, CancellationToken cancellationToken, bool seed = false)
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
                await EmitAsync(connection, task, seed, output, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                output.WriteError(ErrorMapping.FromException(
                    new MjNotFoundException($"Task {id} was not found on {connection.Uri} (it may have expired, or belong to another server or key).", id, null, null, null, null), id));
            }
        }
    }
}
