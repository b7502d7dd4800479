using System;

namespace Midjourney.Client;

/// <summary>
/// The base of every error this library raises on purpose. Its message is safe to show: whatever a server or a file put
/// into it is cleaned of control characters and escape sequences here (<see cref="MjText"/>).
/// </summary>
public class MjException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MjException(string message, Exception? innerException = null)
        : base(MjText.Clean(message) ?? string.Empty, innerException)
    {
    }
}
