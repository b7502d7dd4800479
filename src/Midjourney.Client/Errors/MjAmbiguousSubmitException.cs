using System;

namespace Midjourney.Client;

/// <summary>
/// A submit was sent but no usable answer came back, and the client could not prove whether a task was
/// created. It was not resubmitted, so nothing is paid for twice. Look for the task by <see cref="State"/>
/// in the server's task list (or the journal) before submitting again.
/// </summary>
public sealed class MjAmbiguousSubmitException : MjException
{
    /// <summary>Creates the exception.</summary>
    public MjAmbiguousSubmitException(string message, string requestPath, string? state, Exception? innerException)
        : base(message, innerException)
    {
        RequestPath = requestPath;
        State = state;
    }

    /// <summary>The submit path.</summary>
    public string RequestPath { get; }

    /// <summary>The <c>state</c> sent with the submit, by which the task can be recognised.</summary>
    public string? State { get; }
}
