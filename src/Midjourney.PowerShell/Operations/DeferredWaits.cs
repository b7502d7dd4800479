using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// The tasks one command submitted with -Wait. Every input (each pipeline record, each {a, b} permutation) is
/// submitted first; the command then waits for all of them together when its input ends, exactly as piping to
/// Wait-MjTask does, instead of waiting for each before submitting the next. Thread-safe.
/// </summary>
internal sealed class DeferredWaits
{
    private readonly object _gate = new();
    private readonly List<(MjConnection Connection, List<string> Ids)> _groups = new();
    private WaitSettings? _settings;

    /// <summary>How many tasks wait to be waited for.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _groups.Sum(g => g.Ids.Count);
            }
        }
    }

    /// <summary>Keeps <paramref name="ids"/> of <paramref name="connection"/> for the wait at the end (the first settings given are used).</summary>
    public void Add(MjConnection connection, IEnumerable<string> ids, WaitSettings settings)
    {
        lock (_gate)
        {
            _settings ??= settings;
            var group = _groups.FirstOrDefault(g => g.Connection == connection);
            if (group.Connection is null)
            {
                group = (connection, new List<string>());
                _groups.Add(group);
            }

            group.Ids.AddRange(ids.Where(id => !group.Ids.Contains(id)));
        }
    }

    /// <summary>Waits for every task kept, each on its own server, and emits each as it ends (see <see cref="WaitFlow"/>).</summary>
    public async Task WaitAsync(ICommandOutput output, CancellationToken cancellationToken)
    {
        List<WaitGroup> groups;
        WaitSettings settings;
        lock (_gate)
        {
            groups = _groups.Select(g => new WaitGroup(g.Connection, g.Ids.ToList())).ToList();
            settings = _settings ?? new WaitSettings();
            _groups.Clear();
        }

        if (groups.Count == 0)
        {
            return;
        }

        using (TraceRouter.Attach(output))
        {
            output.WriteVerbose($"Waiting for the {groups.Sum(g => g.TaskIds.Count)} task(s) submitted, on {groups.Count} server(s).");
            await WaitFlow.WaitAsync(groups, settings, output, cancellationToken).ConfigureAwait(false);
        }
    }
}
