using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Midjourney.Client;

/// <summary>Writes request bodies (camelCase JSON; unset fields are left out).</summary>
internal static class RequestBodies
{
    /// <summary>The imagine body: <paramref name="prompt"/> already holds the URL image prompts; data images go in base64Array.</summary>
    public static byte[] Imagine(MjImagineRequest r, string prompt, string? state) => Write(w =>
    {
        w.WriteString("prompt", prompt);
        WriteArray(w, "base64Array", r.Images.Where(i => !MjImageData.IsUrl(i)).ToList());
        WriteBotType(w, r.BotType);
        WriteCommon(w, r, state);
    });

    public static byte[] Blend(MjBlendRequest r, string? state) => Write(w =>
    {
        WriteArray(w, "base64Array", r.Images);
        w.WriteString("dimensions", r.Dimensions.ToString().ToUpperInvariant());
        WriteBotType(w, r.BotType);
        WriteCommon(w, r, state);
    });

    public static byte[] Describe(MjDescribeRequest r, string? state) => Write(w =>
    {
        WriteIfSet(w, "base64", r.Image);
        WriteIfSet(w, "link", r.Link);
        WriteBotType(w, r.BotType);
        WriteCommon(w, r, state);
    });

    public static byte[] Shorten(MjShortenRequest r, string? state) => Write(w =>
    {
        w.WriteString("prompt", r.Prompt);
        WriteBotType(w, r.BotType);
        WriteCommon(w, r, state);
    });

    public static byte[] Video(MjVideoRequest r, string? state) => Write(w =>
    {
        w.WriteString("prompt", r.Prompt);
        WriteIfSet(w, "image", r.Image);
        WriteIfSet(w, "endImage", r.EndImage);
        WriteIfSet(w, "motion", r.Motion);
        if (r.Loop is bool loop)
        {
            w.WriteBoolean("loop", loop);
        }

        WriteIfSet(w, "videoType", r.VideoType);
        if (r.BatchSize is int batch)
        {
            w.WriteNumber("batchSize", batch);
        }

        WriteCommon(w, r, state);
    });

    public static byte[] Edit(MjEditRequest r, string? state) => Write(w =>
    {
        w.WriteString("prompt", r.Prompt);
        w.WriteString("image", r.Image);
        WriteCommon(w, r, state);
    });

    public static byte[] Modal(MjModalRequest r) => Write(w =>
    {
        w.WriteString("taskId", r.TaskId);
        WriteIfSet(w, "prompt", r.Prompt);
        WriteIfSet(w, "maskBase64", r.MaskBase64);
        WriteCommon(w, r, r.State);
    });

    public static byte[] Action(string taskId, string customId, MjClickOptions? options, string? state) => Write(w =>
    {
        w.WriteString("taskId", taskId);
        w.WriteString("customId", customId);
        if (options?.EnableRemix is bool remix)
        {
            w.WriteBoolean("enableRemix", remix);
        }

        WriteCommon(w, options, state);
    });

    public static byte[] Change(string taskId, string action, int index, MjSubmitRequest? options, string? state) => Write(w =>
    {
        w.WriteString("taskId", taskId);
        w.WriteString("action", action);
        w.WriteNumber("index", index);
        WriteCommon(w, options, state);
    });

    public static byte[] SimpleChange(string content, MjSubmitRequest? options, string? state) => Write(w =>
    {
        w.WriteString("content", content);
        WriteCommon(w, options, state);
    });

    public static byte[] UploadImages(IEnumerable<string> images) => Write(w => WriteArray(w, "base64Array", images));

    public static byte[] Ids(IEnumerable<string> ids) => Write(w => WriteArray(w, "ids", ids));

    /// <summary>Plus's <c>/mj/task/query</c>: one page, newest first, with the filters the server can apply.</summary>
    public static byte[] TaskQuery(int pageNumber, int pageSize, IReadOnlyList<string> statuses, string? action) => Write(w =>
    {
        w.WriteNumber("pageNumber", pageNumber);
        w.WriteNumber("pageSize", pageSize);
        w.WriteString("sort", "id,desc");
        if (statuses.Count > 0)
        {
            WriteArray(w, "statusSet", statuses);
        }

        WriteIfSet(w, "action", action);
    });

    private static void WriteCommon(Utf8JsonWriter w, MjSubmitRequest? r, string? state)
    {
        WriteIfSet(w, "state", state);
        WriteIfSet(w, "notifyHook", r?.NotifyHook);
    }

    private static void WriteBotType(Utf8JsonWriter w, BotType botType)
    {
        if (botType != BotType.Default)
        {
            w.WriteString("botType", botType == BotType.NijiJourney ? "NIJI_JOURNEY" : "MID_JOURNEY");
        }
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static byte[] Write(System.Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
