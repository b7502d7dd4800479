using System.Collections.Generic;

namespace Midjourney.Bench;

/// <summary>Every figure of one run (ours or the baseline).</summary>
public sealed record ScenarioResult
{
    public required string Name { get; init; }
    public required int Prompts { get; init; }
    public required int TasksSubmitted { get; init; }
    public required IReadOnlyDictionary<string, int> SubmitErrors { get; init; }
    public required int SubmitErrorCount { get; init; }
    public required int Succeeded { get; init; }
    public required int Failed { get; init; }
    public required int PromptsCompleted { get; init; }
    public required int Lost { get; init; }
    public required long Duplicated { get; init; }
    public required long TasksCreated { get; init; }
    public required RequestSplit Requests { get; init; }
    public required long ServerRequests { get; init; }
    public required IReadOnlyDictionary<string, long> Faults { get; init; }
    public required int CompletionsAt10 { get; init; }
    public required double WallSeconds { get; init; }
    public required double SlotUtilisation { get; init; }
    /// <summary>Detection latency at real speed (wall milliseconds ÷ time scale), seconds.</summary>
    public required double LatencyP50 { get; init; }
    public required double LatencyP95 { get; init; }
    public required string PollInterval { get; init; }
    public required double CpuSeconds { get; init; }
    public required bool CpuIncludesSimulator { get; init; }
    public required long PeakHeapBytes { get; init; }
    public required long AllocatedBytes { get; init; }
    public required int WaitErrors { get; init; }
    public required bool DeadlineHit { get; init; }
}
