using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Engine;

/// <summary>What happened to a submit, before the flavour turns it into an HTTP answer.</summary>
internal sealed record SubmitOutcome(OutcomeKind Kind, string? Message = null)
{
    public string? TaskId { get; init; }

    /// <summary>The task has to wait for a slot (→ code 22 where the flavour uses it).</summary>
    public bool Queued { get; init; }

    /// <summary>Tasks already waiting ahead of this one (<c>properties.numberOfQueues</c>).</summary>
    public int Ahead { get; init; }

    public ModalKind Modal { get; init; }

    /// <summary>For <see cref="OutcomeKind.Modal"/>: the suggested prompt (TA <c>properties.finalPrompt</c>).</summary>
    public string? SuggestedPrompt { get; init; }

    /// <summary>For <see cref="OutcomeKind.Value"/>: a string or a string array.</summary>
    public object? Value { get; init; }

    /// <summary>For <see cref="OutcomeKind.Banned"/>.</summary>
    public string? BannedWord { get; init; }

    public string? PromptEn { get; init; }

    /// <summary>TrueAI answers this code-4 refusal with HTTP 400 instead of 200 (image-seed of a task with no message yet).</summary>
    public bool BadRequest { get; init; }

    public static SubmitOutcome Invalid(string message) => new(OutcomeKind.Invalid, message);
    public static SubmitOutcome Unavailable(string message) => new(OutcomeKind.Unavailable, message);
    public static SubmitOutcome LogicError(string message) => new(OutcomeKind.LogicError, message);
    public static SubmitOutcome NotFound(string message = "关联任务不存在或已失效") => new(OutcomeKind.NotFound, message);
    public static SubmitOutcome QueueFull() => new(OutcomeKind.QueueFull);

    /// <summary>A value answer; <paramref name="description"/> overrides the flavour's success text (TA says "成功" for seeds).</summary>
    public static SubmitOutcome ValueOf(object value, string? description = null) => new(OutcomeKind.Value, description) { Value = value };
}
