using System.Collections.Generic;

namespace Midjourney.Simulator;

/// <summary>Counters of a simulator instance (the JSON of <c>GET /sim/stats</c>).</summary>
public sealed class SimulatorStats
{
    /// <summary>CLI name of the flavour.</summary>
    public string Flavor { get; set; } = "";

    /// <summary>Seconds since start (not reset by <c>/sim/reset</c>).</summary>
    public double UptimeSeconds { get; set; }

    /// <summary>Requests per normalised route pattern, e.g. <c>/mj/task/{id}/fetch</c>; unmatched paths count as <c>(unmatched)</c>.</summary>
    public Dictionary<string, long> Requests { get; set; } = new();

    /// <summary>Sum of <see cref="Requests"/>.</summary>
    public long TotalRequests { get; set; }

    /// <summary>Submit answers that accepted work (codes 1, 21, 22 and value answers).</summary>
    public long SubmitsAccepted { get; set; }

    /// <summary>Tasks created (including MODAL tasks and evicted ones).</summary>
    public long TasksCreated { get; set; }

    /// <summary>Injected faults per kind: <c>serverError</c>, <c>tooManyRequests</c>, <c>reset</c>, <c>latency</c>, <c>malformedJson</c>.</summary>
    public Dictionary<string, long> Faults { get; set; } = new();

    /// <summary>Concurrency slots.</summary>
    public int Slots { get; set; }

    /// <summary>Sum over tasks of the (scaled, real) time they held a slot so far, in seconds. Utilisation = delta / (slots × elapsed).</summary>
    public double BusySlotSeconds { get; set; }

    /// <summary>Tasks currently stored (bounded by MaxTasks).</summary>
    public int TasksStored { get; set; }

    /// <summary>Tasks waiting for a slot right now.</summary>
    public int TasksWaiting { get; set; }

    /// <summary>The configured time scale.</summary>
    public double TimeScale { get; set; }
}
