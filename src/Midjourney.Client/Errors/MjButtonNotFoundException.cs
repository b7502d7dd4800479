using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>No button of a task matches what was asked for; the message lists what the task offers.</summary>
public sealed class MjButtonNotFoundException : MjException
{
    /// <summary>Creates the exception.</summary>
    public MjButtonNotFoundException(string message, string taskId, string query, IReadOnlyList<MjButton> available)
        : base(message)
    {
        TaskId = taskId;
        Query = query;
        Available = available;
    }

    /// <summary>The task that was searched.</summary>
    public string TaskId { get; }

    /// <summary>What was asked for.</summary>
    public string Query { get; }

    /// <summary>The buttons the task offers (or the several that matched, when the query was ambiguous).</summary>
    public IReadOnlyList<MjButton> Available { get; }
}
