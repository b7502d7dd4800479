using System;

namespace Midjourney.PowerShell.Output;

/// <summary>Thrown by an operation when nothing further can succeed; the cmdlet calls ThrowTerminatingError with it.</summary>
internal sealed class MjTerminatingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MjTerminatingException(MjCommandError error)
        : base(error.Message, error.Exception) => Error = error;

    /// <summary>The error to throw.</summary>
    public MjCommandError Error { get; }
}
