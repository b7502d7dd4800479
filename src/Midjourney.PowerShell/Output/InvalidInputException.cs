using System;

namespace Midjourney.PowerShell.Output;

/// <summary>Input found wrong before any request (a bad path, a non-PNG mask, a wrong count).</summary>
internal sealed class InvalidInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidInputException(string message, object? target, MjErrorCategory category = MjErrorCategory.InvalidArgument, Exception? innerException = null)
        : base(message, innerException)
    {
        Target = target;
        Category = category;
    }

    /// <summary>What was wrong (the path, the value).</summary>
    public object? Target { get; }

    /// <summary>The category to report.</summary>
    public MjErrorCategory Category { get; }
}
