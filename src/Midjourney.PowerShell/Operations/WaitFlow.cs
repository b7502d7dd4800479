using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// Waits for tasks on one or more servers at once and reports each as it ends: finished tasks are emitted; failed
/// ones are emitted and written as MjTaskFailed; cancelled ones are emitted with a warning (a cancel is asked for, not
/// a failure); MODAL ones are emitted with a warning naming Submit-MjModal (once per task);
/// timeouts and missing tasks are non-terminating errors.
/// </summary>
internal static class WaitFlow
{
    /// <summary>Waits for every group concurrently, emitting through <paramref name="output"/>.</summary>
    public static async Task WaitAsync(IReadOnlyList<WaitGroup> groups, WaitSettings settings, ICommandOutput output, CancellationToken cancellationToken)
    {
        var progress = new WaitProgress(output, groups.SelectMany(g => g.TaskIds));
        try
        {
            await Task.WhenAll(groups.Select(g => WaitGroupAsync(g, settings, progress, output, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <summary>Reports one ended wait of a task on <paramref name="connection"/>.</summary>
    public static void Report(MjWaitResult result, MjConnection connection, ICommandOutput output)
    {
        switch (result.Outcome)
        {
            case MjWaitOutcome.Finished when result.Task is { } task:
                output.WriteObject(task);
                if (task.Status == MjTaskStatus.Failure)
                {
                    output.WriteError(ErrorMapping.FromException(new TaskFailedException(task), task));
                }
                else if (task.Status == MjTaskStatus.Cancelled)
                {
                    // Someone asked for it (Stop-MjTask, the server's administrator): not a failure to report as an error.
                    output.WriteWarning($"Task {task.Id} was cancelled (Stop-MjTask, or the server's administrator); it made no image. Submit it again if you still want it.");
                }

                break;
            case MjWaitOutcome.NeedsInput when result.Task is { } modal:
                output.WriteObject(modal);
                ModalStep.Warn(connection, modal, null, output);
                break;
            default:
                output.WriteError(ErrorMapping.FromException(
                    result.Error ?? new MjException($"The wait for task {result.TaskId} ended without a result."), result.TaskId));
                break;
        }
    }

    private static async Task WaitGroupAsync(WaitGroup group, WaitSettings settings, WaitProgress progress, ICommandOutput output, CancellationToken cancellationToken)
    {
        var options = new MjWaitOptions
        {
            Timeout = settings.Timeout,
            MinPollInterval = settings.PollInterval,
            MaxPollInterval = TimeSpan.FromTicks(settings.PollInterval.Ticks * 5),
            Progress = new DirectProgress(progress.Changed),
        };
        var pending = new HashSet<string>(group.TaskIds, StringComparer.Ordinal);
        try
        {
            await foreach (var result in group.Connection.Client.WaitAllAsync(group.TaskIds, options, cancellationToken).ConfigureAwait(false))
            {
                pending.Remove(result.TaskId);
                progress.Ended(result.TaskId);
                Report(result, group.Connection, output);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && ErrorMapping.IsExpected(e))
        {
            // The server stopped answering (or refused the key): every task not yet reported gets the error.
            foreach (var id in pending)
            {
                progress.Ended(id);
                output.WriteError(ErrorMapping.FromException(e, id));
            }
        }
    }

    /// <summary>Calls back on the reporting thread (<see cref="Progress{T}"/> would post to a context).</summary>
    private sealed class DirectProgress : IProgress<MjTask>
    {
        private readonly Action<MjTask> _report;

        public DirectProgress(Action<MjTask> report) => _report = report;

        public void Report(MjTask value) => _report(value);
    }
}
