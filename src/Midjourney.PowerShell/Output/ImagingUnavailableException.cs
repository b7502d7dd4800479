using System;

namespace Midjourney.PowerShell.Output;

/// <summary>The native imaging library cannot be loaded here; <see cref="Advice"/> says how to add it.</summary>
internal sealed class ImagingUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ImagingUnavailableException(string message, string advice, Exception inner)
        : base(message, inner)
    {
        Advice = advice;
    }

    /// <summary>What to do: where to put which file.</summary>
    public string Advice { get; }
}
