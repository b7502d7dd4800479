using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Stop-MjTask.</summary>
internal sealed class StopTaskOptions
{
    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }

    /// <summary>-PassThru: emit the task as the server has it after the cancel.</summary>
    public bool PassThru { get; set; }
}

/// <summary>
/// Stop-MjTask: cancels queued or running tasks. A task known to be finished is not sent; a server without cancel
/// (novicezk, gateways) is told apart from a refusal (TrueAI lets only its administrator cancel).
/// </summary>
internal sealed class StopTaskOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public StopTaskOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Cancels a task given as an object: when it is already finished, no request is needed.</summary>
    public Task StopAsync(MjTask task, StopTaskOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection, task.Server);
        await TryItemAsync(output, task, () => StopOneAsync(connection, task.Id, task, options, output, cancellationToken), cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Cancels a task given by id, on the server the journal says made it: one fetch first tells whether it still runs.</summary>
    public Task StopAsync(string id, StopTaskOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var trimmed = id.Trim();
        if (trimmed.Length == 0)
        {
            output.WriteError(ErrorMapping.InvalidInput("-Id is empty; give a task id (Get-MjTask -Recent lists yours).", id));
            return;
        }

        var connection = await Connections.ForTaskAsync(options.Connection, trimmed, output, cancellationToken).ConfigureAwait(false);

        await TryItemAsync(output, trimmed, () => StopOneAsync(connection, trimmed, null, options, output, cancellationToken), cancellationToken).ConfigureAwait(false);
    });

    private static async Task StopOneAsync(MjConnection connection, string id, MjTask? known, StopTaskOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        var task = known ?? await client.GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
        if (task.IsFinished)
        {
            output.WriteWarning(task.Status == MjTaskStatus.Cancelled
                ? $"Task {id} is already cancelled; there is nothing to cancel."
                : $"Task {id} is already finished ({task.Status}{(task.FailReason is { } reason ? ": " + MjServerMessages.Explain(reason) : string.Empty)}); there is nothing to cancel.");
            if (options.PassThru)
            {
                output.WriteObject(task);
            }

            return;
        }

        if (client.Capabilities.HasCancel == false)
        {
            // Known before any request (Test-MjServer or an earlier try): the same error the server's 404 would give.
            await client.CancelTaskAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var what = $"Task {id} ({task.Action ?? "task"}, {task.Status}{(task.Prompt is { Length: > 0 } p ? ", \"" + Shorten(p) + "\"" : string.Empty)}) on {connection.Uri}";
        if (!await output.ShouldProcessAsync(what, "Cancel").ConfigureAwait(false))
        {
            return;
        }

        await client.CancelTaskAsync(id, cancellationToken).ConfigureAwait(false);
        output.WriteVerbose($"Cancelled task {id} on {connection.Uri}.");
        if (options.PassThru)
        {
            output.WriteObject(await client.GetTaskAsync(id, cancellationToken).ConfigureAwait(false));
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 39) + "…";
}
