using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// Reads the admin answers of every flavour into <see cref="MjAccount"/>, <see cref="MjUser"/> and
/// <see cref="MjBannedWord"/>. Every object goes through <see cref="SecretFields"/>: secrets are dropped here, while reading.
/// Every string is made safe to show (<see cref="MjText"/>); an id with a control character is refused, since ids are
/// sent back to the server as they are.
/// </summary>
internal static class AdminJson
{
    /// <summary>Fields of free text, which keep their line feeds.</summary>
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal) { "disabledReason", "remark", "sponsor", "description" };

    /// <summary>TrueAI's <c>GenerationSpeedMode</c> numbers, where a server sends them as numbers.</summary>
    private static readonly string[] ModeNames = { "RELAX", "FAST", "TURBO" };

    /// <summary>
    /// The array of items of a list answer (<c>default</c> when there is none): a bare array (novicezk, TrueAI's
    /// <c>GET accounts</c>), TrueAI's paged <c>{list, pagination}</c>, Plus's Spring page <c>{content, totalElements}</c>,
    /// or <c>{records}</c>/<c>{data}</c>. Its length costs nothing to read, so it is measured before any item is built.
    /// </summary>
    public static JsonElement ItemArray(JsonElement root, out int? total)
    {
        total = null;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        if (root.TryGetProperty("data", out var data) && data.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
        {
            return ItemArray(data, out total);
        }

        foreach (var name in new[] { "list", "content", "records", "items" })
        {
            if (root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                total = Int(root, "totalElements") ?? Int(root, "total")
                    ?? (root.TryGetProperty("pagination", out var page) ? Int(page, "total") : null);
                return items;
            }
        }

        return default;
    }

    /// <summary>The items of a list answer that are objects (see <see cref="ItemArray"/>).</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement root, out int? total) => Items(ItemArray(root, out total));

    /// <summary>The items of <paramref name="array"/> (from <see cref="ItemArray"/>) that are objects: a number or a null is no item, as in a task list.</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList() : Array.Empty<JsonElement>();

    public static MjAccount Account(JsonElement element, Uri server, string flavor, bool liveCounts)
    {
        var properties = element.TryGetProperty("properties", out var props) ? SecretFields.ToPlainObject(props) : new Dictionary<string, object?>();
        var id = Id(element, "id") ?? Id(element, "channelId") ?? throw new JsonException("an account without an id");
        return new MjAccount(id)
        {
            ChannelId = Text(element, "channelId"),
            GuildId = Text(element, "guildId"),
            Name = Text(element, "name"),
            Enabled = Bool(element, "enable") ?? StatusEnabled(Text(element, "status")),
            Connected = Bool(element, "running") ?? Bool(element, "alive"),
            Locked = Bool(element, "lock"),
            Modes = Modes(element),
            DefaultMode = ModeName(element, "mode"),
            CoreSize = Int(element, "coreSize"),
            QueueSize = Int(element, "queueSize"),
            TimeoutMinutes = Int(element, "timeoutMinutes"),
            RunningCount = liveCounts ? Int(element, "runningCount") : null,
            QueueCount = liveCounts ? Int(element, "queueCount") : null,
            FastTimeRemaining = Blank(Text(element, "fastTimeRemaining")) ?? PropertyText(properties, "Fast Time Remaining"),
            FastExhausted = Bool(element, "fastExhausted"),
            Plan = Plan(element, properties),
            DisabledReason = Blank(Text(element, "disabledReason")) ?? PropertyText(properties, "disabledReason"),
            Remark = Blank(Text(element, "remark")),
            Sponsor = Blank(Text(element, "sponsor")),
            Properties = properties,
            Raw = SecretFields.ToPlainObject(element),
            Server = server,
            Flavor = flavor,
        };
    }

    public static MjUser User(JsonElement element, Uri server) =>
        new(Id(element, "id") ?? throw new JsonException("a user without an id"))
        {
            Name = Text(element, "name"),
            Email = Blank(Text(element, "email")),
            Phone = Blank(Text(element, "phone")),
            Role = Text(element, "role"),
            Status = Text(element, "status"),
            DayDrawLimit = Int(element, "dayDrawLimit"),
            TotalDrawLimit = Int(element, "totalDrawLimit"),
            DayDrawCount = Int(element, "dayDrawCount"),
            TotalDrawCount = Int(element, "totalDrawCount"),
            CoreSize = Int(element, "coreSize"),
            QueueSize = Int(element, "queueSize"),
            IsWhite = Bool(element, "isWhite"),
            ValidStartTime = Time(element, "validStartTime"),
            ValidEndTime = Time(element, "validEndTime"),
            LastLoginTime = Time(element, "lastLoginTime"),
            CreateTime = Time(element, "createTime"),
            UpdateTime = Time(element, "updateTime"),
            Raw = SecretFields.ToPlainObject(element),
            Server = server,
        };

    public static MjBannedWord BannedWord(JsonElement element, Uri server) =>
        new(Id(element, "id") ?? throw new JsonException("a banned-word list without an id"))
        {
            Name = Text(element, "name"),
            Keywords = element.TryGetProperty("keywords", out var words) && words.ValueKind == JsonValueKind.Array
                ? words.EnumerateArray().Select(w => MjText.CleanLine(JsonValues.AsString(w))).Where(w => !string.IsNullOrEmpty(w)).Select(w => w!).ToList()
                : Array.Empty<string>(),
            Enabled = Bool(element, "enable"),
            Weight = Int(element, "weight"),
            Sort = Int(element, "sort"),
            Description = Blank(Text(element, "description")),
            CreateTime = Time(element, "createTime"),
            UpdateTime = Time(element, "updateTime"),
            Raw = SecretFields.ToPlainObject(element),
            Server = server,
        };

    /// <summary>The answer as JSON, or null when it is not JSON (an empty body included). Dispose it.</summary>
    public static JsonDocument? Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The failure of a change in <paramref name="body"/> (see <see cref="Refusal(JsonElement)"/>); null when it is not JSON.</summary>
    public static string? Refusal(byte[] body)
    {
        using var document = Parse(body);
        return document is null ? null : Refusal(document.RootElement);
    }

    /// <summary>
    /// The failure of a change, or null when it succeeded: TrueAI's <c>{success:false, message}</c>, Plus's
    /// <c>{code ≠ 1, description}</c>. An empty body or any other JSON counts as done.
    /// </summary>
    public static string? Refusal(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("success", out var success) && success.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return success.ValueKind == JsonValueKind.False ? Text(root, "message") ?? Text(root, "description") ?? "(no message)" : null;
        }

        return Int(root, "code") is int code && code != 1 && code != 0 && root.TryGetProperty("description", out _)
            ? Text(root, "description") ?? "(no description)"
            : null;
    }

    /// <summary>The message of a success answer (TrueAI's accounts-enable says "已启用 1 个账号").</summary>
    public static string? Message(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object ? Text(root, "message") ?? Text(root, "description") : null;

    private static IReadOnlyList<string> Modes(JsonElement element)
    {
        if (!element.TryGetProperty("allowModes", out var modes) || modes.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        return modes.EnumerateArray().Select(ModeName).Where(m => m is not null).Select(m => m!).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? ModeName(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? ModeName(value) : null;

    private static string? ModeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => MjText.CleanLine(value.GetString())?.ToUpperInvariant(),
        JsonValueKind.Number when value.TryGetInt32(out var n) && n >= 0 && n < ModeNames.Length => ModeNames[n],
        _ => null,
    };

    private static bool? StatusEnabled(string? status) => status?.ToUpperInvariant() switch
    {
        null => null,
        "ENABLE" or "ENABLED" or "NORMAL" => true,
        _ => false,
    };

    private static string? Plan(JsonElement element, IReadOnlyDictionary<string, object?> properties)
    {
        if (element.TryGetProperty("displays", out var displays) && Blank(Text(displays, "subscribePlan")) is { } plan)
        {
            return plan;
        }

        // "Standard (Active monthly, renews next on <t:1798675200>)": the plan is the part before the bracket.
        var subscription = PropertyText(properties, "Subscription");
        var bracket = subscription?.IndexOf('(') ?? -1;
        return bracket > 0 ? subscription!.Substring(0, bracket).Trim() : subscription;
    }

    private static string? PropertyText(IReadOnlyDictionary<string, object?> properties, string name) =>
        properties.TryGetValue(name, out var value) && value is not null ? Blank(MjText.Clean(Convert.ToString(value, CultureInfo.InvariantCulture))) : null;

    /// <summary>A string field, safe to show: one line (names, channels, plans) unless it is free text.</summary>
    private static string? Text(JsonElement element, string name) => FreeText.Contains(name)
        ? MjText.Clean(JsonValues.GetString(element, name))
        : MjText.CleanLine(JsonValues.GetString(element, name));

    /// <summary>An id, refused when it has a control character (it is sent back in request paths as it is).</summary>
    private static string? Id(JsonElement element, string name)
    {
        var id = JsonValues.GetString(element, name);
        if (id is not null)
        {
            TaskText.CheckId(id);
        }

        return id;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static int? Int(JsonElement element, string name) =>
        JsonValues.GetInt64(element, name) is long value && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;

    private static bool? Bool(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var b) => b,
            _ => null,
        };
    }

    private static DateTime? Time(JsonElement element, string name) =>
        Text(element, name) is { Length: > 0 } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
