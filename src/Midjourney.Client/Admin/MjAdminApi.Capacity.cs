using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>The pool's capacity from its accounts, and "no usable account" explained.</summary>
public sealed partial class MjAdminApi
{
    /// <summary>
    /// The pool's capacity from its account list (the sum of CoreSize + QueueSize over usable accounts). The client's
    /// submits then start from it instead of learning it from full-queue refusals (<see cref="MjClient.Load"/>); a
    /// later refusal that says otherwise wins. A pool with no usable account leaves the capacity unknown: its submits
    /// are answered at once (code 3), and the error says why.
    /// </summary>
    public async Task<MjPoolCapacity> GetCapacityAsync(CancellationToken cancellationToken = default) =>
        (await ReadPoolAsync(cancellationToken).ConfigureAwait(false)).Capacity;

    /// <summary>
    /// Reads the capacity once per client, when the flavour is known (a server check found it) and has an account list
    /// the key may read; never throws, and gives up after <see cref="MjClientOptions.CapacityReadTimeout"/> (a slow or
    /// dripping server must not hold Connect-MjServer or the first submit). Called before the first submit and by
    /// Connect-MjServer.
    /// </summary>
    public async Task<MjPoolCapacity?> TryGetCapacityAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _capacityTried, 1); // tried once is enough: a key that may not read stays so
        if (!AdminRoutes.For(_client.Capabilities.Flavor).HasAccountList || IsAdministrator == false)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_capacityReadTimeout);
        try
        {
            return await GetCapacityAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the server answered (or failed to), submits then learn the capacity from refusals as before.
            var why = deadline.IsCancellationRequested
                ? $"no answer within {_capacityReadTimeout.TotalSeconds:0.#} s (MjClientOptions.CapacityReadTimeout)"
                : MjText.CleanLine(e.Message) ?? string.Empty;
            Trace($"the pool's capacity could not be read from its accounts: {why}");
            return null;
        }
    }

    /// <summary>The one-time read before the first submit.</summary>
    internal async Task EnsureCapacityAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _capacityTried, 1, 0) == 0)
        {
            await TryGetCapacityAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private MjPoolCapacity UseCapacity(IReadOnlyList<MjAccount> accounts)
    {
        Interlocked.Exchange(ref _capacityTried, 1);
        var usable = accounts.Where(a => a.IsUsable).ToList();
        var sum = usable.Sum(a => (long)(a.Capacity ?? 0)); // a server's absurd sizes must not overflow
        var capacity = new MjPoolCapacity((int)Math.Min(int.MaxValue, sum), usable.Count, accounts.Count, DateTimeOffset.UtcNow);
        _client.Admission.UseAccountCapacity(capacity);
        Trace($"the pool's accounts: {capacity}");
        return capacity;
    }



    /// <summary>True for a refusal that says the server has no usable account (code 3 "无可用的账号实例").</summary>
    internal static bool IsNoUsableAccount(MjApiException error) =>
        error.Code == 3 && (error.Description ?? string.Empty).Contains("无可用的账号实例");

    /// <summary>
    /// The same refusal, saying why: with a key that may read the accounts, which accounts there are and what keeps
    /// each from work (the capacity is refreshed from the same read). Otherwise the refusal as it is: its advice already
    /// sends the user to the administrator, who can see why with Get-MjAccount.
    /// </summary>
    internal async Task<MjApiException> ExplainNoUsableAccountAsync(MjApiException refusal, SpeedMode mode, CancellationToken cancellationToken)
    {
        IReadOnlyList<MjAccount>? accounts = null;
        if (AdminRoutes.For(_client.Capabilities.Flavor).HasAccountList && IsAdministrator != false)
        {
            try
            {
                accounts = await GetAccountsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MjException e) when (!cancellationToken.IsCancellationRequested)
            {
                Trace($"the accounts could not be read to explain the refusal: {FirstLine(e.Message)}");
            }
        }

        if (accounts is null)
        {
            return refusal;
        }

        var origin = $"{_transport.Errors.Url(refusal.RequestPath)} answered code {refusal.Code}: {refusal.Description}";
        var text = $"The server has no Midjourney account that can take this job: {NoUsableAccount.Describe(accounts, mode)}.";
        var advice = accounts.Count == 0
            ? "Add an account on the server (its web page), then submit again."
            : accounts.Any(a => a.IsUsable)
                ? "Try again later, or with another speed mode that an account takes; Get-MjAccount shows each account's modes and load."
                : "Enable an account (Enable-MjAccount) or fix it on the server, then submit again; Get-MjAccount shows them.";

        // The advice is this one's own, so no caller swaps in the general one (SpeedMayHelp false).
        return new MjServerException($"{text} {advice}\n{origin}", refusal.Code, refusal.Description, refusal.StatusCode, refusal.RequestPath, refusal)
        {
            Advice = advice,
            ServerMessage = refusal.ServerMessage,
        };
    }
}
