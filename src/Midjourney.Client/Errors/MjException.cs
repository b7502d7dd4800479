using System;

namespace Midjourney.Client;

/// <summary>The base of every error this library raises on purpose.</summary>
public class MjException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MjException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
