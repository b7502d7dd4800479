using System;

namespace Midjourney.Client;

/// <summary>
/// How many jobs a proxy's account pool holds at once, read from its account list (<see cref="MjAdminApi.GetCapacityAsync"/>):
/// the sum of <see cref="MjAccount.Capacity"/> (CoreSize + QueueSize) over the usable accounts.
/// </summary>
public sealed class MjPoolCapacity
{
    internal MjPoolCapacity(int capacity, int usableAccounts, int accounts, DateTimeOffset readAt)
    {
        Capacity = capacity;
        UsableAccounts = usableAccounts;
        Accounts = accounts;
        ReadAt = readAt;
    }

    /// <summary>Jobs the usable accounts run and queue at once.</summary>
    public int Capacity { get; }

    /// <summary>Accounts that are enabled, not locked, and connected where the server says.</summary>
    public int UsableAccounts { get; }

    /// <summary>Accounts in the list.</summary>
    public int Accounts { get; }

    /// <summary>When the list was read.</summary>
    public DateTimeOffset ReadAt { get; }

    /// <inheritdoc />
    public override string ToString() => UsableAccounts == 0
        ? $"no usable account ({Accounts} in all)"
        : $"{Capacity} jobs at once ({UsableAccounts} of {Accounts} accounts usable)";
}
