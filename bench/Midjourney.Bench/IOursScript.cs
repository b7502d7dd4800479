using System;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Bench;

/// <summary>A script shape run through our client (the streamed pipeline, or per-prompt waits).</summary>
public interface IOursScript
{
    /// <summary>The shape's name in the table.</summary>
    string Shape { get; }

    TraceCounter Trace { get; }

    RequestCounter? Wire { get; }

    /// <summary>Waits that threw (the server stayed unreachable for MaxFailedPolls polls).</summary>
    int WaitErrors { get; }

    Task RunAsync(Uri server, string journalFolder, CancellationToken deadline);
}
