using System;
using System.Text.RegularExpressions;

namespace Midjourney.PowerShell.Output;

/// <summary>An error as an operation reports it; the cmdlet turns it into an <c>ErrorRecord</c>.</summary>
internal sealed class MjCommandError
{
    /// <summary>Creates the error.</summary>
    public MjCommandError(Exception exception, string errorId, MjErrorCategory category, object? target, string? recommendedAction = null)
    {
        Exception = exception ?? throw new ArgumentNullException(nameof(exception));
        ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
        Category = category;
        Target = target;
        RecommendedAction = recommendedAction;
    }

    /// <summary>The exception; its message is what the user reads.</summary>
    public Exception Exception { get; }

    /// <summary>One of <see cref="MjErrorIds"/>.</summary>
    public string ErrorId { get; }

    /// <summary>The category.</summary>
    public MjErrorCategory Category { get; }

    /// <summary>What failed: the task, the id, the path, the server.</summary>
    public object? Target { get; }

    /// <summary>What to do about it, shown in ErrorDetails; null when there is nothing to add.</summary>
    public string? RecommendedAction { get; }

    /// <summary>
    /// The message as shown: what happened. A sentence of <see cref="RecommendedAction"/> that the exception's message
    /// also holds is left out here (the client's exceptions carry their advice in both), since PowerShell shows the
    /// recommendation on its own line: the user never reads the same words twice.
    /// </summary>
    public string Message => WithoutAdvice(WithoutAdvice(Exception.Message, RecommendedAction), RecommendedAction is null ? null : ReplacedAdvice);

    /// <summary>
    /// Advice the exception's message holds that <see cref="RecommendedAction"/> says in other words (a command that
    /// names its own way to choose, such as -Mode, rewords the client's advice): left out of <see cref="Message"/> too.
    /// </summary>
    public string? ReplacedAdvice { get; init; }

    /// <summary><paramref name="message"/> without the sentences of <paramref name="advice"/> it contains (never empty).</summary>
    internal static string WithoutAdvice(string message, string? advice)
    {
        if (string.IsNullOrWhiteSpace(advice))
        {
            return message;
        }

        // The whole advice, else each of its sentences (a recommendation may join the advice of a cause to its own).
        // "e.g." ends no sentence, and a piece too short to be one is never taken out of the middle of other words.
        var whole = advice!.Trim();
        var shown = whole.Length >= 12 ? message.Replace(whole, string.Empty) : message;
        foreach (var sentence in Regex.Split(whole, @"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)\s+"))
        {
            if (sentence.Length >= 12)
            {
                shown = shown.Replace(sentence, string.Empty);
            }
        }

        // Close the gaps the removed sentences leave.
        shown = Regex.Replace(shown, @"[ \t]{2,}", " ");
        shown = Regex.Replace(shown, @"[ \t]+(\r?\n)", "$1").Trim();
        return shown.Length > 0 ? shown : message;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorId} ({Category}): {Message}";
}
