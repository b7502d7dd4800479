using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>
/// Reads a task in either shape: the proxy task (reference §4.1) or the <c>TASK_STATUS_*</c> body (§5, §5.1).
/// Unknown fields are ignored; ids stay strings.
/// </summary>
internal static class TaskParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true };

    /// <summary>One task from a body; throws <see cref="JsonException"/> for anything that is not a task.</summary>
    public static MjTask ParseTask(byte[] body)
    {
        using var document = JsonDocument.Parse(body, DocumentOptions);
        return ParseTask(document.RootElement);
    }

    /// <summary>Every task of a list body: a JSON array, or an object wrapping one in <c>result</c>/<c>data</c>/<c>list</c>.</summary>
    public static IReadOnlyList<MjTask> ParseTaskList(byte[] body)
    {
        using var document = JsonDocument.Parse(body, DocumentOptions);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in new[] { "result", "data", "list", "content" })
            {
                if (root.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Array)
                {
                    root = inner;
                    break;
                }
            }
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Expected a JSON array of tasks.");
        }

        AnswerLimits.CheckTasks(root.GetArrayLength());
        var tasks = new List<MjTask>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                tasks.Add(ParseTask(item));
            }
        }

        return tasks;
    }

    public static MjTask ParseTask(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Expected a JSON object for a task.");
        }

        // Counts are checked before anything is built; the texts are made safe to show after (the raw task is kept).
        AnswerLimits.CheckTask(root);
        if (root.TryGetProperty("task", out var inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty("task_id", out _))
        {
            return TaskText.Clean(ParseTaskStatusShape(root, inner));
        }

        return TaskText.Clean(ParseProxyShape(root));
    }

    private static MjTask ParseProxyShape(JsonElement root)
    {
        var id = JsonValues.GetString(root, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new JsonException("The task has no id.");
        }

        var status = JsonValues.GetString(root, "status");
        var failReason = JsonValues.GetString(root, "failReason");
        var videoUrls = ReadUrls(root, "videoUrls");
        var videoUrl = JsonValues.GetString(root, "videoUrl");
        return new MjTask(id!)
        {
            Action = JsonValues.GetString(root, "action"),
            Status = StatusMapper.Map(status, failReason),
            RawStatus = status,
            Progress = StatusMapper.ParseProgress(JsonValues.GetString(root, "progress")),
            Prompt = JsonValues.GetString(root, "prompt"),
            PromptEn = JsonValues.GetString(root, "promptEn"),
            Description = JsonValues.GetString(root, "description"),
            State = JsonValues.GetString(root, "state"),
            SubmitTime = JsonValues.GetEpochMilliseconds(root, "submitTime"),
            StartTime = JsonValues.GetEpochMilliseconds(root, "startTime"),
            FinishTime = JsonValues.GetEpochMilliseconds(root, "finishTime"),
            FailReason = failReason,
            ImageUrl = JsonValues.GetString(root, "imageUrl"),
            ThumbnailUrl = JsonValues.GetString(root, "thumbnailUrl"),
            ImageUrls = ReadUrls(root, "imageUrls"),
            VideoUrl = videoUrl ?? (videoUrls.Count > 0 ? videoUrls[0] : null),
            VideoUrls = videoUrls.Count > 0 || videoUrl is null ? videoUrls : new[] { videoUrl },
            Properties = root.TryGetProperty("properties", out var props) ? JsonValues.ToDictionary(props) : new Dictionary<string, object?>(),
            Buttons = ReadButtons(root, id!),
            ParentId = JsonValues.GetString(root, "parentId"),
            Width = Dimension(root, "width", "imageWidth"),
            Height = Dimension(root, "height", "imageHeight"),

            // TrueAI 11 keeps the seed once it has one ("seed":"1234567890"), and names the account that ran the task.
            Seed = NonEmpty(JsonValues.GetString(root, "seed")),
            InstanceId = NonEmpty(JsonValues.GetString(root, "instanceId")),
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A positive pixel size under either name (TrueAI sends <c>width</c>/<c>height</c> or <c>imageWidth</c>/<c>imageHeight</c>), or null.</summary>
    private static int? Dimension(JsonElement root, string name, string alternative)
    {
        var value = JsonValues.GetInt64(root, name) ?? JsonValues.GetInt64(root, alternative);
        return value is > 0 and <= int.MaxValue ? (int)value : null;
    }

    private static MjTask ParseTaskStatusShape(JsonElement root, JsonElement task)
    {
        var id = JsonValues.GetString(task, "task_id");
        if (string.IsNullOrEmpty(id))
        {
            throw new JsonException("The task has no task_id.");
        }

        var status = JsonValues.GetString(task, "status");
        var images = ReadNamedUrls(root, "images", "image_url");
        var videos = ReadNamedUrls(root, "videos", "video_url");
        var taskType = JsonValues.GetString(task, "task_type");
        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["task_type"] = taskType };
        if (JsonValues.GetInt64(task, "eta") is long eta)
        {
            properties["eta"] = eta;
        }

        JsonElement debug = default;
        if (root.TryGetProperty("extra", out var extra) && extra.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in extra.EnumerateObject())
            {
                properties[property.Name] = JsonValues.ToPlain(property.Value);
            }

            extra.TryGetProperty("debug_info", out debug);
        }

        var reason = JsonValues.GetString(task, "reason");
        return new MjTask(id!)
        {
            Action = StatusMapper.ActionFromTaskType(taskType),
            Status = StatusMapper.Map(status),
            RawStatus = status,
            Progress = JsonValues.GetInt64(task, "progress_percent") is long p ? (int)Math.Max(0, Math.Min(100, p)) : null,
            FailReason = string.IsNullOrEmpty(reason) ? null : reason,
            ImageUrl = images.Count > 0 ? images[0] : null,
            ImageUrls = images,
            VideoUrl = videos.Count > 0 ? videos[0] : null,
            VideoUrls = videos,
            SubmitTime = JsonValues.GetEpochMilliseconds(debug, "submit_time_ms"),
            StartTime = JsonValues.GetEpochMilliseconds(debug, "execute_time_ms"),
            FinishTime = JsonValues.GetEpochMilliseconds(debug, "complete_time_ms"),
            Properties = properties,
        };
    }

    /// <summary>URLs given as strings or as objects with a <c>url</c> (TrueAI's <c>{url, thumbnail}</c>).</summary>
    private static IReadOnlyList<string> ReadUrls(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var urls = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            var url = item.ValueKind == JsonValueKind.Object ? JsonValues.GetString(item, "url") : JsonValues.AsString(item);
            if (!string.IsNullOrEmpty(url))
            {
                urls.Add(url!);
            }
        }

        return urls;
    }

    private static IReadOnlyList<string> ReadNamedUrls(JsonElement root, string arrayName, string urlName)
    {
        if (!root.TryGetProperty(arrayName, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var urls = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (JsonValues.GetString(item, urlName) is { Length: > 0 } url)
            {
                urls.Add(url);
            }
        }

        return urls;
    }

    private static IReadOnlyList<MjButton> ReadButtons(JsonElement root, string taskId)
    {
        if (!root.TryGetProperty("buttons", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            return Array.Empty<MjButton>();
        }

        var buttons = new List<MjButton>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            // Link buttons ("Web") have no customId and cannot be clicked through the API.
            if (JsonValues.GetString(item, "customId") is not { Length: > 0 } customId)
            {
                continue;
            }

            buttons.Add(new MjButton(
                taskId,
                customId,
                JsonValues.GetString(item, "label"),
                JsonValues.GetString(item, "emoji"),
                (int)(JsonValues.GetInt64(item, "style") ?? 2),
                (int)(JsonValues.GetInt64(item, "type") ?? 2)));
        }

        return buttons;
    }
}
