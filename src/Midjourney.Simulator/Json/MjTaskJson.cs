using System;
using System.Globalization;
using System.Text.Json;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Images;
using N = Midjourney.Simulator.Json.JsonNames;

namespace Midjourney.Simulator.Json;

/// <summary>Writes the MJ-proxy task object (reference §4.1) in the flavour's style. Hot path of fetch: no per-call strings.</summary>
internal static class MjTaskJson
{
    private static readonly JsonEncodedText InstanceId = JsonEncodedText.Encode("1200000000000000001");

    public static void Write(Utf8JsonWriter w, SimTask task, TaskState state, string baseUrl, MediaLinks links, TaskJsonStyle style)
    {
        bool success = state.Status == TaskStatuses.Success;
        bool running = state.Status == TaskStatuses.InProgress && state.Percent > 0 && task.Result is ResultKind.Grid or ResultKind.Upscale or ResultKind.Video;
        TaskMedia media = success || running ? links.ForTask(baseUrl, task, success ? state.FinishTime!.Value : task.Schedule.RunAt) : default;
        bool textResult = success && task.ResultText is not null;

        w.WriteStartObject();
        w.WriteString(N.Id, task.Id);
        w.WriteString(N.Action, task.Action);
        w.WriteString(N.Status, state.Status);
        if (style.TrueAiExtras) w.WriteBoolean(N.IsCompleted, state.IsTerminal);
        // TA copies describe suggestions into prompt/promptEn.
        bool copyText = style.TrueAiExtras && textResult && task.Result == ResultKind.Describe;
        w.WriteString(N.Prompt, copyText ? task.ResultText : task.Prompt);
        w.WriteString(N.PromptEn, copyText ? task.ResultText : task.PromptEn);
        w.WriteString(N.Description, task.Description);
        w.WriteString(N.State, task.State);
        w.WriteNumber(N.SubmitTime, task.SubmitTime);
        WriteTime(w, N.StartTime, state.StartTime, style);
        WriteTime(w, N.FinishTime, state.FinishTime, style);
        if (style.GatewayShape && state.Status == TaskStatuses.Failure) w.WriteString(N.Progress, "100%");
        else w.WriteString(N.Progress, state.Progress);

        string? imageFile = success ? MainFile(task, style) : running ? MediaFiles.Preview : null;
        if (imageFile is not null) media.WriteProperty(w, N.ImageUrl, imageFile);
        else w.WriteString(N.ImageUrl, task.SourceImageUrl);

        if (style.TrueAiExtras)
        {
            w.WriteStartArray(N.ImageUrls);
            if (success) WriteFileList(w, task, media);
            w.WriteEndArray();
        }

        if (style.TrueAiExtras) w.WriteNull(N.ThumbnailUrl);

        if (task.Result != ResultKind.Video && style.TrueAiExtras)
        {
            w.WriteNull(N.VideoUrl);
            w.WriteNull(N.VideoUrls);
        }
        else if (task.Result == ResultKind.Video && (style.TrueAiExtras || style.GatewayShape))
        {
            if (success) media.WriteProperty(w, N.VideoUrl, MediaFiles.Videos[0]);
            else w.WriteNull(N.VideoUrl);
            w.WriteStartArray(N.VideoUrls);
            if (success)
            {
                for (int i = 0; i < task.VideoCount; i++)
                {
                    w.WriteStartObject();
                    media.WriteProperty(w, N.Url, MediaFiles.Videos[i]);
                    if (style.TrueAiExtras) media.WriteProperty(w, N.Thumbnail, MediaFiles.Thumbs[i]);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        w.WriteString(N.FailReason, state.FailReason);

        w.WriteStartObject(N.Properties);
        w.WriteString(N.FinalPrompt, textResult ? task.ResultText : task.FinalPrompt);
        if (style.GatewayShape)
        {
            w.WriteString(N.FinalZhPrompt, "");
        }
        else
        {
            w.WriteString(N.NotifyHook, task.NotifyHook);
            w.WriteString(N.DiscordInstanceId, InstanceId);
            if (style.TrueAiExtras) w.WriteString(N.DiscordChannelId, InstanceId);
            w.WriteString(N.BotType, N.MidJourney);
            w.WriteString(N.MessageHash, task.JobHash);
            w.WriteNumber(N.Flags, 0);
            if (task.ModalKind != ModalKind.None && style.TrueAiExtras) w.WriteBoolean(N.Remix, true);
            if (task.ActionIndex > 0 && style.TrueAiExtras) w.WriteNumber(N.ActionIndex, task.ActionIndex);
            if (style.TrueAiExtras) w.WriteString(N.Nonce, task.Nonce);
        }

        w.WriteEndObject();

        if (style.Buttons)
        {
            w.WriteStartArray(N.Buttons);
            if (success)
            {
                foreach (Button button in task.ButtonTemplate)
                {
                    w.WriteStartObject();
                    ButtonTemplates.WriteCustomId(w, N.CustomId, button.CustomId, task.JobHash);
                    w.WriteString(N.Emoji, button.Emoji);
                    w.WriteString(N.Label, button.Label);
                    w.WriteNumber(N.Type, button.Type);
                    w.WriteNumber(N.Style, button.Style);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        if (style.TrueAiExtras)
        {
            w.WriteString(N.Mode, ModeName(task.Mode));
            w.WriteString(N.ParentId, task.ParentId);
            w.WriteString(N.JobId, task.JobHash);
            w.WriteString(N.BotType, N.MidJourney);
            w.WriteString(N.Version, "v " + task.Info.VersionText);
            w.WriteString(N.InstanceId, InstanceId);
            w.WriteString(N.Nonce, task.Nonce);
            w.WriteString(N.Seed, task.KnownSeed(state));
            WriteUseTime(w, state);
            WriteDisplays(w, task, state);
            if (success && task.Result is ResultKind.Grid or ResultKind.Upscale)
            {
                w.WriteNumber(N.Width, task.Width);
                w.WriteNumber(N.Height, task.Height);
            }
        }

        if (style.GatewayShape)
        {
            w.WriteString(N.CustomId, "");
            w.WriteString(N.BotType, "");
            w.WriteString(N.MaskBase64, "");
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The file behind <c>imageUrl</c> of a SUCCESS task, or null (describe/shorten have no picture of their own). A video's
    /// is its first video on TrueAI (<c>TaskInfo.Success</c> under <c>EnableFillOfficialCdn</c>: "VideoUrl = ImageUrl", the
    /// image URL is the video link), its cover elsewhere.
    /// </summary>
    private static string? MainFile(SimTask task, TaskJsonStyle style) => task.Result switch
    {
        ResultKind.Grid => MediaFiles.Grid,
        ResultKind.Upscale => MediaFiles.Upscale,
        ResultKind.Video => style.TrueAiExtras ? MediaFiles.Videos[0] : MediaFiles.Thumbs[0],
        _ => null,
    };

    /// <summary>
    /// TrueAI's <c>imageUrls</c> as <c>[{url, thumbnail}]</c>: the four tiles of a grid, the single upscale, or a video's
    /// videos with their covers (TrueAI fills <c>imageUrls</c> with the same entries as <c>videoUrls</c>).
    /// </summary>
    private static void WriteFileList(Utf8JsonWriter w, SimTask task, TaskMedia media)
    {
        int count = task.Result switch { ResultKind.Grid => 4, ResultKind.Upscale => 1, ResultKind.Video => task.VideoCount, _ => 0 };
        for (int i = 0; i < count; i++)
        {
            w.WriteStartObject();
            media.WriteProperty(w, N.Url, task.Result switch { ResultKind.Grid => MediaFiles.Tiles[i], ResultKind.Upscale => MediaFiles.Upscale, _ => MediaFiles.Videos[i] });
            media.WriteProperty(w, N.Thumbnail, MediaFiles.Thumbs[i]);
            w.WriteEndObject();
        }
    }

    /// <summary>TA's <c>useTime</c>: finish − start as "12.34 s", or "-" until both are known.</summary>
    private static void WriteUseTime(Utf8JsonWriter w, TaskState state)
    {
        if (state.StartTime is not long start || state.FinishTime is not long finish)
        {
            w.WriteString(N.UseTime, "-");
            return;
        }

        Span<char> text = stackalloc char[32];
        (Math.Max(0, finish - start) / 1000.0).TryFormat(text, out int length, "F2", CultureInfo.InvariantCulture);
        text[length++] = ' ';
        text[length++] = 's';
        w.WriteString(N.UseTime, text[..length]);
    }

    /// <summary>TA's <c>displays</c>: status, local "yyyy-MM-dd HH:mm:ss" times, action and the instance id.</summary>
    private static void WriteDisplays(Utf8JsonWriter w, SimTask task, TaskState state)
    {
        w.WriteStartObject(N.Displays);
        w.WriteString(N.Status, state.Status);
        WriteLocalTime(w, N.SubmitTime, task.SubmitTime);
        WriteLocalTime(w, N.StartTime, state.StartTime);
        WriteLocalTime(w, N.FinishTime, state.FinishTime);
        w.WriteString(N.Action, task.Action);
        w.WriteString(N.DiscordInstanceId, InstanceId);
        w.WriteEndObject();
    }

    /// <summary>"yyyy-MM-dd HH:mm:ss" in the server's zone, digit by digit (on the fetch path a format string costs more).</summary>
    private static void WriteLocalTime(Utf8JsonWriter w, JsonEncodedText name, long? ms)
    {
        if (ms is not long value)
        {
            w.WriteNull(name);
            return;
        }

        DateTime utc = DateTime.UnixEpoch.AddTicks(value * TimeSpan.TicksPerMillisecond);
        TimeZoneInfo zone = TimeZoneInfo.Local;
        DateTime t = utc + (zone.SupportsDaylightSavingTime ? zone.GetUtcOffset(utc) : zone.BaseUtcOffset);
        t.Deconstruct(out int year, out int month, out int day);
        Span<byte> text = stackalloc byte[19];
        "0000-00-00 00:00:00"u8.CopyTo(text);
        Digits(text[..4], year);
        Digits(text.Slice(5, 2), month);
        Digits(text.Slice(8, 2), day);
        Digits(text.Slice(11, 2), t.Hour);
        Digits(text.Slice(14, 2), t.Minute);
        Digits(text.Slice(17, 2), t.Second);
        w.WriteString(name, text);
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (int i = target.Length - 1; i >= 0; i--, value /= 10) target[i] = (byte)('0' + value % 10);
    }

    public static string ModeName(SpeedMode mode) => mode switch
    {
        SpeedMode.Turbo => "TURBO",
        SpeedMode.Relax => "RELAX",
        _ => "FAST",
    };

    private static void WriteTime(Utf8JsonWriter w, JsonEncodedText name, long? value, TaskJsonStyle style)
    {
        if (value is long ms) w.WriteNumber(name, ms);
        else if (style.GatewayShape) w.WriteNumber(name, 0);
        else w.WriteNull(name);
    }
}
