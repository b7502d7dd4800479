using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

public sealed partial class MjClient
{
    /// <summary>
    /// Clicks a button of a finished task, found by label (<c>U1</c>, <c>Vary (Region)</c>), emoji (<c>🔄</c>),
    /// kind (<c>PanLeft</c>) or customId. Returns the task(s) the click created: usually one; none for a bookmark;
    /// several for TrueAI's "Imagine all". A task in <see cref="MjTaskStatus.Modal"/> needs <see cref="SubmitModalAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<MjTask>> ClickAsync(MjTask task, string button, MjClickOptions? options = null, CancellationToken cancellationToken = default)
    {
        Require(task, nameof(task));
        if (task.Status != MjTaskStatus.Success)
        {
            throw new InvalidOperationException(
                $"Task {task.Id} is {task.Status}; its buttons can be clicked only after it succeeds. Wait for it first (WaitAsync, Wait-MjTask).");
        }

        return ClickAsync(MjButtonFinder.Find(task, button), options, cancellationToken);
    }

    /// <summary>
    /// Clicks a button. Real buttons go through <c>/mj/submit/action</c>; synthetic U/V/🔄 buttons (servers that send
    /// none) through <c>/mj/submit/change</c>. When the server lacks one endpoint the same intent goes through the other.
    /// </summary>
    public async Task<IReadOnlyList<MjTask>> ClickAsync(MjButton button, MjClickOptions? options = null, CancellationToken cancellationToken = default)
    {
        Require(button, nameof(button));
        var hasIntent = ChangeIntent.TryFrom(button, out var intent);
        if (button.IsSynthetic)
        {
            if (!hasIntent)
            {
                throw new MjException($"The synthetic button {button.DisplayName} has no /submit/change equivalent.");
            }

            if (Capabilities.HasChange != false)
            {
                try
                {
                    var tasks = await ChangeCoreAsync(button.TaskId, intent, options, cancellationToken).ConfigureAwait(false);
                    Capabilities.HasChange = true;
                    return tasks;
                }
                catch (MjApiException e) when (RouteMissing.Is(e))
                {
                    Capabilities.HasChange = false;
                }
            }

            // No change endpoint: the server must have real buttons; click the matching one.
            var parent = await GetTaskAsync(button.TaskId, cancellationToken).ConfigureAwait(false);
            var real = parent.Buttons.FirstOrDefault(b => !b.IsSynthetic && b.Kind == button.Kind && (button.Index is null || b.Index == button.Index))
                ?? throw new MjException($"{BaseAddress} has no /mj/submit/change, and task {button.TaskId} offers no real {button.DisplayName} button to click instead.");
            return await ActionCoreAsync(real, options, cancellationToken).ConfigureAwait(false);
        }

        if (Capabilities.HasAction != false)
        {
            try
            {
                var tasks = await ActionCoreAsync(button, options, cancellationToken).ConfigureAwait(false);
                Capabilities.HasAction = true;
                return tasks;
            }
            catch (MjApiException e) when (RouteMissing.Is(e))
            {
                Capabilities.HasAction = false;
            }
        }

        if (!hasIntent)
        {
            throw new MjException($"{BaseAddress} has no /mj/submit/action, and {button.DisplayName} ({button.Kind}) has no /submit/change equivalent: this server cannot click it.");
        }

        return await ChangeCoreAsync(button.TaskId, intent, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<MjTask>> ActionCoreAsync(MjButton button, MjClickOptions? options, CancellationToken cancellationToken)
    {
        var tasks = await SubmitManyAsync("action", options, ChildAction(button.Kind), null, button.TaskId, button.CustomId,
            state => RequestBodies.Action(button.TaskId, button.CustomId, options, state), cancellationToken).ConfigureAwait(false);

        // A bookmark creates nothing: TrueAI answers with the parent's own id.
        return tasks.Where(t => t.Id != button.TaskId).ToList();
    }

    private Task<IReadOnlyList<MjTask>> ChangeCoreAsync(string taskId, ChangeIntent intent, MjSubmitRequest? options, CancellationToken cancellationToken) =>
        SubmitManyAsync("change", options, intent.Action, null, taskId, null,
            state => RequestBodies.Change(taskId, intent.Action, intent.Index, options, state), cancellationToken);

    /// <summary>The action the child of a click will have, as the servers name it (reference §2.5).</summary>
    private static string ChildAction(MjButtonKind kind) => kind switch
    {
        MjButtonKind.Upscale or MjButtonKind.VideoUpscale => "UPSCALE",
        MjButtonKind.UpscaleSubtle or MjButtonKind.UpscaleCreative or MjButtonKind.Upscale2x or MjButtonKind.Upscale4x => "UPSCALE_HD",
        MjButtonKind.Variation or MjButtonKind.VarySubtle or MjButtonKind.VaryStrong or MjButtonKind.VaryRegion => "VARIATION",
        MjButtonKind.Reroll => "REROLL",
        MjButtonKind.ZoomOut2x or MjButtonKind.ZoomOut1_5x or MjButtonKind.MakeSquare or MjButtonKind.CustomZoom => "ZOOM",
        MjButtonKind.PanLeft or MjButtonKind.PanRight or MjButtonKind.PanUp or MjButtonKind.PanDown => "PAN",
        MjButtonKind.AnimateHigh or MjButtonKind.AnimateLow or MjButtonKind.AnimateManual or MjButtonKind.ExtendHigh or MjButtonKind.ExtendLow => "VIDEO",
        MjButtonKind.DescribePick or MjButtonKind.DescribeAll or MjButtonKind.ShortenPick => "IMAGINE",
        MjButtonKind.DescribeRetry => "DESCRIBE",
        _ => "ACTION",
    };
}
