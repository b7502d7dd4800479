using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Client;

/// <summary>
/// Says, from an account list, why a server found no account for a job (code 3 "无可用的账号实例"): for example
/// "2 accounts, both disabled: 'Blocked, …', '账号用量已经用完'".
/// </summary>
internal static class NoUsableAccount
{
    private const int MaxReasons = 4;
    private const int MaxReasonLength = 80;

    public static string Describe(IReadOnlyList<MjAccount> accounts, SpeedMode mode)
    {
        if (accounts.Count == 0)
        {
            return "it has no account at all";
        }

        var count = accounts.Count == 1 ? "1 account" : $"{accounts.Count} accounts";
        var usable = accounts.Where(a => a.IsUsable).ToList();
        if (usable.Count > 0)
        {
            var wanted = ModeName(mode);
            var takers = wanted is null ? usable : usable.Where(a => a.Modes.Count == 0 || a.Modes.Contains(wanted, StringComparer.OrdinalIgnoreCase)).ToList();
            if (wanted is not null && takers.Count == 0)
            {
                return $"{count}, {usable.Count} usable, but none takes {wanted} jobs ({Quote(usable.Select(a => Label(a) + " takes " + string.Join(", ", a.Modes)))})";
            }

            return $"{count}, {usable.Count} usable ({Quote(usable.Select(Label))}), yet the server took none for this job: busy, out of fast hours, or outside its work hours";
        }

        var groups = accounts.GroupBy(a => a.Availability).OrderBy(g => g.Key == MjAccountAvailability.Disabled ? 0 : 1).ToList();
        if (groups.Count == 1)
        {
            var all = accounts.Count == 1 ? "it is" : accounts.Count == 2 ? "both" : "all";
            return $"{count}, {all} {State(groups[0].Key)}: {Reasons(groups[0])}";
        }

        return $"{count}, none usable: " + string.Join(", ", groups.Select(g => $"{g.Count()} {State(g.Key)} ({Reasons(g)})"));
    }

    private static string State(MjAccountAvailability availability) => availability switch
    {
        MjAccountAvailability.Disabled => "disabled",
        MjAccountAvailability.Locked => "locked",
        MjAccountAvailability.NotConnected => "enabled but not connected",
        _ => availability.ToString().ToLowerInvariant(),
    };

    /// <summary>The server's reasons in quotes; an account without one by its name.</summary>
    private static string Reasons(IEnumerable<MjAccount> accounts) =>
        List(accounts.Select(a => a.DisabledReason is { Length: > 0 } reason ? "'" + Shorten(reason) + "'" : Label(a) + " (no reason given)"));

    private static string Quote(IEnumerable<string> items) => List(items.Select(i => "'" + i + "'"));

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        var shown = list.Take(MaxReasons);
        var more = list.Count > MaxReasons ? $" and {list.Count - MaxReasons} more" : string.Empty;
        return string.Join(", ", shown) + more;
    }

    private static string Label(MjAccount account) => Shorten(account.Remark ?? account.Name ?? account.ChannelId ?? account.Id);

    private static string Shorten(string text)
    {
        var line = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
        return line.Length <= MaxReasonLength ? line : line.Substring(0, MaxReasonLength - 1) + "…";
    }

    private static string? ModeName(SpeedMode mode) => mode switch
    {
        SpeedMode.Fast => "FAST",
        SpeedMode.Relax => "RELAX",
        SpeedMode.Turbo => "TURBO",
        _ => null,
    };
}
