using System;
using Midjourney.Client;

namespace Midjourney.PowerShell.Output;

/// <summary>
/// A batch row that failed for now (a server outage, a refusal, a lost answer) and stays at its stage in the state
/// file, so the same command run again tries it again. The error of the cause (its id, category and advice) is the
/// row's; the message only names the row.
/// </summary>
internal sealed class BatchRowException : MjException
{
    /// <summary>What to do about a row that stays retryable, said once, as its own sentence.</summary>
    public const string CarryOn = "Run the same command again to try this row again (rows already done are skipped).";

    /// <summary>Creates the exception for row <paramref name="row"/> after <paramref name="cause"/>.</summary>
    public BatchRowException(int row, Exception cause)
        : base($"Row {row}: {cause.Message}", cause)
    {
        Row = row;
    }

    /// <summary>The row's position, 1-based.</summary>
    public int Row { get; }
}
