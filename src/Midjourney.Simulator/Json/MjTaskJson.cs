using System.Text.Json;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Images;

namespace Midjourney.Simulator.Json;

/// <summary>Writes the MJ-proxy task object (reference §4.1) in the flavour's style.</summary>
internal static class MjTaskJson
{
    private const string InstanceId = "1200000000000000001";

    public static void Write(Utf8JsonWriter w, SimTask task, TaskState state, string baseUrl, MediaLinks links, TaskJsonStyle style)
    {
        bool success = state.Status == TaskStatuses.Success;
        MediaSet? media = success ? links.Finished(baseUrl, task, state.FinishTime!.Value) : null;
        string? imageUrl = media?.Image
            ?? (state.Status == TaskStatuses.InProgress ? links.Preview(baseUrl, task, state, task.Schedule.RunAt) : task.SourceImageUrl);
        bool textResult = success && task.ResultText is not null;
        string finalPrompt = textResult ? task.ResultText! : task.FinalPrompt;

        w.WriteStartObject();
        w.WriteString("id", task.Id);
        w.WriteString("action", task.Action);
        w.WriteString("status", state.Status);
        // TA copies describe suggestions into prompt/promptEn.
        bool copyText = style.TrueAiExtras && textResult && task.Result == ResultKind.Describe;
        w.WriteString("prompt", copyText ? task.ResultText : task.Prompt);
        w.WriteString("promptEn", copyText ? task.ResultText : task.PromptEn);
        w.WriteString("description", task.Description);
        w.WriteString("state", task.State);
        w.WriteNumber("submitTime", task.SubmitTime);
        WriteTime(w, "startTime", state.StartTime, style);
        WriteTime(w, "finishTime", state.FinishTime, style);
        if (style.GatewayShape && state.Status == TaskStatuses.Failure) w.WriteString("progress", "100%");
        else w.WriteString("progress", state.Progress);
        w.WriteString("imageUrl", imageUrl);
        if (style.TrueAiExtras)
        {
            w.WriteStartArray("imageUrls");
            if (media is not null)
            {
                for (int i = 0; i < media.Urls.Length; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("url", media.Urls[i]);
                    w.WriteString("thumbnail", media.Thumbnails[i]);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        if (task.Result == ResultKind.Video && (style.TrueAiExtras || style.GatewayShape))
        {
            w.WriteString("videoUrl", media?.Videos[0]);
            w.WriteStartArray("videoUrls");
            if (media is not null)
            {
                for (int i = 0; i < media.Videos.Length; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("url", media.Videos[i]);
                    if (style.TrueAiExtras) w.WriteString("thumbnail", media.Thumbnails[i]);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        w.WriteString("failReason", state.FailReason);

        w.WriteStartObject("properties");
        w.WriteString("finalPrompt", finalPrompt);
        if (style.GatewayShape)
        {
            w.WriteString("finalZhPrompt", "");
        }
        else
        {
            w.WriteString("notifyHook", task.NotifyHook);
            w.WriteString("discordInstanceId", InstanceId);
            if (style.TrueAiExtras) w.WriteString("discordChannelId", InstanceId);
            w.WriteString("botType", "MID_JOURNEY");
            w.WriteString("messageHash", task.JobHash);
            w.WriteString("messageId", (1_300_000_000_000_000_000UL + task.Seed % 100_000_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("nonce", (1_650_000_000_000_000_000UL + (ulong)task.Sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("flags", 0);
            if (task.ModalKind != ModalKind.None && style.TrueAiExtras) w.WriteBoolean("remix", true);
            if (task.ActionIndex > 0 && style.TrueAiExtras) w.WriteNumber("action_index", task.ActionIndex);
        }

        w.WriteEndObject();

        if (style.Buttons)
        {
            w.WriteStartArray("buttons");
            if (success)
            {
                foreach (Button button in task.Buttons)
                {
                    w.WriteStartObject();
                    w.WriteString("customId", button.CustomId);
                    w.WriteString("emoji", button.Emoji);
                    w.WriteString("label", button.Label);
                    w.WriteNumber("type", button.Type);
                    w.WriteNumber("style", button.Style);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        if (style.TrueAiExtras)
        {
            w.WriteString("mode", ModeName(task.Mode));
            w.WriteString("parentId", task.ParentId);
            w.WriteString("jobId", task.JobHash);
            w.WriteString("botType", "MID_JOURNEY");
            w.WriteString("version", "v " + task.Info.VersionText);
            if (success && task.Result is ResultKind.Grid or ResultKind.Upscale)
            {
                w.WriteNumber("width", task.Width);
                w.WriteNumber("height", task.Height);
            }
        }

        if (style.GatewayShape)
        {
            w.WriteString("customId", "");
            w.WriteString("botType", "");
            w.WriteString("maskBase64", "");
        }

        w.WriteEndObject();
    }

    public static string ModeName(SpeedMode mode) => mode switch
    {
        SpeedMode.Turbo => "TURBO",
        SpeedMode.Relax => "RELAX",
        _ => "FAST",
    };

    private static void WriteTime(Utf8JsonWriter w, string name, long? value, TaskJsonStyle style)
    {
        if (value is long ms) w.WriteNumber(name, ms);
        else if (style.GatewayShape) w.WriteNumber(name, 0);
        else w.WriteNull(name);
    }
}
