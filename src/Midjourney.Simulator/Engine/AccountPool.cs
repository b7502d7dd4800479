using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Simulator.Engine;

/// <summary>
/// The Midjourney accounts behind the proxy (<see cref="SimulatorOptions.Accounts"/>, each with CoreSize slots and a
/// QueueSize queue): its slots and queues are the accounts', so disabling one shrinks the pool, and with none usable
/// every submit is refused here, the one place that answers "no usable account" on every route.
/// </summary>
internal sealed class AccountPool
{
    /// <summary>What the proxies answer when no account can take the job (TrueAI and the Java proxies alike).</summary>
    public const string NoneUsableText = "无可用的账号实例";

    /// <summary>TrueAI's upload-discord-images when no account can take the upload.</summary>
    public const string NoInstanceText = "实例不存在或不可用";

    /// <summary>The reason of an account switched off by <c>--no-accounts</c> or <c>POST /sim/accounts?usable=false</c>.</summary>
    public const string SwitchedOffReason = "disabled by the simulator (--no-accounts)";

    private readonly object _gate = new();
    private readonly List<SimAccount> _accounts = new();
    private readonly SimulatorOptions _options;

    public AccountPool(SimulatorOptions options)
    {
        _options = options;
        for (int i = 1; i <= options.Accounts; i++) _accounts.Add(new SimAccount(i, options));
        Usable = !options.NoAccounts; // the one rule: enabled ones connect unless offline, switched-off ones get the reason
    }

    /// <summary>
    /// True while at least one account can take work. Set false to disable every account (the reason says it was the
    /// simulator), true to enable every account again.
    /// </summary>
    public bool Usable
    {
        get
        {
            lock (_gate) return _accounts.Any(a => a.Usable);
        }

        set
        {
            lock (_gate)
            {
                foreach (SimAccount account in _accounts)
                {
                    account.Enabled = value;
                    Connect(account);
                    if (!value) account.DisabledReason = SwitchedOffReason;
                }
            }
        }
    }

    /// <summary>
    /// An enabled account connects, as the real server's start does (and its disabled reason goes), unless the accounts
    /// are offline (<see cref="SimulatorOptions.OfflineAccounts"/>: the real server without Discord); a disabled one drops.
    /// </summary>
    public void Connect(SimAccount account)
    {
        account.Connected = account.Enabled && !_options.OfflineAccounts;
        if (account.Connected) account.DisabledReason = null;
    }

    /// <summary>Puts these accounts in place of the pool's (a replay of the real server's).</summary>
    public void Replace(IEnumerable<SimAccount> accounts)
    {
        lock (_gate)
        {
            _accounts.Clear();
            _accounts.AddRange(accounts);
        }
    }

    /// <summary>The accounts, in their order, as a copy.</summary>
    public IReadOnlyList<SimAccount> All()
    {
        lock (_gate) return _accounts.ToList();
    }

    /// <summary>The account with this id (or, as novicezk keys them, this channel id); null when there is none.</summary>
    public SimAccount? Find(string id)
    {
        lock (_gate) return _accounts.FirstOrDefault(a => a.Id == id || a.ChannelId == id);
    }

    /// <summary>Runs a change of accounts under the pool's lock.</summary>
    public T Change<T>(Func<T> change)
    {
        lock (_gate) return change();
    }

    /// <summary>A sync: the account read its <c>/info</c> again at <paramref name="nowMs"/>.</summary>
    public void Sync(SimAccount account, long nowMs)
    {
        lock (_gate)
        {
            account.InfoUpdatedMs = nowMs;
            account.Syncs++;
        }
    }

    /// <summary>Takes the account out of the pool; its booked tasks still run. False when there was none.</summary>
    public bool Remove(SimAccount account)
    {
        lock (_gate) return _accounts.Remove(account);
    }

    /// <summary>Null when an account can take the job, else the refusal of a submit (code 3 "无可用的账号实例").</summary>
    public SubmitOutcome? RefuseSubmit() => Usable ? null : SubmitOutcome.Unavailable(NoneUsableText);

    /// <summary>Null when an account can take the upload, else TrueAI's refusal (code 4 "实例不存在或不可用").</summary>
    public SubmitOutcome? RefuseUpload() => Usable ? null : SubmitOutcome.Invalid(NoInstanceText);

    /// <summary>
    /// The usable account that starts a task soonest (a free slot now, else the shortest wait within its queue); false
    /// when every enabled account's slots are busy and its queue is full. Called under the engine's lock; takes the pool's
    /// (always in that order) and calls nothing outside the accounts' slots.
    /// </summary>
    public bool TryReserve(long now, out SimAccount? account, out int slot, out long startAt, out int ahead)
    {
        account = null;
        slot = -1;
        startAt = long.MaxValue;
        ahead = 0;
        lock (_gate)
        {
            foreach (SimAccount candidate in _accounts)
            {
                if (!candidate.Usable || !candidate.Slots.TryReserve(now, candidate.QueueSize, out int s, out long start, out int waiting)) continue;
                if (account is null || start < startAt)
                {
                    (account, slot, startAt, ahead) = (candidate, s, start, waiting);
                }
            }
        }

        return account is not null;
    }

    /// <summary>Slots of the usable accounts.</summary>
    public int Slots()
    {
        lock (_gate) return _accounts.Where(a => a.Usable).Sum(a => a.CoreSize);
    }

    /// <summary>Forgets every booking (the simulator's reset); the accounts and their state stay.</summary>
    public void ClearSlots()
    {
        lock (_gate)
        {
            foreach (SimAccount account in _accounts) account.ClearSlots();
        }
    }
}
