using System;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>How long and how often to poll.</summary>
internal sealed class WaitSettings
{
    /// <summary>The deadline for all tasks; null = no limit.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The shortest poll interval; it grows up to five times this while nothing changes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Settings from -Timeout seconds (0 or null: no limit) and a poll interval; negative timeouts are refused.</summary>
    public static WaitSettings From(int? timeoutSeconds, TimeSpan pollInterval)
    {
        if (timeoutSeconds is < 0)
        {
            throw new InvalidInputException($"-Timeout must be 0 (no limit) or a number of seconds; {timeoutSeconds} given.", timeoutSeconds);
        }

        if (pollInterval <= TimeSpan.Zero)
        {
            throw new InvalidInputException("The poll interval must be positive.", pollInterval);
        }

        return new WaitSettings
        {
            Timeout = timeoutSeconds is int s && s > 0 ? TimeSpan.FromSeconds(s) : null,
            PollInterval = pollInterval,
        };
    }
}
