using System;
using System.Globalization;
using System.Text.Json;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Images;

namespace Midjourney.Simulator.Json;

/// <summary>Writes the taskapi gateway's fetch body: <c>{task:{…TASK_STATUS_*…}, images:[…], videos:[], audios:[], extra:{…}}</c>.</summary>
internal static class TaskApiJson
{
    private static readonly string[] UpscaleFiles = { MediaFiles.Upscale };
    private static readonly JsonEncodedText ImageUrlName = JsonEncodedText.Encode("image_url");

    public static void Write(Utf8JsonWriter w, SimTask task, TaskState state, string baseUrl, MediaLinks links, long now, TimeSpan imageTtl)
    {
        bool success = state.Status == TaskStatuses.Success;
        w.WriteStartObject();
        w.WriteStartObject("task");
        w.WriteString("task_id", task.Id);
        w.WriteString("task_type", TaskType(task));
        w.WriteString("status", Status(state.Status));
        w.WriteString("reason", state.FailReason ?? "");
        long remainingMs = state.IsTerminal ? 0 : Math.Max(0, task.Schedule.EndAt - now);
        w.WriteNumber("eta", (remainingMs + 999) / 1000);
        w.WriteNumber("progress_percent", success ? 100 : state.Status == TaskStatuses.InProgress ? state.Percent : 0);
        w.WriteEndObject();

        w.WriteStartArray("images");
        if (success)
        {
            TaskMedia media = links.ForTask(baseUrl, task, state.FinishTime!.Value);
            string ttl = ((long)imageTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            string[] files = task.Result == ResultKind.Grid ? MediaFiles.Tiles : UpscaleFiles;
            foreach (string file in files)
            {
                w.WriteStartObject();
                media.WriteProperty(w, ImageUrlName, file);
                w.WriteString("image_url_ttl", ttl);
                w.WriteString("image_type", "png");
                w.WriteNull("nsfw_detection_result");
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("videos");
        w.WriteEndArray();
        w.WriteStartArray("audios");
        w.WriteEndArray();

        w.WriteStartObject("extra");
        w.WriteStartArray("has_nsfw_contents");
        w.WriteEndArray();
        w.WriteString("seed", task.ImageSeed);
        w.WriteBoolean("enable_nsfw_detection", false);
        w.WriteStartObject("debug_info");
        w.WriteString("request_info", "");
        w.WriteString("submit_time_ms", task.SubmitTime.ToString(CultureInfo.InvariantCulture));
        w.WriteString("execute_time_ms", state.StartTime?.ToString(CultureInfo.InvariantCulture) ?? "");
        w.WriteString("complete_time_ms", state.FinishTime?.ToString(CultureInfo.InvariantCulture) ?? "");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>NOT_START/SUBMITTED → QUEUED, IN_PROGRESS → PROCESSING, SUCCESS → SUCCEED, FAILURE → FAILED.</summary>
    public static string Status(string status) => status switch
    {
        TaskStatuses.InProgress => "TASK_STATUS_PROCESSING",
        TaskStatuses.Success => "TASK_STATUS_SUCCEED",
        TaskStatuses.Failure => "TASK_STATUS_FAILED",
        _ => "TASK_STATUS_QUEUED",
    };

    private static string TaskType(SimTask task)
    {
        string kind = task.Action switch
        {
            TaskActions.Imagine => "TEXT_TO_IMAGE",
            TaskActions.Upscale => "UPSCALE",
            TaskActions.Variation => "VARIATION",
            TaskActions.Reroll => "REROLL",
            _ => task.Action,
        };
        return "MIDJOURNEY_" + kind + "_" + MjTaskJson.ModeName(task.Mode) + "_MODE";
    }
}
