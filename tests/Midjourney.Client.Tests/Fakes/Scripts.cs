namespace Midjourney.Client.Tests.Fakes;

/// <summary>
/// Script shapes run on a <see cref="QuietClock"/>: each counts its finished prompts, so the clock can tell when every
/// prompt is either done or blocked inside the client (waiting its turn to submit, or waiting on the poller).
/// </summary>
public sealed class Scripts(MjClient client, int prompts)
{
    private int _done;

    public int Done => Volatile.Read(ref _done);

    /// <summary>True when nothing can happen until time passes: no submit on the wire, the poller asleep, every prompt done or blocked.</summary>
    public bool Quiet() =>
        client.Admission.OnWire == 0
        && client.Waiter.IsQuiet(out var blockedWaits)
        && client.Admission.Waiting + blockedWaits + Done == prompts;

    /// <summary>One prompt the way most C# users write it: submit, then wait for that task alone.</summary>
    public async Task<MjTask> SubmitAndWaitAsync(int i, MjWaitOptions wait, CancellationToken cancellationToken = default)
    {
        try
        {
            var task = await client.ImagineAsync(new MjImagineRequest($"prompt {i}"), cancellationToken);
            return await client.WaitAsync(task.Id, wait, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _done);
        }
    }

    /// <summary>One wait on an existing id.</summary>
    public async Task<MjTask> WaitAsync(string id, MjWaitOptions wait, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.WaitAsync(id, wait, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _done);
        }
    }
}
