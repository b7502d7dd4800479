using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;
using Midjourney.Simulator.Http;
using Midjourney.Simulator.Images;

namespace Midjourney.Simulator.Endpoints;

/// <summary>Follow-up work on an existing task: action (buttons), modal, and the legacy change / simple-change.</summary>
internal sealed class ActionEndpoints
{
    private readonly SimulatorServices _services;

    public ActionEndpoints(SimulatorServices services) => _services = services;

    public async Task ActionAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Action(context, request));
    }

    private SubmitOutcome Action(HttpContext context, SubmitRequest request)
    {
        bool trueAi = _services.Profile.TrueAiBehaviour;
        if (trueAi && (string.IsNullOrWhiteSpace(request.TaskId) || string.IsNullOrWhiteSpace(request.CustomId))) return SubmitOutcome.Invalid("参数错误");
        if (string.IsNullOrWhiteSpace(request.TaskId)) return SubmitOutcome.Invalid("taskId不能为空");
        if (string.IsNullOrWhiteSpace(request.CustomId)) return SubmitOutcome.Invalid("customId不能为空");
        string customId = request.CustomId;
        (ButtonKind kind, int index) = CustomIdClassifier.Classify(customId);
        if (_services.Profile.Flavor == SimulatorFlavor.Gateway && !CustomIdClassifier.GatewayAccepts(kind))
        {
            return new SubmitOutcome(OutcomeKind.UnknownAction, "unknown_action:" + customId);
        }

        SimTask? parent = _services.Engine.Store.Get(request.TaskId);
        if (parent is null) return SubmitOutcome.NotFound();
        if (parent.StateAt(_services.Clock.NowMs()).Status != TaskStatuses.Success) return SubmitOutcome.Invalid("关联任务状态错误");
        if (_services.Gate.Refusal(context, request) is { } refusal) return SubmitOutcome.LogicError(refusal);
        if (!_services.Profile.RoutesButton(kind)) return SubmitOutcome.Invalid("未知的 Action 类型");
        // TA chooses the account next; a button the parent does not carry would only fail at Discord.
        if (_services.Engine.Accounts.RefuseSubmit() is { } refused) return refused;
        if (!parent.Buttons.Any(b => b.CustomId == customId)) return SubmitOutcome.Invalid("未知的 Action 类型");

        if (kind == ButtonKind.PicReaderAll) return ImagineAll(context, parent, request);

        SpeedMode mode = Answer.ModeOf(context, null, parent.Mode);
        bool remix = _services.Options.Remix || (trueAi && request.EnableRemix == true);
        TaskDraft draft = ChildDrafts.Build(parent, kind, index, mode, trueAi, remix, request.State, request.NotifyHook);
        return draft.Modal == ModalKind.None ? _services.Engine.Submit(draft) : _services.Engine.CreateModal(draft);
    }

    /// <summary>TA "🎉 Imagine all": up to four IMAGINE tasks; result is their comma-joined ids.</summary>
    private SubmitOutcome ImagineAll(HttpContext context, SimTask parent, SubmitRequest request)
    {
        var ids = new List<string>(4);
        for (int n = 1; n <= 4; n++)
        {
            string prompt = SuggestionText.Pick(parent.ResultText, n);
            SubmitOutcome one = _services.Engine.Submit(new TaskDraft
            {
                Action = TaskActions.Imagine,
                Prompt = prompt,
                Description = "/imagine " + prompt,
                Result = ResultKind.Grid,
                Mode = Answer.ModeOf(context, null, parent.Mode),
                ParentId = parent.Id,
                State = request.State,
                NotifyHook = request.NotifyHook,
            });
            if (one.TaskId is null) break;
            ids.Add(one.TaskId);
        }

        return ids.Count == 0 ? SubmitOutcome.QueueFull() : SubmitOutcome.ValueOf(string.Join(',', ids), "成功");
    }

    public async Task ModalAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Modal(request), newTask: false);
    }

    private SubmitOutcome Modal(SubmitRequest request)
    {
        bool trueAi = _services.Profile.TrueAiBehaviour;
        if (string.IsNullOrWhiteSpace(request.TaskId)) return SubmitOutcome.Invalid(trueAi ? "参数错误" : "taskId不能为空");
        SimTask? task = _services.Engine.Store.Get(request.TaskId);
        if (task is null) return SubmitOutcome.NotFound();
        if (!trueAi && !task.Schedule.IsModal) return SubmitOutcome.Invalid("任务状态错误，任务不在 MODAL 状态");

        string prompt = string.IsNullOrWhiteSpace(request.Prompt) ? task.FinalPrompt : request.Prompt.Trim();
        if (string.IsNullOrWhiteSpace(prompt)) return SubmitOutcome.Invalid("prompt不能为空");

        // TA does not look at the status: it submits the modal of the task's parent, and a task that is not waiting in
        // MODAL (an imagine, say) has none to answer (code 3 at HTTP 200).
        if (!task.Schedule.IsModal) return SubmitOutcome.Unavailable("目标任务不存在");
        if (_services.Engine.Accounts.RefuseSubmit() is { } refused) return refused;

        if (task.ModalKind == ModalKind.Inpaint)
        {
            SimTask? parent = task.ParentId is null ? null : _services.Engine.Store.Get(task.ParentId);
            if (!Base64Image.TryDecode(request.MaskBase64, requireDataUrl: false, out byte[] mask) || !PngInspector.TryReadSize(mask, out int width, out int height))
            {
                return SubmitOutcome.Invalid("maskBase64格式错误，需要 PNG 图片");
            }

            if (parent is not null && (width != parent.Width || height != parent.Height))
            {
                return SubmitOutcome.Invalid(string.Create(CultureInfo.InvariantCulture, $"蒙版尺寸错误：需要 {parent.Width}x{parent.Height}，收到 {width}x{height}"));
            }
        }

        if (task.ModalKind == ModalKind.CustomZoom)
        {
            double? zoom = PromptInfo.Parse(prompt).Zoom;
            if (zoom is not double z || !(z > 1 && z <= 2)) return SubmitOutcome.Invalid("Custom Zoom 需要 --zoom N，且 1 < N ≤ 2");
        }

        string? banned = _services.Banned.Find(prompt);
        if (banned is not null)
        {
            if (!_services.Profile.BannedFailsLater) return new SubmitOutcome(OutcomeKind.Banned) { BannedWord = banned, PromptEn = prompt };
            task.BannedWord = banned;
        }

        return _services.Engine.SubmitModal(task, prompt);
    }

    public async Task ChangeAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        await Answer.OutcomeAsync(context, _services, Change(context, request.TaskId, request.Action, request.Index, request.State, request.NotifyHook));
    }

    public async Task SimpleChangeAsync(HttpContext context)
    {
        SubmitRequest? request = await Answer.ReadBodyAsync(context, _services);
        if (request is null) return;
        // "<taskId> U2" / "<taskId> V3" / "<taskId> R", exactly one space, case-insensitive.
        string[] parts = (request.Content ?? "").Trim().Split(' ');
        SubmitOutcome outcome;
        if (parts.Length != 2 || parts[0].Length == 0 || !TryParseCommand(parts[1], out string action, out int index))
        {
            outcome = SubmitOutcome.Invalid("content参数错误");
        }
        else
        {
            outcome = Change(context, parts[0], action, index, request.State, request.NotifyHook);
        }

        await Answer.OutcomeAsync(context, _services, outcome);
    }

    private SubmitOutcome Change(HttpContext context, string? taskId, string? action, int? index, string? state, string? notifyHook)
    {
        if (string.IsNullOrWhiteSpace(taskId)) return SubmitOutcome.Invalid("taskId不能为空");
        ButtonKind kind = action?.ToUpperInvariant() switch
        {
            "UPSCALE" => ButtonKind.Upscale,
            "VARIATION" => ButtonKind.Variation,
            "REROLL" => ButtonKind.Reroll,
            _ => ButtonKind.Unknown,
        };
        if (kind == ButtonKind.Unknown) return SubmitOutcome.Invalid("action参数错误");
        int n = index ?? 0;
        if (kind != ButtonKind.Reroll && (n < 1 || n > 4)) return SubmitOutcome.Invalid("index参数错误，取值 1-4");
        SimTask? parent = _services.Engine.Store.Get(taskId);
        if (parent is null) return SubmitOutcome.NotFound();
        if (parent.StateAt(_services.Clock.NowMs()).Status != TaskStatuses.Success) return SubmitOutcome.Invalid("关联任务状态错误");
        if (!TaskActions.IsGrid(parent.Action)) return SubmitOutcome.Invalid("关联任务不允许执行变化");
        SpeedMode mode = Answer.ModeOf(context, null, parent.Mode);
        TaskDraft draft = ChildDrafts.Build(parent, kind, kind == ButtonKind.Reroll ? 0 : n, mode, _services.Profile.TrueAiBehaviour, remix: false, state, notifyHook);
        return _services.Engine.Submit(draft);
    }

    private static bool TryParseCommand(string command, out string action, out int index)
    {
        action = "";
        index = 0;
        if (command.Length == 1 && char.ToUpperInvariant(command[0]) == 'R')
        {
            action = "REROLL";
            return true;
        }

        if (command.Length != 2 || command[1] < '1' || command[1] > '4') return false;
        index = command[1] - '0';
        action = char.ToUpperInvariant(command[0]) switch { 'U' => "UPSCALE", 'V' => "VARIATION", _ => "" };
        return action.Length > 0;
    }
}
