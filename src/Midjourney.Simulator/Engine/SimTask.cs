using System.Collections.Generic;
using System.Threading;
using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Engine;

/// <summary>One stored task. Identity and result description are fixed; the timeline lives in <see cref="Schedule"/>.</summary>
internal sealed class SimTask
{
    private TaskSchedule _schedule = TaskSchedule.Modal;
    private PromptInfo _info = null!;
    private string? _imageSeed;
    private bool _seedRead;

    public required string Id { get; init; }
    public required long Sequence { get; init; }
    public required string Action { get; init; }
    public required long SubmitTime { get; init; }

    /// <summary>TA's <c>nonce</c>: the snowflake id the proxy sends Discord with the job.</summary>
    public required string Nonce { get; init; }

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

    /// <summary>The account whose slot the task holds (null while MODAL); a cancel frees it there.</summary>
    public SimAccount? Account { get; set; }

    /// <summary>Banned word that will make the task fail later (TA v10+ behaviour).</summary>
    public string? BannedWord { get; set; }

    // Changed by /submit/modal before the new schedule is published.
    public required string Prompt { get; set; }
    public required string PromptEn { get; set; }
    public required string FinalPrompt { get; set; }

    public required PromptInfo Info
    {
        get => _info;
        set
        {
            _info = value;
            _imageSeed = null;
        }
    }

    /// <summary>
    /// TA's <c>EnableDiscordAppendSeed</c> (on by default): an imagine, blend or video whose prompt has no <c>--seed</c> gets
    /// a random one appended when it starts, so its seed is known (and in the task JSON) without asking Discord.
    /// </summary>
    public bool AppendsSeed { get; init; }

    /// <summary>Set once image-seed has read the seed, which TA then keeps in the task.</summary>
    public bool SeedRead
    {
        get => Volatile.Read(ref _seedRead);
        set => Volatile.Write(ref _seedRead, value);
    }

    /// <summary>Text results of describe/shorten (the suggestions), else null.</summary>
    public string? ResultText { get; init; }

    public TaskSchedule Schedule
    {
        get => Volatile.Read(ref _schedule);
        set => Volatile.Write(ref _schedule, value);
    }

    public TaskState StateAt(long now) => TaskState.Observe(Schedule, now);

    /// <summary>The seed string answered by <c>image-seed</c>: the prompt's <c>--seed</c>, else one from the task's own seed.</summary>
    public string ImageSeed => _imageSeed ??= (Info.Parameters.Seed is long chosen ? (ulong)chosen : Seed % 4_294_967_295UL).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The seed TA shows in this state (<c>seed</c> of the task JSON), or null while it is unknown.</summary>
    public string? KnownSeed(TaskState state) =>
        SeedRead || (AppendsSeed && state.Status is not (TaskStatuses.NotStart or TaskStatuses.Modal)) ? ImageSeed : null;
}
