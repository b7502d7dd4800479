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
    private readonly Dictionary<string, string> _activities = new(StringComparer.Ordinal);
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

            var activity = _activities[task.Id] = Activity(task);
            _output.WriteProgress(new MjProgress(barId, activity, Describe(task))
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
            var activity = _activities.TryGetValue(taskId, out var known) ? known : $"Task {taskId}";
            _output.WriteProgress(new MjProgress(barId, activity, "Done") { ParentActivityId = OverallId, Completed = true });
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

    /// <summary>What the bar is about: the action and the start of the prompt (the id is in the status line).</summary>
    internal static string Activity(MjTask task)
    {
        var prompt = (task.Prompt ?? string.Empty).Replace('\r', ' ').Replace('\n', ' ').Trim();
        if (prompt.Length > 40)
        {
            prompt = prompt.Substring(0, 39) + "…";
        }

        var action = task.Action ?? "Task";
        return prompt.Length == 0 ? $"{action} {task.Id}" : $"{action} '{prompt}'";
    }

    private static string Describe(MjTask task) =>
        (task.Progress is int p ? $"{task.Status} {p}%" : task.Status.ToString()) + $" (task {task.Id})";
}
