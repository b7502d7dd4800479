namespace Midjourney.Simulator.Http;

/// <summary>What the injector chose for one request.</summary>
internal readonly record struct FaultDecision(FaultKind Kind, bool AddLatency, bool AfterLogic);
