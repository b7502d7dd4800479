using System.Collections.Generic;
using System.Threading;
using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Engine;

/// <summary>One stored task. Identity and result description are fixed; the timeline lives in <see cref="Schedule"/>.</summary>
internal sealed class SimTask
{
    private TaskSchedule _schedule = TaskSchedule.Modal;

    public required string Id { get; init; }
    public required long Sequence { get; init; }
    public required string Action { get; init; }
    public required long SubmitTime { get; init; }

    /// <summary>Midjourney job UUID of this task's message (<c>properties.messageHash</c>, buttons' <c>{hash}</c>).</summary>
    public required string JobHash { get; init; }

    /// <summary>Seed of the task's own pictures, durations and texts.</summary>
    public required ulong Seed { get; init; }

    public required ResultKind Result { get; init; }
    public required SpeedMode Mode { get; init; }
    public required string Description { get; init; }
    /// <summary>Shared button template (hash placeholder); see <see cref="ButtonTemplates"/>.</summary>
    public required Button[] ButtonTemplate { get; init; }

    /// <summary>The task's real buttons (allocates).</summary>
    public IReadOnlyList<Button> Buttons => ButtonTemplates.Expand(ButtonTemplate, JobHash);
    public required int Width { get; init; }
    public required int Height { get; init; }

    /// <summary>Seed of the picture to draw; for an upscale the parent's, so the upscale matches its tile.</summary>
    public required ulong ArtSeed { get; init; }

    /// <summary>Tile of the art seed for an upscale (0–3), or -1 for a full grid.</summary>
    public required int ArtTile { get; init; }

    public string? ParentId { get; init; }
    public string? State { get; init; }
    public string? NotifyHook { get; init; }
    public ModalKind ModalKind { get; init; }
    public string? SourceImageUrl { get; init; }
    public int VideoCount { get; init; }
    public int ActionIndex { get; init; }

    /// <summary>Banned word that will make the task fail later (TA v10+ behaviour).</summary>
    public string? BannedWord { get; set; }

    // Changed by /submit/modal before the new schedule is published.
    public required string Prompt { get; set; }
    public required string PromptEn { get; set; }
    public required string FinalPrompt { get; set; }
    public required PromptInfo Info { get; set; }

    /// <summary>Text results of describe/shorten (the suggestions), else null.</summary>
    public string? ResultText { get; init; }

    public TaskSchedule Schedule
    {
        get => Volatile.Read(ref _schedule);
        set => Volatile.Write(ref _schedule, value);
    }

    public TaskState StateAt(long now) => TaskState.Observe(Schedule, now);

    /// <summary>The seed string answered by <c>image-seed</c>.</summary>
    public string ImageSeed => (Seed % 4_294_967_295UL).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
