using System;

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

    /// <summary>The message.</summary>
    public string Message => Exception.Message;

    /// <inheritdoc />
    public override string ToString() => $"{ErrorId} ({Category}): {Message}";
}
