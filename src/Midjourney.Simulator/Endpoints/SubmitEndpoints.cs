using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Endpoints;

/// <summary>The submit endpoints that start new work: imagine, blend, describe, shorten, video, edits, upload.</summary>
internal sealed class SubmitEndpoints
{
    private readonly SimulatorServices _services;

    public SubmitEndpoints(SimulatorServices services) => _services = services;

    public async Task ImagineAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Imagine(context, request));
    }

    private SubmitOutcome Imagine(HttpContext context, SubmitRequest request)
    {
        string prompt = request.Prompt?.Trim() ?? "";
        if (prompt.Length == 0) return SubmitOutcome.Invalid("prompt不能为空");
        if (!TryStoreImages(request.Base64Array, allowUrls: _services.Profile.TrueAiBehaviour, out List<string> ids)) return SubmitOutcome.Invalid("base64格式错误");
        prompt = WithUploadedImages(context, request.Base64Array, ids, prompt);
        PromptInfo info = PromptInfo.Parse(prompt);
        return SubmitChecked(prompt, new TaskDraft
        {
            Action = TaskActions.Imagine,
            Prompt = prompt,
            Description = "/imagine " + prompt,
            Result = ResultKind.Grid,
            Mode = Answer.ModeOf(context, info.Mode, _services.Options.DefaultMode),
            State = request.State,
            NotifyHook = request.NotifyHook,
        });
    }

    public async Task BlendAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        int count = request.Base64Array?.Count ?? 0;
        double? ratio = request.Dimensions?.ToUpperInvariant() switch
        {
            null or "SQUARE" => 1.0,
            "PORTRAIT" => 2.0 / 3.0,
            "LANDSCAPE" => 3.0 / 2.0,
            _ => null,
        };
        if (ratio is null)
        {
            // TA fails model binding on an unknown enum; the others answer code 4.
            if (_services.Profile.TrueAiBehaviour) await _services.Profile.WriteBadBodyAsync(context, "The JSON value could not be converted to BlendDimensions. Path: $.dimensions");
            else await Answer.OutcomeAsync(context, _services, SubmitOutcome.Invalid("dimensions参数错误"));
            return;
        }

        SubmitOutcome outcome;
        if (count < 2 || count > 5) outcome = SubmitOutcome.Invalid("base64List参数错误，需要 2 到 5 张图片");
        else if (!TryStoreImages(request.Base64Array, allowUrls: false, out _)) outcome = SubmitOutcome.Invalid("base64格式错误");
        else
        {
            string prompt = request.Dimensions is null ? "" : "--ar " + (request.Dimensions.ToUpperInvariant() switch { "PORTRAIT" => "2:3", "LANDSCAPE" => "3:2", _ => "1:1" });
            outcome = _services.Engine.Submit(new TaskDraft
            {
                Action = TaskActions.Blend,
                Prompt = prompt,
                Description = "/blend {id} " + count,
                Result = ResultKind.Grid,
                Mode = Answer.ModeOf(context, null, _services.Options.DefaultMode),
                AspectRatio = ratio,
                State = request.State,
                NotifyHook = request.NotifyHook,
            });
        }

        await Answer.OutcomeAsync(context, _services, outcome);
    }

    public async Task DescribeAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        SubmitOutcome outcome;
        string? source = null;
        if (!string.IsNullOrWhiteSpace(request.Base64))
        {
            if (Base64Image.TryDecode(request.Base64, _services.Profile.RequiresDataUrl, out byte[] bytes))
            {
                source = _services.Links.Attachment(_services.BaseUrlOf(context), _services.Uploads.Add(bytes), _services.Clock.NowMs());
            }
        }
        else if (_services.Profile.TrueAiBehaviour && Base64Image.IsUrl(request.Link))
        {
            source = request.Link;
        }

        if (source is null) outcome = SubmitOutcome.Invalid(string.IsNullOrWhiteSpace(request.Link) ? "base64格式错误" : "链接格式错误");
        else
        {
            outcome = _services.Engine.Submit(new TaskDraft
            {
                Action = TaskActions.Describe,
                Prompt = "",
                Description = "/describe image.png",
                Result = ResultKind.Describe,
                Mode = Answer.ModeOf(context, null, _services.Options.DefaultMode),
                SourceImageUrl = source,
                State = request.State,
                NotifyHook = request.NotifyHook,
            });
        }

        await Answer.OutcomeAsync(context, _services, outcome);
    }

    public async Task ShortenAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        string prompt = request.Prompt?.Trim() ?? "";
        SubmitOutcome outcome = prompt.Length == 0
            ? SubmitOutcome.Invalid("prompt不能为空")
            : SubmitChecked(prompt, new TaskDraft
            {
                Action = TaskActions.Shorten,
                Prompt = prompt,
                Description = "/shorten " + prompt,
                Result = ResultKind.Shorten,
                Mode = Answer.ModeOf(context, PromptInfo.Parse(prompt).Mode, _services.Options.DefaultMode),
                State = request.State,
                NotifyHook = request.NotifyHook,
            });
        await Answer.OutcomeAsync(context, _services, outcome);
    }

    public async Task VideoAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Video(context, request));
    }

    private SubmitOutcome Video(HttpContext context, SubmitRequest request)
    {
        string prompt = request.Prompt?.Trim() ?? "";
        if (prompt.Length == 0) return SubmitOutcome.Invalid("prompt不能为空");
        int count = request.BatchSize ?? 4;
        if (count is not (1 or 2 or 4)) return SubmitOutcome.Invalid("batchSize参数错误");
        if (request.Motion is not null && request.Motion is not ("low" or "high")) return SubmitOutcome.Invalid("motion参数错误");
        PromptInfo info = PromptInfo.Parse(prompt);
        string? parentId = null;
        (ulong, int)? art = null;
        if (request.Action is not null || request.TaskId is not null)
        {
            if (!string.Equals(request.Action, "extend", StringComparison.OrdinalIgnoreCase)) return SubmitOutcome.Invalid("任务类型错误");
            SimTask? parent = request.TaskId is null ? null : _services.Engine.Store.Get(request.TaskId);
            if (parent is null) return SubmitOutcome.NotFound();
            if (parent.StateAt(_services.Clock.NowMs()).Status != TaskStatuses.Success || parent.Result != ResultKind.Video) return SubmitOutcome.Invalid("关联任务状态错误");
            if (request.Index is not (>= 0 and <= 3)) return SubmitOutcome.Invalid("index参数错误");
            parentId = parent.Id;
            art = (parent.ArtSeed, request.Index.Value);
        }
        else if (!TryStoreImage(request.Image, allowUrl: true))
        {
            return SubmitOutcome.Invalid("image不能为空或格式错误");
        }

        return SubmitChecked(prompt, new TaskDraft
        {
            Action = TaskActions.Video,
            Prompt = prompt,
            Description = "/video " + prompt,
            Result = ResultKind.Video,
            Mode = Answer.ModeOf(context, info.Mode, _services.Options.DefaultMode),
            VideoCount = count,
            ParentId = parentId,
            InheritedArt = art,
            State = request.State,
            NotifyHook = request.NotifyHook,
        });
    }

    public async Task EditsAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        string prompt = request.Prompt?.Trim() ?? "";
        SubmitOutcome outcome;
        if (prompt.Length == 0) outcome = SubmitOutcome.Invalid("prompt不能为空");
        else if (!TryStoreImage(request.Image, allowUrl: true)) outcome = SubmitOutcome.Invalid("image不能为空或格式错误");
        else
        {
            outcome = SubmitChecked(prompt, new TaskDraft
            {
                Action = TaskActions.Edit,
                Prompt = prompt,
                Description = "/edit " + prompt,
                Result = ResultKind.Grid,
                Mode = Answer.ModeOf(context, PromptInfo.Parse(prompt).Mode, _services.Options.DefaultMode),
                State = request.State,
                NotifyHook = request.NotifyHook,
            });
        }

        await Answer.OutcomeAsync(context, _services, outcome);
    }

    public async Task UploadAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        SubmitOutcome outcome;
        if (request.Base64Array is not { Count: > 0 }) outcome = SubmitOutcome.Invalid("base64Array不能为空");
        else if (!TryStoreImages(request.Base64Array, allowUrls: false, out List<string> ids)) outcome = SubmitOutcome.Invalid("base64格式错误");
        else
        {
            string baseUrl = _services.BaseUrlOf(context);
            long now = _services.Clock.NowMs();
            outcome = new SubmitOutcome(OutcomeKind.Value) { Value = ids.ConvertAll(id => _services.Links.Attachment(baseUrl, id, now)) };
        }

        await Answer.OutcomeAsync(context, _services, outcome);
    }

    /// <summary>Applies the banned-word rule of the flavour, then submits.</summary>
    private SubmitOutcome SubmitChecked(string prompt, TaskDraft draft)
    {
        string? banned = _services.Banned.Find(prompt);
        if (banned is null) return _services.Engine.Submit(draft);
        if (!_services.Profile.BannedFailsLater) return new SubmitOutcome(OutcomeKind.Banned) { BannedWord = banned, PromptEn = prompt };
        return _services.Engine.Submit(draft with { BannedWord = banned });
    }

    /// <summary>
    /// The proxies upload every base64Array image to Discord and put its URL at the start of the prompt (reference
    /// §2.2), so the task's prompt and description show them.
    /// </summary>
    private string WithUploadedImages(HttpContext context, List<string>? inputs, List<string> ids, string prompt)
    {
        if (inputs is not { Count: > 0 }) return prompt;
        string baseUrl = _services.BaseUrlOf(context);
        long now = _services.Clock.NowMs();
        var urls = inputs.Where(Base64Image.IsUrl).Concat(ids.ConvertAll(id => _services.Links.Attachment(baseUrl, id, now)));
        return string.Join(" ", urls) + " " + prompt;
    }

    private bool TryStoreImages(List<string>? inputs, bool allowUrls, out List<string> ids)
    {
        ids = new List<string>();
        if (inputs is null) return true;
        foreach (string input in inputs)
        {
            if (allowUrls && Base64Image.IsUrl(input)) continue;
            if (!Base64Image.TryDecode(input, _services.Profile.RequiresDataUrl, out byte[] bytes)) return false;
            ids.Add(_services.Uploads.Add(bytes));
        }

        return true;
    }

    private bool TryStoreImage(string? input, bool allowUrl)
    {
        if (allowUrl && Base64Image.IsUrl(input)) return true;
        if (!Base64Image.TryDecode(input, _services.Profile.RequiresDataUrl, out byte[] bytes)) return false;
        _services.Uploads.Add(bytes);
        return true;
    }
}
