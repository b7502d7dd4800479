using System;
using System.Globalization;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>What a MODAL task waits for, how to finish it, and the warning about it (given once per task).</summary>
internal static class ModalStep
{
    /// <summary>Custom Zoom takes <c>--zoom N</c> with 1 &lt; N ≤ 2 (reference §2.6).</summary>
    private const double MaxZoom = 2;

    /// <summary>What a MODAL task needs.</summary>
    internal enum Need
    {
        /// <summary>Vary (Region): a mask and a prompt.</summary>
        MaskAndPrompt,

        /// <summary>Custom Zoom: a prompt with <c>--zoom</c>.</summary>
        Zoom,

        /// <summary>A remix click or a describe/shorten pick: nothing; the suggested prompt can go on as it is.</summary>
        Nothing,

        /// <summary>A MODAL variation whose button is unknown: a Vary (Region) or a remix.</summary>
        MaskOrNothing,
    }

    /// <summary>
    /// What <paramref name="task"/> needs: from the button that made it when known, else from its action
    /// (gateways name <c>INPAINT</c> and <c>CUSTOM_ZOOM</c>; a MODAL <c>ZOOM</c> is always a Custom Zoom).
    /// </summary>
    public static Need NeedOf(MjTask task, MjButtonKind? clicked)
    {
        switch (clicked)
        {
            case MjButtonKind.VaryRegion:
                return Need.MaskAndPrompt;
            case MjButtonKind.CustomZoom:
                return Need.Zoom;
            case null or MjButtonKind.Unknown:
                break;
            default:
                return Need.Nothing;
        }

        var action = (task.Action ?? string.Empty).ToUpperInvariant();
        return action switch
        {
            "INPAINT" => Need.MaskAndPrompt,
            "ZOOM" or "CUSTOM_ZOOM" => Need.Zoom,
            "VARIATION" => Need.MaskOrNothing,
            _ => Need.Nothing,
        };
    }

    /// <summary>True for the clicks that always go MODAL and are finished in the same call: 1️⃣–4️⃣ of a describe, a shorten pick.</summary>
    public static bool IsPromptPick(MjButtonKind kind) => kind is MjButtonKind.DescribePick or MjButtonKind.ShortenPick;

    /// <summary>
    /// Writes the MODAL warning for <paramref name="task"/> (emitted before it) unless this connection already gave it
    /// or a Submit-MjModal further down the pipeline took the task on (<see cref="TakenOn"/>).
    /// </summary>
    public static void Warn(MjConnection connection, MjTask task, MjButton? clicked, ICommandOutput output) =>
        output.WriteModalWarning(new ModalNotice(connection, task.Id, Warning(task, clicked)));

    /// <summary>Submit-MjModal is finishing the step of task <paramref name="taskId"/>: no warning about it is due any more.</summary>
    public static void TakenOn(MjConnection connection, string taskId) => connection.FirstModalNotice(taskId);

    /// <summary>The warning: what the task waits for and the command that finishes it.</summary>
    public static string Warning(MjTask task, MjButton? clicked)
    {
        var what = clicked is not null ? $"{clicked.DisplayName} of task {clicked.TaskId}"
            : task.ParentId is not null ? $"{task.Action ?? "?"} of task {task.ParentId}"
            : task.Action ?? "?";
        var waits = NeedOf(task, clicked?.Kind) switch
        {
            Need.MaskAndPrompt => "waits for a mask and a prompt",
            Need.Zoom => "waits for a prompt with --zoom",
            Need.Nothing => "waits for its prompt to be confirmed",
            _ => "waits for input",
        };
        return $"Task {task.Id} ({what}) {waits} (MODAL) and will not move by itself. {HowToFinish(task, clicked?.Kind)}";
    }

    /// <summary>The command that finishes the MODAL step, with what this task needs.</summary>
    public static string HowToFinish(MjTask task, MjButtonKind? clicked)
    {
        var suggested = SuggestedPrompt(task);
        switch (NeedOf(task, clicked))
        {
            case Need.MaskAndPrompt:
                return $"Finish it with: Submit-MjModal -Id {task.Id} -MaskPath mask.png -Prompt '...' "
                    + "(the mask is a PNG of the image's size: white repaints, black keeps).";
            case Need.Zoom:
                var example = PromptParameters.Number(suggested, "zoom") is > 1 and <= MaxZoom ? suggested! : $"{(suggested is null ? "..." : PromptParameters.Without(suggested, "zoom"))} --zoom 1.5";
                return $"Finish it with: Submit-MjModal -Id {task.Id} -Prompt {SubmitFlow.Quote(example)} (--zoom between 1 and 2).";
            case Need.Nothing:
                var keep = suggested is null ? "the suggested prompt" : "the suggested prompt " + SubmitFlow.Quote(suggested);
                return $"It needs nothing more: Submit-MjModal -Id {task.Id} sends it on with {keep}; add -Prompt '...' to change it. "
                    + "Invoke-MjButton -UseSuggestedPrompt does this in the same call.";
            default:
                return $"A remixed variation needs nothing more: Submit-MjModal -Id {task.Id}. "
                    + $"A Vary (Region) needs a mask and a prompt: Submit-MjModal -Id {task.Id} -MaskPath mask.png -Prompt '...'.";
        }
    }

    /// <summary>The prompt the server suggests for a MODAL task (TrueAI's <c>properties.finalPrompt</c>, else its prompt), or null.</summary>
    public static string? SuggestedPrompt(MjTask task)
    {
        var suggested = task.Properties.TryGetValue("finalPrompt", out var value) ? value as string : null;
        return !string.IsNullOrWhiteSpace(suggested) ? suggested!.Trim()
            : !string.IsNullOrWhiteSpace(task.Prompt) ? task.Prompt!.Trim()
            : null;
    }

    /// <summary>Custom Zoom: the prompt must hold <c>--zoom N</c> with 1 &lt; N ≤ 2; checked before the click.</summary>
    public static void CheckZoomPrompt(string? prompt)
    {
        var zoom = PromptParameters.Number(prompt, "zoom");
        if (zoom is double n && n > 1 && n <= MaxZoom)
        {
            return;
        }

        var found = zoom is double bad ? $"it has --zoom {bad.ToString(CultureInfo.InvariantCulture)}"
            : PromptParameters.Has(prompt, "zoom") ? "its --zoom has no number"
            : "it has no --zoom";
        throw new InvalidInputException(
            $"Custom Zoom needs --zoom N in the prompt with N above 1 and at most 2, e.g. -Prompt '{(PromptParameters.Without(prompt, "zoom") + " --zoom 1.5").Trim()}'; {found}. Nothing was sent.",
            prompt);
    }
}
