using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The settings of Wait-MjTask.</summary>
internal sealed class WaitTaskOptions
{
    /// <summary>-Connection (for ids, and tasks whose server has no registered connection).</summary>
    public MjConnection? Connection { get; set; }

    /// <summary>-Timeout in seconds; null or 0 = no limit.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>-PollInterval (the shortest interval).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>-Show: draw each task's image in the terminal as it finishes (null: do not).</summary>
    public ShowImageOptions? Show { get; set; }
}

/// <summary>
/// Wait-MjTask: collects every input (tasks and ids), then waits for all at once, each on its own server, and
/// emits each task as it ends.
/// </summary>
internal sealed class WaitTaskOperation : MjOperation
{
    private readonly List<(string Id, Uri? Server)> _inputs = new();

    /// <summary>Creates the operation.</summary>
    public WaitTaskOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>How many inputs were collected.</summary>
    public int Count => _inputs.Count;

    /// <summary>Collects a task (from the pipeline); it is waited for on its own server.</summary>
    public void Add(MjTask task)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        _inputs.Add((task.Id, task.Server));
    }

    /// <summary>Collects a task id.</summary>
    public void Add(string id)
    {
        if (!string.IsNullOrWhiteSpace(id))
        {
            _inputs.Add((id.Trim(), null));
        }
    }

    /// <summary>Waits for everything collected.</summary>
    public Task EndAsync(WaitTaskOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        WaitSettings settings;
        try
        {
            settings = WaitSettings.From(options.TimeoutSeconds, options.PollInterval);
        }
        catch (InvalidInputException e)
        {
            throw new MjTerminatingException(ErrorMapping.FromException(e, e.Target));
        }

        if (_inputs.Count == 0)
        {
            return;
        }

        // A bare id waits on the server the journal says made it, as a task object waits on its own.
        var bareIds = _inputs.Where(i => i.Server is null).Select(i => i.Id).Distinct(StringComparer.Ordinal).ToList();
        var byJournal = bareIds.Count == 0 ? new Dictionary<string, MjConnection>(StringComparer.Ordinal)
            : (await Connections.ForTasksAsync(options.Connection, bareIds, output, cancellationToken).ConfigureAwait(false))
                .SelectMany(g => g.Ids.Select(id => (id, g.Connection))).ToDictionary(p => p.id, p => p.Connection, StringComparer.Ordinal);
        var groups = new List<(MjConnection Connection, List<string> Ids)>();
        foreach (var (id, server) in _inputs)
        {
            var connection = server is null ? byJournal[id] : Connections.Resolve(options.Connection, server);
            var group = groups.FirstOrDefault(g => g.Connection == connection);
            if (group.Connection is null)
            {
                group = (connection, new List<string>());
                groups.Add(group);
            }

            if (!group.Ids.Contains(id))
            {
                group.Ids.Add(id);
            }
        }

        output.WriteVerbose($"Waiting for {groups.Sum(g => g.Ids.Count)} task(s) on {groups.Count} server(s).");
        var showing = options.Show is null ? null : new ShowingOutput(output, new ShowImageOperation(Session), options.Show, cancellationToken);
        await WaitFlow.WaitAsync(groups.Select(g => new WaitGroup(g.Connection, g.Ids)).ToList(), settings, (ICommandOutput?)showing ?? output, cancellationToken).ConfigureAwait(false);
        if (showing is not null)
        {
            await showing.CompleteAsync().ConfigureAwait(false);
        }
    });
}
