using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

public sealed partial class MjClient
{
    /// <summary>
    /// Waits for many tasks at once and yields each as soon as it ends: Success, Failure, Cancelled, Modal
    /// ("needs input", never a hang), not found, or timed out at the deadline. Every id yields exactly one result.
    /// </summary>
    public IAsyncEnumerable<MjWaitResult> WaitAllAsync(IEnumerable<string> taskIds, MjWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var queue = new MjWaitQueue();
        foreach (var id in taskIds ?? throw new ArgumentNullException(nameof(taskIds)))
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                queue.Add(id);
            }
        }

        queue.Complete();
        return _waiter.WaitAsync(queue, options ?? new MjWaitOptions(), cancellationToken);
    }

    /// <summary>
    /// Waits for tasks whose ids arrive while waiting (submit and wait at once): every id added to
    /// <paramref name="queue"/> yields exactly one result; the wait ends when the queue is complete and empty.
    /// </summary>
    public IAsyncEnumerable<MjWaitResult> WaitAllAsync(MjWaitQueue queue, MjWaitOptions? options = null, CancellationToken cancellationToken = default) =>
        _waiter.WaitAsync(queue ?? throw new ArgumentNullException(nameof(queue)), options ?? new MjWaitOptions(), cancellationToken);

    /// <summary>
    /// Waits for one task and returns it when it ends (Success, Failure, Cancelled, or Modal: check
    /// <see cref="MjTask.NeedsInput"/>). Throws <see cref="MjWaitTimeoutException"/> or <see cref="MjNotFoundException"/>.
    /// </summary>
    public async Task<MjTask> WaitAsync(string taskId, MjWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateId(taskId, nameof(taskId));
        await foreach (var result in WaitAllAsync(new[] { taskId }, options, cancellationToken).ConfigureAwait(false))
        {
            if (result.Error is not null)
            {
                throw result.Error;
            }

            return result.Task!;
        }

        throw new InvalidOperationException("A wait ended without a result."); // unreachable: every id yields one result
    }
}
