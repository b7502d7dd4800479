using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Endpoints;

/// <summary>Turns "a button pressed on a parent task" into the child task to create (§2.5).</summary>
internal static class ChildDrafts
{
    /// <summary>The child draft; <see cref="TaskDraft.Modal"/> tells whether it must wait in MODAL.</summary>
    public static TaskDraft Build(SimTask parent, ButtonKind kind, int index, SpeedMode mode, bool trueAi, bool remix, string? state, string? notifyHook)
    {
        double ratio = (double)parent.Width / parent.Height;
        string action;
        ResultKind result = ResultKind.Grid;
        (ulong, int)? art = null;
        ModalKind modal = ModalKind.None;
        string prompt = parent.Prompt;
        string description = "/up " + parent.Id + " " + Label(kind);
        string? suggested = null;

        switch (kind)
        {
            case ButtonKind.Upscale:
            case ButtonKind.VideoUpscale:
                action = TaskActions.Upscale;
                result = ResultKind.Upscale;
                art = (parent.ArtSeed, index - 1);
                description = "/up " + parent.Id + " U" + index;
                break;
            case ButtonKind.UpscaleHd:
                action = trueAi ? TaskActions.UpscaleHd : TaskActions.Upscale;
                result = ResultKind.Upscale;
                art = (parent.ArtSeed, parent.ArtTile < 0 ? 0 : parent.ArtTile);
                break;
            case ButtonKind.Variation:
                action = TaskActions.Variation;
                description = "/up " + parent.Id + " V" + index;
                break;
            case ButtonKind.LowVariation:
            case ButtonKind.HighVariation:
            case ButtonKind.Inpaint:
                action = TaskActions.Variation;
                if (kind == ButtonKind.Inpaint) modal = ModalKind.Inpaint;
                break;
            case ButtonKind.Reroll:
                // TA labels a reroll with the parent's action (IMAGINE for an upscale); NZ/PLUS say REROLL.
                action = !trueAi ? TaskActions.Reroll
                    : parent.Action is TaskActions.Upscale or TaskActions.UpscaleHd ? TaskActions.Imagine : parent.Action;
                if (parent.Result == ResultKind.Video) result = ResultKind.Video;
                description = "/up " + parent.Id + " R";
                break;
            case ButtonKind.ZoomOut:
                action = TaskActions.Zoom;
                break;
            case ButtonKind.MakeSquare:
                action = TaskActions.Zoom;
                ratio = 1.0;
                break;
            case ButtonKind.CustomZoom:
                action = TaskActions.Zoom;
                modal = ModalKind.CustomZoom;
                suggested = parent.Prompt + " --zoom 2";
                break;
            case ButtonKind.Pan:
                action = TaskActions.Pan;
                break;
            case ButtonKind.Animate:
            case ButtonKind.AnimateExtend:
                action = TaskActions.Video;
                result = ResultKind.Video;
                art = (parent.ArtSeed, parent.ArtTile < 0 ? 0 : parent.ArtTile);
                break;
            case ButtonKind.PicreadRetry:
                action = TaskActions.Describe;
                result = ResultKind.Describe;
                prompt = "";
                description = "/describe image.png";
                break;
            default:
                // PicReader::n and PromptAnalyzer::n: an IMAGINE waiting for its (pre-filled) prompt.
                action = TaskActions.Imagine;
                modal = ModalKind.PromptPick;
                prompt = SuggestionText.Pick(parent.ResultText, index);
                suggested = prompt;
                description = "/imagine " + prompt;
                ratio = 1.0;
                break;
        }

        if (modal == ModalKind.None && remix && CustomIdClassifier.IsRemixable(kind)) modal = ModalKind.Remix;
        return new TaskDraft
        {
            Action = action,
            Prompt = prompt,
            Description = description,
            Result = result,
            Mode = mode,
            ParentId = parent.Id,
            Modal = modal,
            FinalPrompt = modal == ModalKind.None ? null : suggested ?? prompt,
            AspectRatio = result == ResultKind.Video ? 1.0 : ratio,
            InheritedArt = art,
            SourceImageUrl = kind == ButtonKind.PicreadRetry ? parent.SourceImageUrl : null,
            ActionIndex = index,
            VideoCount = parent.Result == ResultKind.Video ? parent.VideoCount : 4,
            State = state,
            NotifyHook = notifyHook,
        };
    }

    private static string Label(ButtonKind kind) => kind switch
    {
        ButtonKind.UpscaleHd => "Upscale (HD)",
        ButtonKind.LowVariation => "Vary (Subtle)",
        ButtonKind.HighVariation => "Vary (Strong)",
        ButtonKind.Inpaint => "Vary (Region)",
        ButtonKind.ZoomOut => "Zoom Out",
        ButtonKind.MakeSquare => "Make Square",
        ButtonKind.CustomZoom => "Custom Zoom",
        ButtonKind.Pan => "Pan",
        ButtonKind.Animate => "Animate",
        ButtonKind.AnimateExtend => "Extend",
        _ => kind.ToString(),
    };
}
