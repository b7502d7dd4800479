using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Client;

/// <summary>
/// One Midjourney job, the same shape for every server flavour: the proxy task (reference §4.1)
/// and the <c>TASK_STATUS_*</c> body (§5) both become this.
/// </summary>
public sealed class MjTask
{
    private static readonly IReadOnlyList<string> NoUrls = Array.Empty<string>();
    private static readonly IReadOnlyList<MjButton> NoButtons = Array.Empty<MjButton>();
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    /// <summary>Creates a task with the given id.</summary>
    public MjTask(string id) => Id = id ?? throw new ArgumentNullException(nameof(id));

    /// <summary>The task id; always a string (ids exceed 2^53).</summary>
    public string Id { get; }

    /// <summary>What the task does, as the server names it (<c>IMAGINE</c>, <c>UPSCALE</c>, <c>VARIATION</c>, ...).</summary>
    public string? Action { get; init; }

    /// <summary>The normalised status.</summary>
    public MjTaskStatus Status { get; init; }

    /// <summary>The status text exactly as the server sent it.</summary>
    public string? RawStatus { get; init; }

    /// <summary>Progress 0–100, or null when the server has not said.</summary>
    public int? Progress { get; init; }

    /// <summary>The prompt as submitted (describe: the suggestions).</summary>
    public string? Prompt { get; init; }

    /// <summary>The translated or effective prompt.</summary>
    public string? PromptEn { get; init; }

    /// <summary>The server's description (<c>/imagine ...</c>, <c>/up &lt;id&gt; U1</c>, queue notes).</summary>
    public string? Description { get; init; }

    /// <summary>The caller's <c>state</c> echoed back.</summary>
    public string? State { get; init; }

    /// <summary>When the task was submitted.</summary>
    public DateTimeOffset? SubmitTime { get; init; }

    /// <summary>When rendering started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the task finished.</summary>
    public DateTimeOffset? FinishTime { get; init; }

    /// <summary>Why the task failed, in the server's words.</summary>
    public string? FailReason { get; init; }

    /// <summary>The main image: the grid, the upscale, or a preview while in progress.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Separate images where the server gives them (the four tiles of a grid, <c>images[]</c>).</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = NoUrls;

    /// <summary>The main video, if any.</summary>
    public string? VideoUrl { get; init; }

    /// <summary>Every video URL, if any.</summary>
    public IReadOnlyList<string> VideoUrls { get; init; } = NoUrls;

    /// <summary>The server's <c>properties</c> (finalPrompt, messageHash, ...): strings, numbers, booleans; nested values as JSON text.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; init; } = NoProperties;

    /// <summary>The buttons offered on this task. Synthetic U/V/🔄 buttons where the server sends none.</summary>
    public IReadOnlyList<MjButton> Buttons { get; init; } = NoButtons;

    /// <summary>The parent task id, where known (the server's <c>parentId</c>, or the task the client clicked).</summary>
    public string? ParentId { get; init; }

    /// <summary>Tasks ahead in the queue, from a submit answered with code 22.</summary>
    public int? QueuePosition { get; init; }

    /// <summary>The server this task lives on (scheme, host, port and base path; never credentials).</summary>
    public Uri? Server { get; init; }

    /// <summary>The main image's width in pixels: from the server where it says, else from the image's header (<see cref="MjClient.WithImageSizeAsync"/>).</summary>
    public int? Width { get; internal set; }

    /// <summary>The main image's height in pixels: from the server where it says, else from the image's header.</summary>
    public int? Height { get; internal set; }

    /// <summary>
    /// The task exactly as the server sent it, when its text had to be made safe to show (control characters and escape
    /// sequences removed from the prompt, fail reason, labels...; see <see cref="MjText"/>); null when nothing was removed.
    /// For scripts that need the server's bytes: <c>if ($task.Raw) { $task.Raw.FailReason }</c>.
    /// </summary>
    public MjTask? Raw { get; internal init; }

    /// <summary>
    /// The Midjourney seed of the finished image: as the server keeps it in the task (TrueAI 11's <c>seed</c>), or as
    /// <see cref="MjClient.WithSeedAsync"/> asked for it (<c>/image-seed</c>); else null.
    /// </summary>
    public string? Seed { get; internal set; }

    /// <summary>A small preview of the main image, where the server gives one (TrueAI's <c>thumbnailUrl</c>).</summary>
    public string? ThumbnailUrl { get; init; }

    /// <summary>The server's Midjourney account (instance) that ran the task, where it says (TrueAI's <c>instanceId</c>).</summary>
    public string? InstanceId { get; init; }

    /// <summary>How long the task ran, from its start to its finish (TrueAI's <c>useTime</c>); null until both are known.</summary>
    public TimeSpan? Duration => StartTime is { } start && FinishTime is { } finish && finish >= start ? finish - start : null;

    /// <summary>Returns a copy of this task with its seed.</summary>
    internal MjTask WithSeed(string seed)
    {
        var copy = Copy(Buttons, ParentId, Server);
        copy.Seed = seed;
        return copy;
    }

    /// <summary>Returns a copy of this task with the main image's size.</summary>
    internal MjTask WithSize(int width, int height)
    {
        var copy = Copy(Buttons, ParentId, Server);
        copy.Width = width;
        copy.Height = height;
        return copy;
    }

    /// <summary>True when the task will not change any more (Success, Failure, Cancelled).</summary>
    public bool IsFinished => Status.IsFinished();

    /// <summary>True when the task waits for <c>/mj/submit/modal</c>.</summary>
    public bool NeedsInput => Status == MjTaskStatus.Modal;

    /// <summary>The task id, under the name PowerShell binds by property name.</summary>
    public string TaskId => Id;

    /// <summary>
    /// The suggested prompts of a finished describe (four) or shorten (the shortened ones), read from
    /// <c>properties.finalPrompt</c> without their 1️⃣–4️⃣; empty for every other task.
    /// </summary>
    public IReadOnlyList<string> Prompts => SuggestedPrompts.Of(this);

    /// <summary>The Midjourney parameters of its prompt (the server's finalPrompt where it gives one), read once when first asked.</summary>
    public MjPromptParameters Parameters => _parameters ??= MjPromptParser.Parse(
        Properties.TryGetValue("finalPrompt", out var final) && final is string text && text.Length > 0 ? text : Prompt).Parameters;

    private MjPromptParameters? _parameters;

    /// <summary>Returns a copy of this task with different buttons.</summary>
    internal MjTask WithButtons(IReadOnlyList<MjButton> buttons) => Copy(buttons.Select(b => b.WithServer(Server)).ToList(), ParentId, Server);

    /// <summary>Returns a copy of this task with the server and parent filled in.</summary>
    internal MjTask WithOrigin(Uri? server, string? parentId)
    {
        var origin = server ?? Server;
        var buttons = Buttons.Count == 0 ? Buttons : Buttons.Select(b => b.WithServer(origin)).ToList();
        return Copy(buttons, ParentId ?? parentId, origin);
    }

    private MjTask Copy(IReadOnlyList<MjButton> buttons, string? parentId, Uri? server) => new(Id)
    {
        Action = Action,
        Status = Status,
        RawStatus = RawStatus,
        Progress = Progress,
        Prompt = Prompt,
        PromptEn = PromptEn,
        Description = Description,
        State = State,
        SubmitTime = SubmitTime,
        StartTime = StartTime,
        FinishTime = FinishTime,
        FailReason = FailReason,
        ImageUrl = ImageUrl,
        ImageUrls = ImageUrls,
        ThumbnailUrl = ThumbnailUrl,
        InstanceId = InstanceId,
        VideoUrl = VideoUrl,
        VideoUrls = VideoUrls,
        Properties = Properties,
        Buttons = buttons,
        ParentId = parentId,
        QueuePosition = QueuePosition,
        Server = server,
        Width = Width,
        Height = Height,
        Seed = Seed,
        Raw = Raw,
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var progress = Progress is int p ? $" {p}%" : string.Empty;
        return MjText.CleanLine($"{Id} {Action ?? "?"} {Status}{progress}")!; // shown for Raw too
    }
}
