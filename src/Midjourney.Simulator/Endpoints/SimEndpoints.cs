using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Http;
using Midjourney.Simulator.Images;

namespace Midjourney.Simulator.Endpoints;

/// <summary>The simulator's own routes under <c>/sim/</c>: stats, reset, task schedules, images and attachments. No auth, no faults.</summary>
internal sealed class SimEndpoints
{
    private const string Gone = "This content is no longer available.";
    private readonly SimulatorServices _services;

    public SimEndpoints(SimulatorServices services) => _services = services;

    public Task StatsAsync(HttpContext context)
    {
        SimulatorStats stats = _services.Stats();
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, stats, SimJsonContext.Default.SimulatorStats, context.RequestAborted);
    }

    public Task ResetAsync(HttpContext context)
    {
        _services.Reset();
        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("ok", true);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>GET /sim/accounts</c> → <c>{"usable":true}</c>; <c>POST /sim/accounts?usable=false</c> takes every account away
    /// (submits answer "no usable account") and <c>?usable=true</c> gives them back.
    /// </summary>
    public Task AccountsAsync(HttpContext context)
    {
        string? usable = context.Request.Query["usable"];
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!bool.TryParse(usable, out bool value))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("POST /sim/accounts needs ?usable=true or ?usable=false.", context.RequestAborted);
            }

            _services.Engine.Accounts.Usable = value;
        }

        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("usable", _services.Engine.Accounts.Usable);
            w.WriteEndObject();
        });
    }

    /// <summary>Every stored task with its fixed schedule (epoch ms), oldest first.</summary>
    public Task TasksAsync(HttpContext context)
    {
        long now = _services.Clock.NowMs();
        var tasks = _services.Engine.Store.All();
        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartArray();
            foreach (SimTask task in tasks)
            {
                TaskSchedule schedule = task.Schedule;
                TaskState state = TaskState.Observe(schedule, now);
                w.WriteStartObject();
                w.WriteString("id", task.Id);
                w.WriteString("action", task.Action);
                w.WriteString("status", state.Status);
                w.WriteString("progress", state.Progress);
                w.WriteString("mode", Json.MjTaskJson.ModeName(task.Mode));
                w.WriteString("prompt", task.Prompt);
                w.WriteString("parentId", task.ParentId);
                w.WriteString("messageHash", task.JobHash);
                w.WriteBoolean("modal", schedule.IsModal);
                w.WriteNumber("submitAt", task.SubmitTime);
                if (!schedule.IsModal)
                {
                    w.WriteNumber("startAt", schedule.StartAt);
                    w.WriteNumber("runAt", schedule.RunAt);
                    w.WriteNumber("endAt", schedule.EndAt);
                    w.WriteNumber("slot", schedule.Slot);
                }

                w.WriteBoolean("succeeds", schedule.Succeeds);
                w.WriteString("failReason", schedule.FailReason);
                w.WriteString("notifyHook", task.NotifyHook);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary><c>/sim/images/{taskId}/{file}?ex=&amp;is=&amp;hm=</c>: the task's rendered PNGs (APNG for videos).</summary>
    public async Task ImageAsync(HttpContext context)
    {
        string taskId = (string)context.Request.RouteValues["taskId"]!;
        string file = (string)context.Request.RouteValues["file"]!;
        if (!await CheckSignatureAsync(context, MediaLinks.ImagesPrefix + taskId)) return;
        SimTask? task = _services.Engine.Store.Get(taskId);
        byte[]? bytes = task is null ? null : Render(task, file);
        if (bytes is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        bool video = file.StartsWith("video_", StringComparison.Ordinal);
        bool webp = !video && (_services.Options.WebpImages || string.Equals(context.Request.Query["format"], "webp", StringComparison.OrdinalIgnoreCase));
        if (webp)
        {
            bytes = _services.Images.GetOrRender(task!.Id + "/" + file + ".webp", () => WebpEncoder.FromPng(bytes));
        }

        context.Response.ContentType = video ? "image/apng" : webp ? "image/webp" : "image/png";
        context.Response.ContentLength = bytes.Length;
        context.Response.Headers.CacheControl = "public, max-age=86400";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary><c>/sim/attachments/{id}/{file}</c>: uploaded images served back.</summary>
    public async Task AttachmentAsync(HttpContext context)
    {
        string id = (string)context.Request.RouteValues["id"]!;
        string file = (string)context.Request.RouteValues["file"]!;
        if (!await CheckSignatureAsync(context, MediaLinks.AttachmentsPrefix + id)) return;
        byte[]? bytes = _services.Uploads.Get(id);
        if (bytes is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = UploadStore.ContentTypeOf(bytes);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task<bool> CheckSignatureAsync(HttpContext context, string folder)
    {
        IQueryCollection query = context.Request.Query;
        UrlVerdict verdict = _services.Links.Signer.Check(folder, query["ex"], query["is"], query["hm"], _services.Clock.NowMs());
        if (verdict == UrlVerdict.Valid) return true;
        // Discord answers expired or tampered links with 403 and this text.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(Gone, context.RequestAborted);
        return false;
    }

    private byte[]? Render(SimTask task, string file)
    {
        int w = task.Width, h = task.Height;
        string key = task.Id + "/" + file;
        if (file == MediaFiles.Grid) return _services.Images.GetOrRender(key, () => PngWriter.Encode(TileArt.Grid(task.ArtSeed, w, h)));
        if (file == MediaFiles.Upscale) return _services.Images.GetOrRender(key, () => PngWriter.Encode(TileArt.Tile(task.ArtSeed, task.ArtTile, w, h)));
        if (file == MediaFiles.Preview)
        {
            return _services.Images.GetOrRender(key, () => task.Result == ResultKind.Grid
                ? PngWriter.Encode(TileArt.Grid(task.ArtSeed, Math.Max(8, w / 4), Math.Max(8, h / 4), dim: true))
                : PngWriter.Encode(TileArt.Tile(task.ArtSeed, Math.Max(0, task.ArtTile), 64, 64)));
        }

        int index = IndexOf(file, "tile_");
        if (index >= 0 && index < 4) return _services.Images.GetOrRender(key, () => PngWriter.Encode(TileArt.Tile(task.ArtSeed, index, w / 2, h / 2)));
        index = IndexOf(file, "thumb_");
        if (index >= 0 && index < 4)
        {
            int tile = task.Result == ResultKind.Grid ? index : Math.Max(0, task.ArtTile);
            return _services.Images.GetOrRender(key, () => PngWriter.Encode(TileArt.Tile(task.ArtSeed, tile, Math.Max(8, w / 4), Math.Max(8, h / 4))));
        }

        index = IndexOf(file, "video_");
        if (index >= 0 && index < Math.Min(4, task.VideoCount))
        {
            int tile = (Math.Max(0, task.ArtTile) + index) % 4;
            return _services.Images.GetOrRender(key, () => PngWriter.EncodeAnimated(TileArt.Frames(task.ArtSeed, tile, 96, 8), 125));
        }

        return null;
    }

    private static int IndexOf(string file, string prefix)
    {
        if (!file.StartsWith(prefix, StringComparison.Ordinal) || !file.EndsWith(".png", StringComparison.Ordinal)) return -1;
        return int.TryParse(file.AsSpan(prefix.Length, file.Length - prefix.Length - 4), out int index) ? index : -1;
    }
}
