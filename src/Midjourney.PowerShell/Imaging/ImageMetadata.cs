using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Midjourney.Client;

namespace Midjourney.PowerShell.Imaging;

/// <summary>
/// The facts a saved image carries about its task: written into PNG text chunks (<c>Description</c> = the prompt,
/// <c>Comment</c> = one readable line, <c>Midjourney</c> = JSON with everything) and into <c>&lt;id&gt;.json</c>
/// sidecars, read back by Get-MjImageInfo. Never the API key: the server is scheme, host and port only.
/// </summary>
internal static class ImageMetadata
{
    /// <summary>The keyword of the JSON chunk.</summary>
    public const string JsonKeyword = "Midjourney";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>The facts of <paramref name="task"/>; <paramref name="tile"/> 1–4 for a tile file.</summary>
    public static MjImageInfo From(MjTask task, int? tile)
    {
        string? Property(string name) => task.Properties.TryGetValue(name, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        return new MjImageInfo
        {
            Prompt = task.Prompt,
            FinalPrompt = Property("finalPrompt"),
            TaskId = task.Id,
            ParentId = task.ParentId,
            Action = task.Action,
            JobId = Property("messageHash") ?? Property("jobId") ?? Property("job_id"),
            // The seed the task already carries (TrueAI keeps it in the task; Get-MjTask -Seed asked for it): no request.
            Seed = task.Seed ?? Property("seed"),
            Server = task.Server is null ? null : task.Server.GetLeftPart(UriPartial.Authority).Replace(task.Server.UserInfo + "@", string.Empty),
            Width = tile is null ? task.Width : null,
            Height = tile is null ? task.Height : null,
            Tile = tile,
            Buttons = tile is null ? Clickable(task) : Array.Empty<string>(),
        };
    }

    /// <summary>The names of the buttons that start new work (every button but ❤️), once each, in the server's order.</summary>
    public static string[] Clickable(MjTask task) =>
        task.Buttons.Where(b => b.Kind != MjButtonKind.Bookmark).Select(b => b.DisplayName).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>A copy of the facts for tile <paramref name="tile"/> of the same task.</summary>
    public static MjImageInfo ForTile(MjImageInfo grid, int tile) => new()
    {
        Prompt = grid.Prompt, FinalPrompt = grid.FinalPrompt, TaskId = grid.TaskId, ParentId = grid.ParentId, Action = grid.Action,
        JobId = grid.JobId, Seed = grid.Seed, Server = grid.Server, Tile = tile,
    };

    /// <summary>The JSON text of the facts (no path, no source).</summary>
    public static string ToJson(MjImageInfo info)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            void Put(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    writer.WriteString(name, value);
                }
            }

            Put("prompt", info.Prompt);
            Put("finalPrompt", info.FinalPrompt);
            Put("taskId", info.TaskId);
            Put("parentId", info.ParentId);
            Put("action", info.Action);
            Put("jobId", info.JobId);
            Put("seed", info.Seed);
            Put("server", info.Server);
            if (info.Tile is int tile)
            {
                writer.WriteNumber("tile", tile);
            }

            if (info.Buttons.Count > 0)
            {
                writer.WriteStartArray("buttons");
                foreach (var button in info.Buttons)
                {
                    writer.WriteStringValue(button);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Fills <paramref name="info"/> from JSON written by <see cref="ToJson"/>; false when it is not such JSON.</summary>
    public static bool TryFill(MjImageInfo info, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            string? Get(string name) => root.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
            info.Prompt = Get("prompt");
            info.FinalPrompt = Get("finalPrompt");
            info.TaskId = Get("taskId");
            info.ParentId = Get("parentId");
            info.Action = Get("action");
            info.JobId = Get("jobId");
            info.Seed = Get("seed");
            info.Server = Get("server");
            info.Tile = root.TryGetProperty("tile", out var tile) && tile.TryGetInt32(out var n) ? n : null;
            info.Buttons = root.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array
                ? buttons.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.String).Select(b => b.GetString()!).ToArray()
                : Array.Empty<string>();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The PNG text chunks for the facts.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PngTexts(MjImageInfo info)
    {
        var comment = new StringBuilder("Midjourney task ").Append(info.TaskId);
        if (info.Tile is int tile)
        {
            comment.Append(" tile ").Append(tile);
        }

        comment.Append(" (").Append(info.Action ?? "?").Append(')');
        if (!string.IsNullOrEmpty(info.Server))
        {
            comment.Append(" on ").Append(info.Server);
        }

        if (!string.IsNullOrEmpty(info.ParentId))
        {
            comment.Append(", parent ").Append(info.ParentId);
        }

        if (!string.IsNullOrEmpty(info.JobId))
        {
            comment.Append(", job ").Append(info.JobId);
        }

        if (!string.IsNullOrEmpty(info.Seed))
        {
            comment.Append(", seed ").Append(info.Seed);
        }

        var texts = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(info.Prompt))
        {
            texts.Add(new("Description", info.Prompt!));
        }

        texts.Add(new("Comment", comment.ToString()));
        texts.Add(new(JsonKeyword, ToJson(info)));
        return texts;
    }

    /// <summary>Adds the facts to a PNG file in place (other formats are left as they are; false then).</summary>
    public static bool WriteInto(string path, MjImageInfo info)
    {
        var bytes = File.ReadAllBytes(path);
        if (!ImageWork.IsPng(bytes))
        {
            return false;
        }

        var tagged = ImageWork.WritePngText(bytes, PngTexts(info));
        var temporary = path + ".partial";
        File.WriteAllBytes(temporary, tagged);
        File.Delete(path);
        File.Move(temporary, path);
        return true;
    }

    /// <summary>
    /// Reads the facts of an image file: its PNG chunks, else the sidecar <c>&lt;name&gt;.json</c> next to it. A file is
    /// data like a server's answer: its texts are made safe to show (<see cref="MjText"/>), the originals kept in
    /// <see cref="MjImageInfo.Raw"/>. With <paramref name="head"/> only the file's first bytes are read: enough for
    /// the size and for the chunks this module writes (right after IHDR), and far less than a whole picture when a
    /// folder of them is read.
    /// </summary>
    public static MjImageInfo Read(string path, int? head = null)
    {
        var info = new MjImageInfo { Path = path };
        var bytes = head is int count ? ImageFiles.ReadHead(path, count) : ImageFiles.Read(path);
        if (ImageWork.ReadSize(bytes) is { } size)
        {
            info.Width = size.Width;
            info.Height = size.Height;
        }

        if (ImageWork.ReadPngText(bytes, $"'{path}'").TryGetValue(JsonKeyword, out var json) && TryFill(info, json))
        {
            info.Source = "PngText";
        }
        else
        {
            FillFromSidecar(info, System.IO.Path.ChangeExtension(path, ".json"));
        }

        return Clean(info);
    }

    /// <summary>
    /// The facts of <paramref name="path"/> (a video, a numbered file) from the sidecar <paramref name="sidecar"/> of its
    /// task, made safe to show; Source None when there is no such sidecar.
    /// </summary>
    public static MjImageInfo ReadSidecar(string path, string sidecar)
    {
        var info = new MjImageInfo { Path = path };
        FillFromSidecar(info, sidecar);
        return Clean(info);
    }

    /// <summary>Fills <paramref name="info"/> from the sidecar file <paramref name="sidecar"/> when there is one that holds facts (Source Sidecar).</summary>
    private static void FillFromSidecar(MjImageInfo info, string sidecar)
    {
        if (File.Exists(sidecar) && TryFill(info, ImageFiles.ReadSidecar(sidecar)))
        {
            info.Source = "Sidecar";
        }
    }

    /// <summary>The facts with safe texts; <paramref name="info"/> itself when nothing needed cleaning, else a copy whose Raw is it.</summary>
    private static MjImageInfo Clean(MjImageInfo info)
    {
        var lines = new[] { info.TaskId, info.ParentId, info.Action, info.JobId, info.Seed, info.Server }.Concat(info.Buttons);
        if (MjText.IsClean(info.Prompt) && MjText.IsClean(info.FinalPrompt) && lines.All(MjText.IsCleanLine))
        {
            return info;
        }

        return new MjImageInfo
        {
            Path = info.Path,
            Width = info.Width,
            Height = info.Height,
            Prompt = MjText.Clean(info.Prompt),
            FinalPrompt = MjText.Clean(info.FinalPrompt),
            TaskId = MjText.CleanLine(info.TaskId),
            ParentId = MjText.CleanLine(info.ParentId),
            Action = MjText.CleanLine(info.Action),
            JobId = MjText.CleanLine(info.JobId),
            Seed = MjText.CleanLine(info.Seed),
            Server = MjText.CleanLine(info.Server),
            Tile = info.Tile,
            Buttons = info.Buttons.Select(b => MjText.CleanLine(b)!).ToArray(),
            Source = info.Source,
            Raw = info,
        };
    }
}
