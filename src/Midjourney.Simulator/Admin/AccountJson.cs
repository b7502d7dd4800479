using System;
using System.Globalization;
using System.Text.Json;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Admin;

/// <summary>
/// An account as each flavour's account API sends it, secrets included as the real servers send them to their
/// administrator: TrueAI's <c>DiscordAccount</c> with every field in its order (tests/Recordings/trueai-11.10.3/admin-*.json),
/// Plus's account (its admin page reads <c>status</c>, <c>displays</c>, <c>properties.disabledReason</c>), novicezk's
/// <c>DiscordAccount</c> (id, guild, channel, token, user agent, enable, sizes, timeout).
/// </summary>
internal static class AccountJson
{
    private const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    /// <summary>TrueAI: <paramref name="running"/> and <paramref name="queued"/> are counted only by its paged query (0 elsewhere).</summary>
    public static void WriteTrueAi(Utf8JsonWriter w, SimAccount a, long nowMs, int running, int queued)
    {
        w.WriteStartObject();
        w.WriteString("channelId", a.ChannelId);
        w.WriteString("guildId", a.GuildId);
        w.WriteNull("privateChannelId");
        w.WriteNull("nijiBotChannelId");
        w.WriteString("userToken", a.UserToken);
        w.WriteString("cookie", a.Cookie);
        w.WriteString("botToken", a.BotToken);
        w.WriteString("userAgent", UserAgent);
        w.WriteBoolean("enable", a.Enabled);
        w.WriteBoolean("enableMj", true);
        w.WriteBoolean("enableNiji", true);
        w.WriteNull("enableFastToRelax");
        w.WriteNull("enableRelaxToFast");
        w.WriteBoolean("fastExhausted", false);
        w.WriteBoolean("lock", false);
        w.WriteString("disabledReason", a.DisabledReason);
        w.WriteString("permanentInvitationLink", a.PermanentInvitationLink);
        w.WriteNull("cfHashCreated");
        w.WriteNull("cfHashUrl");
        w.WriteNull("cfUrl");
        w.WriteBoolean("isSponsor", false);
        w.WriteNull("sponsorUserId");
        w.WriteNumber("coreSize", a.CoreSize);
        w.WriteNumber("interval", 1.2m);
        w.WriteNumber("afterIntervalMin", 1.2m);
        w.WriteNumber("afterIntervalMax", 1.2m);
        w.WriteNumber("queueSize", a.QueueSize);
        w.WriteNumber("relaxCoreSize", 3);
        w.WriteNumber("relaxQueueSize", 10);
        w.WriteNumber("todayFastDrawCount", 0);
        w.WriteNumber("todayRelaxDrawCount", 0);
        w.WriteNumber("todayTurboDrawCount", 0);
        w.WriteString("todayDraw", "0 / 0 / 0");
        w.WriteNumber("maxQueueSize", 100);
        w.WriteNumber("timeoutMinutes", a.TimeoutMinutes);
        w.WriteString("remark", a.Remark);
        w.WriteString("sponsor", a.Sponsor);
        w.WriteString("dateCreated", LocalTime(nowMs - 86_400_000L * 7));
        if (a.InfoUpdatedMs > 0) w.WriteString("infoUpdated", LocalTime(a.InfoUpdatedMs)); else w.WriteNull("infoUpdated");
        w.WriteNumber("weight", 0);
        w.WriteNull("workTime");
        w.WriteNull("fishingTime");
        w.WriteBoolean("isHdVideo", false);
        w.WriteBoolean("isRelaxVideo", false);
        w.WriteBoolean("isDraft", false);
        w.WriteStartObject("todayCounter");
        w.WriteEndObject();
        w.WriteNumber("sort", a.Number);
        w.WriteBoolean("remixAutoSubmit", false);
        w.WriteNull("mode");
        Modes(w, a);
        w.WriteNull("enableAutoSetRelax");
        EmptyArray(w, "components");
        w.WriteNull("settingsMessageId");
        EmptyArray(w, "nijiComponents");
        w.WriteNull("nijiSettingsMessageId");
        w.WriteBoolean("isBlend", true);
        w.WriteBoolean("isDescribe", true);
        w.WriteBoolean("isShorten", true);
        w.WriteString("loginAccount", a.LoginAccount);
        w.WriteString("loginPassword", a.LoginPassword);
        w.WriteString("login2fa", a.Login2fa);
        w.WriteBoolean("isAutoLogining", false);
        w.WriteNull("loginStart");
        w.WriteNull("loginEnd");
        w.WriteNull("loginMessage");
        w.WriteNumber("dayDrawLimit", -1);
        w.WriteNumber("dayRelaxDrawLimit", -1);
        w.WriteNumber("dayDrawCount", 0);
        w.WriteNumber("dayRelaxCount", 0);
        w.WriteNumber("dayFastCount", 0);
        w.WriteBoolean("isVerticalDomain", false);
        EmptyArray(w, "verticalDomainIds");
        w.WriteStartArray("subChannels");
        w.WriteStringValue("https://discord.com/channels/" + a.GuildId + "/" + SimAccount.SecretMark + "subchannel-" + a.Number.ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteStartObject("subChannelValues");
        w.WriteEndObject();
        w.WriteNumber("runningCount", running);
        w.WriteNumber("queueCount", queued);
        w.WriteNull("riskControlUnlockTime");
        w.WriteBoolean("isDiscord", true);
        w.WriteBoolean("isYouChuan", false);
        w.WriteBoolean("youChuanEnablePreferRelax", false);
        w.WriteNumber("youChuanFastRemaining", 0);
        w.WriteNumber("youChuanRelaxDailyLimit", -1);
        w.WriteNull("youChuanExpire");
        w.WriteNull("youChuanRelaxedReset");
        w.WriteNull("youChuanPicreadReset");
        w.WriteBoolean("isOfficial", false);
        w.WriteNumber("officialFastRemaining", 0);
        w.WriteBoolean("officialEnablePersonalize", false);
        w.WriteNumber("officialMinutesAwarded", 0);
        w.WriteBoolean("officialHasSurveyed", false);
        w.WriteBoolean("running", a.Connected);
        w.WriteNumber("todaySyncCount", a.Syncs > 0 ? a.Syncs : -1);
        EmptyArray(w, "buttons");
        w.WriteBoolean("mjRemixOn", false);
        w.WriteBoolean("mjFastModeOn", false);
        EmptyArray(w, "nijiButtons");
        w.WriteBoolean("nijiRemixOn", false);
        w.WriteBoolean("nijiFastModeOn", false);
        w.WriteNull("versionSelector");
        w.WriteNull("version");
        Displays(w, a);
        w.WriteString("fastTimeRemaining", a.FastTimeRemaining);
        w.WriteString("relaxTimeRemaining", "N/A");
        w.WriteString("relaxedUsage", "");
        w.WriteString("turboUsage", "");
        w.WriteString("fastUsage", "");
        w.WriteString("lifetimeUsage", "");
        w.WriteString("id", a.Id);
        Properties(w, a);
        w.WriteEndObject();
    }

    /// <summary>Plus: the fields its admin page reads; <c>status</c> beside the older <c>enable</c>.</summary>
    public static void WritePlus(Utf8JsonWriter w, SimAccount a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("name", "sim-user-" + a.Number.ToString(CultureInfo.InvariantCulture));
        w.WriteString("guildId", a.GuildId);
        w.WriteString("channelId", a.ChannelId);
        w.WriteString("userToken", a.UserToken);
        w.WriteString("userAgent", UserAgent);
        w.WriteBoolean("enable", a.Enabled);
        w.WriteString("status", a.Enabled ? "ENABLE" : "DISABLED");
        w.WriteNumber("coreSize", a.CoreSize);
        w.WriteNumber("queueSize", a.QueueSize);
        w.WriteNumber("timeoutMinutes", a.TimeoutMinutes);
        w.WriteString("remark", a.Remark);
        w.WriteBoolean("remixAutoSubmit", false);
        w.WriteString("fastTimeRemaining", a.FastTimeRemaining);
        Displays(w, a);
        w.WriteStartObject("properties");
        w.WriteString("disabledReason", a.DisabledReason);
        w.WriteNumber("weight", 1);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>novicezk: its <c>DiscordAccount</c> with Jackson's names (the channel id is the id).</summary>
    public static void WriteNoviceZk(Utf8JsonWriter w, SimAccount a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.ChannelId);
        w.WriteString("guildId", a.GuildId);
        w.WriteString("channelId", a.ChannelId);
        w.WriteString("userToken", a.UserToken);
        w.WriteString("userAgent", UserAgent);
        w.WriteBoolean("enable", a.Enabled);
        w.WriteNumber("coreSize", a.CoreSize);
        w.WriteNumber("queueSize", a.QueueSize);
        w.WriteNumber("timeoutMinutes", a.TimeoutMinutes);
        w.WriteStartObject("properties");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A time as TrueAI sends its <c>DateTime</c> fields: local, without a zone.</summary>
    public static string LocalTime(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A time as TrueAI's <c>…Format</c> fields send it: <see cref="LocalTime"/> to the minute, with a space (<c>yyyy-MM-dd HH:mm</c>).</summary>
    public static string LocalMinute(long epochMs) => LocalTime(epochMs).Replace('T', ' ')[..16];

    private static void Displays(Utf8JsonWriter w, SimAccount a)
    {
        w.WriteStartObject("displays");
        w.WriteString("subscribePlan", a.Plan);
        w.WriteString("billedWay", "Active monthly");
        w.WriteString("renewDate", "2027-01-01 00:00");
        w.WriteString("mode", "Fast");
        w.WriteString("nijiMode", "");
        w.WriteEndObject();
    }

    private static void Properties(Utf8JsonWriter w, SimAccount a)
    {
        w.WriteStartObject("properties");
        w.WriteString("Subscription", a.Plan + " (Active monthly, renews next on <t:1798761600>)");
        w.WriteString("Job Mode", "Fast");
        w.WriteString("Fast Time Remaining", a.FastTimeRemaining);
        w.WriteEndObject();
    }

    private static void Modes(Utf8JsonWriter w, SimAccount a)
    {
        w.WriteStartArray("allowModes");
        foreach (string mode in a.Modes) w.WriteStringValue(mode);
        w.WriteEndArray();
    }

    private static void EmptyArray(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray(name);
        w.WriteEndArray();
    }
}
