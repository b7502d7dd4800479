using System;
using System.Collections.Generic;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>One overall progress bar and one child bar per task, for a batch wait. Thread-safe.</summary>
internal sealed class WaitProgress
{
    /// <summary>The overall bar's id.</summary>
    public const int OverallId = 1;

    private const string OverallActivity = "Waiting for Midjourney tasks";

    private readonly object _gate = new();
    private readonly ICommandOutput _output;
    private readonly Dictionary<string, int> _barIds = new(StringComparer.Ordinal);
    private readonly int _total;
    private int _ended;

    /// <summary>Creates the bars for <paramref name="taskIds"/>.</summary>
    public WaitProgress(ICommandOutput output, IEnumerable<string> taskIds)
    {
        _output = output;
        foreach (var id in taskIds)
        {
            if (!_barIds.ContainsKey(id))
            {
                _barIds[id] = OverallId + 1 + _barIds.Count;
            }
        }

        _total = _barIds.Count;
    }

    /// <summary>A task changed (status or progress).</summary>
    public void Changed(MjTask task)
    {
        lock (_gate)
        {
            if (!_barIds.TryGetValue(task.Id, out var barId))
            {
                return;
            }

            _output.WriteProgress(new MjProgress(barId, $"Task {task.Id} ({task.Action ?? "?"})", Describe(task))
            {
                ParentActivityId = OverallId,
                PercentComplete = task.Progress is int p ? Math.Max(0, Math.Min(100, p)) : -1,
            });
        }
    }

    /// <summary>A task's wait ended (whatever the outcome).</summary>
    public void Ended(string taskId)
    {
        lock (_gate)
        {
            if (!_barIds.TryGetValue(taskId, out var barId))
            {
                return;
            }

            _ended++;
            _output.WriteProgress(new MjProgress(barId, $"Task {taskId}", "Done") { ParentActivityId = OverallId, Completed = true });
            _output.WriteProgress(new MjProgress(OverallId, OverallActivity, $"{_ended} of {_total} ended")
            {
                PercentComplete = _total == 0 ? 100 : _ended * 100 / _total,
            });
        }
    }

    /// <summary>Removes the overall bar.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _output.WriteProgress(new MjProgress(OverallId, OverallActivity, $"{_ended} of {_total} ended") { Completed = true });
        }
    }

    private static string Describe(MjTask task) =>
        task.Progress is int p ? $"{task.Status} {p}%" : task.Status.ToString();
}
