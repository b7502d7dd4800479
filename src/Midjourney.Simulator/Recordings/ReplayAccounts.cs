using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Recordings;

/// <summary>The real server's accounts, read from a recorded account list, as simulated accounts (offline, like theirs).</summary>
internal static class ReplayAccounts
{
    public static IReadOnlyList<SimAccount> From(Recording recording, string exchangeName)
    {
        RecordedExchange exchange = recording.Exchanges.FirstOrDefault(e => e.Name == exchangeName)
            ?? throw new InvalidDataException($"{recording.Name} has no '{exchangeName}' to take the accounts from.");
        if (exchange.Json is not { } json || !json.TryGetProperty("list", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{recording.Name}: '{exchangeName}' holds no account list.");
        }

        var accounts = new List<SimAccount>();
        foreach (JsonElement item in list.EnumerateArray())
        {
            var account = new SimAccount(accounts.Count + 1, Text(item, "id")!, Text(item, "channelId")!, Text(item, "guildId")!,
                Int(item, "coreSize"), Int(item, "queueSize"), Int(item, "timeoutMinutes"))
            {
                Enabled = item.TryGetProperty("enable", out JsonElement enable) && enable.ValueKind == JsonValueKind.True,
                DisabledReason = Text(item, "disabledReason"),
                Remark = Text(item, "remark"),
            };
            accounts.Add(account);
        }

        return accounts;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.TryGetInt32(out int number) ? number : 0;
}
