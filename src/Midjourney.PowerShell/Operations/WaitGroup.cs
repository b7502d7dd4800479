using System;
using System.Collections.Generic;

namespace Midjourney.PowerShell.Operations;

/// <summary>Task ids that live on one server, waited for together.</summary>
internal sealed class WaitGroup
{
    /// <summary>Creates a group.</summary>
    public WaitGroup(MjConnection connection, IReadOnlyList<string> taskIds)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        TaskIds = taskIds ?? throw new ArgumentNullException(nameof(taskIds));
    }

    /// <summary>The server's connection.</summary>
    public MjConnection Connection { get; }

    /// <summary>The ids, in input order.</summary>
    public IReadOnlyList<string> TaskIds { get; }
}
