namespace Midjourney.Simulator;

/// <summary>Midjourney speed mode of a task; it decides how long the task runs (turbo &lt; fast &lt; relax).</summary>
public enum SpeedMode
{
    /// <summary>Slowest mode (<c>/mj-relax</c>, <c>--relax</c>).</summary>
    Relax,

    /// <summary>Normal mode (<c>/mj-fast</c>, <c>--fast</c>).</summary>
    Fast,

    /// <summary>Quickest mode (<c>/mj-turbo</c>, <c>--turbo</c>).</summary>
    Turbo,
}
