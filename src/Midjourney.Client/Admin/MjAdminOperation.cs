namespace Midjourney.Client;

/// <summary>What an administrator does on a proxy (<see cref="MjAdminApi.CheckAsync"/> tells beforehand whether the server and key allow it).</summary>
public enum MjAdminOperation
{
    /// <summary>List and read accounts.</summary>
    ReadAccounts,

    /// <summary>Enable an account.</summary>
    EnableAccount,

    /// <summary>Disable an account.</summary>
    DisableAccount,

    /// <summary>Refresh an account's Midjourney info and settings.</summary>
    SyncAccount,

    /// <summary>Drop and restart an account's connection.</summary>
    ReconnectAccount,

    /// <summary>Remove an account from the pool.</summary>
    RemoveAccount,

    /// <summary>List, make and remove users (TrueAI).</summary>
    ManageUsers,

    /// <summary>List, add and remove banned words (TrueAI).</summary>
    ManageBannedWords,
}
