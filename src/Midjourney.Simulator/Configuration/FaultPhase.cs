namespace Midjourney.Simulator;

/// <summary>When an injected fault strikes relative to the proxy logic.</summary>
public enum FaultPhase
{
    /// <summary>Before the request reaches the proxy logic: nothing is created.</summary>
    Before,

    /// <summary>After the logic ran (a task may have been created); the response is then replaced.</summary>
    After,

    /// <summary>Each injected fault picks <see cref="Before"/> or <see cref="After"/> with equal odds (seeded).</summary>
    Random,
}
