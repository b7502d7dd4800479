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
        var ids = taskIds?.Where(id => !string.IsNullOrWhiteSpace(id)).ToList() ?? throw new ArgumentNullException(nameof(taskIds));
        return _waiter.WaitAsync(ids, options ?? new MjWaitOptions(), cancellationToken);
    }

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
