using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// The end of every submitting cmdlet, after its input was checked: ShouldProcess, submit, then emit the new
/// task(s) or, with -Wait, wait for them and emit the finished ones.
/// </summary>
internal static class SubmitFlow
{
    /// <summary>
    /// Asks ShouldProcess(<paramref name="what"/> on the server, <paramref name="action"/>), submits and emits;
    /// returns the submitted tasks (empty when -WhatIf or the user said no).
    /// </summary>
    public static async Task<IReadOnlyList<MjTask>> RunAsync(
        MjConnection connection,
        SubmitOptions options,
        string what,
        string action,
        Func<MjClient, CancellationToken, Task<IReadOnlyList<MjTask>>> submit,
        ICommandOutput output,
        CancellationToken cancellationToken)
    {
        var settings = options.WaitSettings();
        if (!await output.ShouldProcessAsync($"{what} on {connection.Uri}", action).ConfigureAwait(false))
        {
            return Array.Empty<MjTask>();
        }

        var tasks = await submit(connection.Client, cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks)
        {
            output.WriteVerbose($"Submitted task {task.Id} ({task.Action ?? "?"}, {task.Status}).");
        }

        await EmitAsync(connection, tasks, options.Wait, settings, output, cancellationToken, later: options.WaitLater).ConfigureAwait(false);
        return tasks;
    }

    /// <summary>
    /// Emits tasks as they are, or waits for them first: at once, or with <paramref name="later"/> when the command's
    /// input ends. A MODAL task gets its warning once; <paramref name="clicked"/>, the button that made the tasks, tells
    /// what it needs.
    /// </summary>
    public static async Task EmitAsync(MjConnection connection, IReadOnlyList<MjTask> tasks, bool wait, WaitSettings settings, ICommandOutput output, CancellationToken cancellationToken,
        MjButton? clicked = null, DeferredWaits? later = null)
    {
        if (!wait)
        {
            foreach (var task in tasks)
            {
                output.WriteObject(task);
                if (task.NeedsInput)
                {
                    ModalStep.Warn(connection, task, clicked, output);
                }
            }

            return;
        }

        // MODAL tasks never move by themselves: report them now instead of polling them.
        foreach (var modal in tasks.Where(t => t.NeedsInput))
        {
            output.WriteObject(modal);
            ModalStep.Warn(connection, modal, clicked, output);
        }

        var ids = tasks.Where(t => !t.NeedsInput).Select(t => t.Id).ToList();
        if (ids.Count > 0 && later is not null)
        {
            later.Add(connection, ids, settings);
        }
        else if (ids.Count > 0)
        {
            await WaitFlow.WaitAsync(new[] { new WaitGroup(connection, ids) }, settings, output, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The short text of a prompt for ShouldProcess messages.</summary>
    public static string Quote(string? text)
    {
        var oneLine = (text ?? string.Empty).Replace('\r', ' ').Replace('\n', ' ');
        return "'" + (oneLine.Length <= 60 ? oneLine : oneLine.Substring(0, 59) + "…") + "'";
    }
}
