using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Engine;

/// <summary>What an endpoint asks the engine to create.</summary>
internal sealed record TaskDraft
{
    public required string Action { get; init; }
    public required string Prompt { get; init; }
    public required string Description { get; init; }
    public required ResultKind Result { get; init; }
    public required SpeedMode Mode { get; init; }
    public string? PromptEn { get; init; }
    public string? State { get; init; }
    public string? NotifyHook { get; init; }
    public string? ParentId { get; init; }
    public ModalKind Modal { get; init; }

    /// <summary>Overrides the prompt-derived finalPrompt (e.g. the suggested prompt of a modal).</summary>
    public string? FinalPrompt { get; init; }

    public string? SourceImageUrl { get; init; }
    public int VideoCount { get; init; } = 4;
    public int ActionIndex { get; init; }

    /// <summary>Aspect ratio to use instead of the prompt's <c>--ar</c> (blend dimensions, children of a parent).</summary>
    public double? AspectRatio { get; init; }

    /// <summary>Upscales draw the parent's tile: the parent's art seed and tile index.</summary>
    public (ulong Seed, int Tile)? InheritedArt { get; init; }

    /// <summary>Banned word found by a flavour that accepts the task and fails it later.</summary>
    public string? BannedWord { get; init; }
}
