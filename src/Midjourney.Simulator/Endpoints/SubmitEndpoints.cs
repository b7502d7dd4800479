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
        // TA's imagine catches NewTask's LogicException itself and answers code 4 (the other routes: the -1 envelope).
        if (_services.Gate.Refusal(context, request) is { } refusal) return SubmitOutcome.Invalid(refusal);
        if (!TryStoreImages(request.Base64Array, allowUrls: TrueAi, out List<string> ids)) return SubmitOutcome.Invalid("base64格式错误");
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
        double? ratio = request.Dimensions?.ToUpperInvariant() switch
        {
            null or "SQUARE" => 1.0,
            "PORTRAIT" => 2.0 / 3.0,
            "LANDSCAPE" => 3.0 / 2.0,
            _ => null,
        };
        if (ratio is null && TrueAi)
        {
            // TA's dimensions is an enum: an unknown value fails model binding before the controller runs.
            await _services.Profile.WriteBadBodyAsync(context,
                ModelBindingText.NotConvertible(request.Raw.Span, "dimensions", "System.Nullable`1[Midjourney.Base.BlendDimensions]"));
            return;
        }

        await Answer.OutcomeAsync(context, _services, Blend(context, request, ratio));
    }

    private SubmitOutcome Blend(HttpContext context, SubmitRequest request, double? ratio)
    {
        if (ratio is null) return SubmitOutcome.Invalid("dimensions参数错误");
        int count = request.Base64Array?.Count ?? 0;
        if (count < 2 || count > 5) return SubmitOutcome.Invalid(TrueAi ? "图片参数错误，2~5张图片" : "base64List参数错误，需要 2 到 5 张图片");
        // "dimensions": null replaces the DTO's default SQUARE; every server checks it right after the image count.
        if (request.DimensionsNull) return SubmitOutcome.Invalid("dimensions参数错误");
        if (!TryStoreImages(request.Base64Array, allowUrls: false, out _)) return SubmitOutcome.Invalid("base64格式错误");
        if (_services.Gate.Refusal(context, request) is { } refusal) return SubmitOutcome.LogicError(refusal);
        string prompt = request.Dimensions is null ? "" : "--ar " + (request.Dimensions.ToUpperInvariant() switch { "PORTRAIT" => "2:3", "LANDSCAPE" => "3:2", _ => "1:1" });
        return _services.Engine.Submit(new TaskDraft
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

    public async Task DescribeAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Describe(context, request));
    }

    private SubmitOutcome Describe(HttpContext context, SubmitRequest request)
    {
        bool hasBase64 = !string.IsNullOrWhiteSpace(request.Base64);
        bool hasLink = TrueAi && !string.IsNullOrWhiteSpace(request.Link);
        if (TrueAi)
        {
            // TA checks the link's form even when base64 is given (and then uses the base64).
            if (!hasBase64 && !hasLink) return SubmitOutcome.Invalid("base64或link不能为空");
            if (hasLink && !IsHttpLink(request.Link!)) return SubmitOutcome.Invalid("链接格式错误");
        }

        string? source;
        if (hasBase64)
        {
            if (!Base64Image.TryDecode(request.Base64, _services.Profile.RequiresDataUrl, out byte[] bytes)) return SubmitOutcome.Invalid("base64格式错误");
            source = _services.Links.Attachment(_services.BaseUrlOf(context), _services.Uploads.Add(bytes), _services.Clock.NowMs());
        }
        else if (hasLink)
        {
            source = request.Link;
        }
        else
        {
            return SubmitOutcome.Invalid("base64格式错误");
        }

        if (_services.Gate.Refusal(context, request) is { } refusal) return SubmitOutcome.LogicError(refusal);
        return _services.Engine.Submit(new TaskDraft
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

    public async Task ShortenAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Shorten(context, request));
    }

    private SubmitOutcome Shorten(HttpContext context, SubmitRequest request)
    {
        // TA checks nothing before NewTask and the account; an empty prompt would only fail at Discord.
        if (_services.Gate.Refusal(context, request) is { } refusal) return SubmitOutcome.LogicError(refusal);
        if (_services.Engine.Accounts.RefuseSubmit() is { } refused) return refused;
        string prompt = request.Prompt?.Trim() ?? "";
        if (prompt.Length == 0) return SubmitOutcome.Invalid("prompt不能为空");
        return SubmitChecked(prompt, new TaskDraft
        {
            Action = TaskActions.Shorten,
            Prompt = prompt,
            Description = "/shorten " + prompt,
            Result = ResultKind.Shorten,
            Mode = Answer.ModeOf(context, PromptInfo.Parse(prompt).Mode, _services.Options.DefaultMode),
            State = request.State,
            NotifyHook = request.NotifyHook,
        });
    }

    public async Task VideoAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Video(context, request));
    }

    /// <summary>TA's order: prompt, images, NewTask, the parent of an extend, the account; then what Discord would refuse.</summary>
    private SubmitOutcome Video(HttpContext context, SubmitRequest request)
    {
        string prompt = request.Prompt?.Trim() ?? "";
        if (prompt.Length == 0) return SubmitOutcome.Invalid("Prompt 不能为空");
        if (!IsImageOrEmpty(request.Image) || !IsImageOrEmpty(request.EndImage)) return SubmitOutcome.Invalid("base64格式错误");
        if (_services.Gate.Refusal(context, request) is { } refusal) return SubmitOutcome.LogicError(refusal);

        SimTask? parent = null;
        if (!string.IsNullOrWhiteSpace(request.TaskId))
        {
            if (!string.Equals(request.Action, "extend", StringComparison.Ordinal)) return SubmitOutcome.Invalid("任务类型错误");
            parent = _services.Engine.Store.Get(request.TaskId);
            if (parent is null) return SubmitOutcome.NotFound();
            if (parent.StateAt(_services.Clock.NowMs()).Status != TaskStatuses.Success) return SubmitOutcome.Invalid("关联任务状态错误");
        }

        bool extend = string.Equals(request.Action, "extend", StringComparison.OrdinalIgnoreCase);
        if (extend && parent is null) return SubmitOutcome.Unavailable("目标任务不存在");
        if (_services.Engine.Accounts.RefuseSubmit() is { } refused) return refused;

        int count = request.BatchSize ?? 4;
        if (count is not (1 or 2 or 4)) return SubmitOutcome.Invalid("batchSize参数错误");
        if (request.Motion is not null && request.Motion is not ("low" or "high")) return SubmitOutcome.Invalid("motion参数错误");
        (ulong, int)? art = null;
        if (parent is not null)
        {
            if (parent.Result != ResultKind.Video) return SubmitOutcome.Invalid("关联任务状态错误");
            if (request.Index is not (>= 0 and <= 3)) return SubmitOutcome.Invalid("index参数错误");
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
            Mode = Answer.ModeOf(context, PromptInfo.Parse(prompt).Mode, _services.Options.DefaultMode),
            VideoCount = count,
            ParentId = parent?.Id,
            InheritedArt = art,
            State = request.State,
            NotifyHook = request.NotifyHook,
        });
    }

    public Task EditsAsync(HttpContext context) => EditLikeAsync(context, TaskActions.Edit, "/edit ");

    /// <summary>TA's <c>/mj/submit/retexture</c>: the same body and checks as edits, action RETEXTURE.</summary>
    public Task RetextureAsync(HttpContext context) => EditLikeAsync(context, TaskActions.Retexture, "/retexture ");

    private async Task EditLikeAsync(HttpContext context, string action, string command)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, EditLike(context, request, action, command));
    }

    private SubmitOutcome EditLike(HttpContext context, SubmitRequest request, string action, string command)
    {
        string prompt = request.Prompt?.Trim() ?? "";
        if (prompt.Length == 0 || string.IsNullOrWhiteSpace(request.Image)) return SubmitOutcome.Invalid("image或prompt不能为空");
        if (!TryStoreImage(request.Image, allowUrl: true)) return SubmitOutcome.Invalid("base64格式错误");
        if (_services.Gate.Refusal(context, request) is { } refusal) return SubmitOutcome.LogicError(refusal);
        return SubmitChecked(prompt, new TaskDraft
        {
            Action = action,
            Prompt = prompt,
            Description = command + prompt,
            Result = ResultKind.Grid,
            Mode = Answer.ModeOf(context, PromptInfo.Parse(prompt).Mode, _services.Options.DefaultMode),
            State = request.State,
            NotifyHook = request.NotifyHook,
        });
    }

    public async Task UploadAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        SubmitOutcome outcome;
        if (request.Base64Array is not { Count: > 0 }) outcome = SubmitOutcome.Invalid(TrueAi ? "base64 参数错误" : "base64Array不能为空");
        else if (!TryStoreImages(request.Base64Array, allowUrls: false, out List<string> ids)) outcome = SubmitOutcome.Invalid("base64格式错误");
        else if ((TrueAi ? _services.Engine.Accounts.RefuseUpload() : _services.Engine.Accounts.RefuseSubmit()) is { } refused) outcome = refused;
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

    private bool TrueAi => _services.Profile.TrueAiBehaviour;

    /// <summary>TA's describe accepts a link matching <c>^https?://.+</c>.</summary>
    private static bool IsHttpLink(string link) =>
        (link.StartsWith("http://", StringComparison.Ordinal) && link.Length > 7) || (link.StartsWith("https://", StringComparison.Ordinal) && link.Length > 8);

    /// <summary>TA's <c>DataUrl.Parse</c> of an optional image: empty, a URL, or decodable base64 (data URL or bare).</summary>
    private static bool IsImageOrEmpty(string? input) =>
        string.IsNullOrWhiteSpace(input) || input.StartsWith("http", StringComparison.OrdinalIgnoreCase) || Base64Image.TryDecode(input, requireDataUrl: false, out _);

    private bool TryStoreImage(string? input, bool allowUrl)
    {
        if (allowUrl && Base64Image.IsUrl(input)) return true;
        if (!Base64Image.TryDecode(input, _services.Profile.RequiresDataUrl, out byte[] bytes)) return false;
        _services.Uploads.Add(bytes);
        return true;
    }
}
