using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Invoke-MjButton: a button, or a task plus a label, index or customId.</summary>
internal sealed class InvokeButtonOptions : SubmitOptions
{
    /// <summary>-Button (set Button).</summary>
    public MjButton? Button { get; set; }

    /// <summary>-Task (sets Label, Index, CustomId).</summary>
    public MjTask? Task { get; set; }

    /// <summary>-Id: the task is read from the server the journal says made it (when <see cref="Task"/> is null).</summary>
    public string? TaskId { get; set; }

    /// <summary>-Label: labels, emoji or kind names; each is clicked.</summary>
    public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

    /// <summary>One label: the same as <see cref="Labels"/> with that one entry.</summary>
    public string? Label
    {
        get => Labels.Count == 1 ? Labels[0] : null;
        set => Labels = value is null ? Array.Empty<string>() : new[] { value };
    }

    /// <summary>-Index 1–4, with <see cref="Kind"/>.</summary>
    public int? Index { get; set; }

    /// <summary>-Kind (default Upscale).</summary>
    public MjButtonKind Kind { get; set; } = MjButtonKind.Upscale;

    /// <summary>-CustomId.</summary>
    public string? CustomId { get; set; }

    /// <summary>-Prompt: finishes a MODAL step (Custom Zoom, remix, Vary (Region)).</summary>
    public string? Prompt { get; set; }

    /// <summary>-MaskPath: a PNG mask file (resolved) for Vary (Region).</summary>
    public string? MaskPath { get; set; }

    /// <summary>-UseSuggestedPrompt: a click that goes MODAL (Remix on) is sent on with the server's suggested prompt.</summary>
    public bool UseSuggestedPrompt { get; set; }

    /// <summary>-Region: areas to repaint (Vary (Region)), as strings or dictionaries.</summary>
    public IList<object>? Regions { get; set; }

    /// <summary>-Invert: repaint everything except the regions.</summary>
    public bool Invert { get; set; }
}

/// <summary>
/// Invoke-MjButton: clicks a button. A MODAL child is finished in the same call when it can be: with -Prompt/-MaskPath,
/// with -UseSuggestedPrompt, and always for a describe or shorten pick (1️⃣–4️⃣), which imagines that suggestion.
/// Otherwise the MODAL task is emitted with a warning that says what it needs.
/// </summary>
internal sealed class InvokeButtonOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public InvokeButtonOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>
    /// Finds every button the input names (all of them before the first click, so a wrong label clicks nothing) and
    /// checks the input, then clicks each in turn, asking ShouldProcess per click. Without -Wait each click's tasks
    /// are emitted as it is made; with -Wait the tasks of every click are waited for together.
    /// </summary>
    public Task ProcessAsync(InvokeButtonOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = options.TaskId is { } taskId && options.Task is null
            ? await Connections.ForTaskAsync(options.Connection, taskId.Trim(), output, cancellationToken).ConfigureAwait(false)
            : Connections.Resolve(options.Connection, options.Task?.Server ?? options.Button?.Server);
        IReadOnlyList<MjButton> buttons = Array.Empty<MjButton>();
        WaitSettings? settings = null;
        var found = await TryItemAsync(output, (object?)options.Task ?? (object?)options.Button ?? options.TaskId, async () =>
        {
            if (options.Task is null && options.TaskId is { } id)
            {
                options.Task = await connection.Client.GetTaskAsync(id.Trim(), cancellationToken).ConfigureAwait(false);
            }

            settings = options.WaitSettings();
            if (options.Prompt is not null)
            {
                PromptChecks.Check(options.Prompt, options.SkipParameterCheck);
            }

            buttons = options.Button is { } given ? new[] { given } : FindButtons(options);
            foreach (var button in buttons)
            {
                CheckModalInput(button, options);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!found || settings is null)
        {
            return;
        }

        var waitFor = new List<MjTask>();
        foreach (var button in buttons)
        {
            // One click failing (the server refuses it) is an error for that click; the others still go.
            await TryItemAsync(output, (object?)options.Task ?? button, async () =>
            {
                var made = await ClickAsync(connection, button, options, output, cancellationToken).ConfigureAwait(false);
                if (options.Wait)
                {
                    // MODAL tasks never move by themselves: they are reported now, with what their button needs.
                    await SubmitFlow.EmitAsync(connection, made.Where(t => t.NeedsInput).ToList(), wait: false, settings, output, cancellationToken, button).ConfigureAwait(false);
                    waitFor.AddRange(made.Where(t => !t.NeedsInput));
                }
                else
                {
                    await SubmitFlow.EmitAsync(connection, made, wait: false, settings, output, cancellationToken, button).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        if (waitFor.Count > 0)
        {
            // With the command's other inputs when it collects them (piped tasks): all are waited for at its end.
            await SubmitFlow.EmitAsync(connection, waitFor, wait: true, settings, output, cancellationToken, later: options.WaitLater).ConfigureAwait(false);
        }
    });

    /// <summary>Prepares the mask, asks ShouldProcess and clicks one button; returns the tasks to emit (none for -WhatIf or a no).</summary>
    private static async Task<IReadOnlyList<MjTask>> ClickAsync(MjConnection connection, MjButton button, InvokeButtonOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        var mask = await PrepareMaskAsync(connection.Client, button, options, output, cancellationToken).ConfigureAwait(false);
        if (!await output.ShouldProcessAsync($"{button.DisplayName} of task {button.TaskId} on {connection.Uri}", "Click button").ConfigureAwait(false))
        {
            return Array.Empty<MjTask>();
        }

        var client = connection.Client;
        var children = await client.ClickAsync(button, options.ApplyTo(new MjClickOptions()), cancellationToken).ConfigureAwait(false);
        if (children.Count == 0)
        {
            output.WriteWarning(button.Kind == MjButtonKind.Bookmark
                ? $"{button.DisplayName} of task {button.TaskId} created no task: a bookmark only marks the image on the server. Nothing was emitted."
                : $"{button.DisplayName} of task {button.TaskId} created no task. Nothing was emitted.");
            return children;
        }

        var results = new List<MjTask>();
        foreach (var child in children)
        {
            output.WriteVerbose($"Clicked {button.DisplayName}: task {child.Id} ({child.Action ?? "?"}, {child.Status}).");
            try
            {
                results.Add(await FinishModalAsync(client, button, child, options, mask, output, cancellationToken).ConfigureAwait(false));
            }
            catch (ModalStepFailedException e)
            {
                // The MODAL task exists: emit it too, so nothing is lost, and say how to finish it.
                output.WriteObject(child);
                output.WriteError(ErrorMapping.FromException(e, child));
                connection.FirstModalNotice(child.Id);
            }
        }

        return results;
    }

    /// <summary>Checks before the click what a MODAL step will need, so a bad input leaves no half-done task behind.</summary>
    private static void CheckModalInput(MjButton button, InvokeButtonOptions options)
    {
        if (options.UseSuggestedPrompt && (options.Prompt is not null || options.MaskPath is not null || options.Regions is { Count: > 0 }))
        {
            throw new InvalidInputException("-UseSuggestedPrompt sends the server's prompt as it is; give it, or -Prompt/-MaskPath/-Region, not both.", null);
        }

        if (options.Regions is { Count: > 0 } && button.Kind != MjButtonKind.VaryRegion)
        {
            throw new InvalidInputException($"-Region draws a Vary (Region) mask, but {button.DisplayName} is a {button.Kind} button. Click 'Vary (Region)' with -Region.", button);
        }

        switch (button.Kind)
        {
            case MjButtonKind.CustomZoom when options.UseSuggestedPrompt:
                throw new InvalidInputException("Custom Zoom needs -Prompt with --zoom N (N above 1, at most 2), e.g. -Prompt 'red mug --zoom 1.5'; -UseSuggestedPrompt cannot choose the zoom.", null);
            case MjButtonKind.CustomZoom when options.Prompt is not null:
                ModalStep.CheckZoomPrompt(options.Prompt);
                break;
            case MjButtonKind.VaryRegion when options.UseSuggestedPrompt:
                throw new InvalidInputException("Vary (Region) needs a mask (-Region, or -MaskPath: a PNG of the image's size, white repaints, black keeps) and -Prompt; -UseSuggestedPrompt gives neither.", null);
            case MjButtonKind.VaryRegion when options.Prompt is not null && options.MaskPath is null && options.Regions is not { Count: > 0 }:
                throw new InvalidInputException("Vary (Region) needs -Region (the areas to repaint, e.g. '25%,25%,50%,50%') or -MaskPath (a PNG of the image's size: white repaints, black keeps). Nothing was clicked.", null);
        }
    }

    /// <summary>
    /// The mask for a Vary (Region) click, built or fitted at the clicked image's real size BEFORE the click, so a
    /// wrong mask never leaves a paid or MODAL task behind; null without mask input.
    /// </summary>
    private static async Task<string?> PrepareMaskAsync(MjClient client, MjButton button, InvokeButtonOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        var mask = new MaskOptions { Regions = options.Regions, Invert = options.Invert, MaskPath = options.MaskPath };
        if (!mask.Any && !options.Invert)
        {
            return null;
        }

        await MaskInputs.CheckAsync(mask, cancellationToken).ConfigureAwait(false);
        var image = options.Task is { } task && task.Id == button.TaskId ? task : await client.GetTaskAsync(button.TaskId, cancellationToken).ConfigureAwait(false);
        return await MaskInputs.PrepareAsync(client, image, mask, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The buttons the options name, each once, in the order given; MjButtonNotFound for the first that is not there.</summary>
    private static IReadOnlyList<MjButton> FindButtons(InvokeButtonOptions options)
    {
        var task = options.Task ?? throw new InvalidInputException("Give -Button, or -Task with -Label, -Index or -CustomId.", null);
        if (!string.IsNullOrEmpty(options.CustomId))
        {
            // customIds are opaque server values: one the task does not list is still clicked as given.
            return new[]
            {
                task.Buttons.FirstOrDefault(b => string.Equals(b.CustomId, options.CustomId, StringComparison.Ordinal))
                    ?? new MjButton(task.Id, options.CustomId!),
            };
        }

        if (task.Status != MjTaskStatus.Success)
        {
            throw new InvalidInputException(
                $"Task {task.Id} is {task.Status}; its buttons can be clicked only after it succeeds. Wait for it first (Wait-MjTask, or -Wait).",
                task, MjErrorCategory.InvalidOperation);
        }

        if (options.Index is int index)
        {
            return new[] { MjButtonFinder.Find(task, options.Kind, index) };
        }

        var labels = options.Labels.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (labels.Count == 0)
        {
            throw new InvalidInputException("Give -Label, -Index or -CustomId with -Task.", task);
        }

        // The same button named twice (U1, U1) is clicked once: a second click would pay for the same job again.
        var buttons = new List<MjButton>();
        foreach (var label in labels)
        {
            var button = MjButtonFinder.Find(task, label);
            if (!buttons.Any(b => string.Equals(b.CustomId, button.CustomId, StringComparison.Ordinal)))
            {
                buttons.Add(button);
            }
        }

        return buttons;
    }

    /// <summary>
    /// Finishes the MODAL step of <paramref name="child"/> when the input says how; returns the task to emit.
    /// Throws <see cref="ModalStepFailedException"/> when the step fails after the click.
    /// </summary>
    private static async Task<MjTask> FinishModalAsync(MjClient client, MjButton button, MjTask child, InvokeButtonOptions options, string? mask, ICommandOutput output, CancellationToken cancellationToken)
    {
        var hasInput = !string.IsNullOrEmpty(options.Prompt) || mask is not null;
        if (!child.NeedsInput)
        {
            if (hasInput)
            {
                output.WriteWarning($"Task {child.Id} did not ask for input, so -Prompt/-MaskPath were not used.");
            }

            return child;
        }

        var sendSuggested = !hasInput && (options.UseSuggestedPrompt || ModalStep.IsPromptPick(button.Kind));
        if (!hasInput && !sendSuggested)
        {
            return child; // emitted with the warning of what it needs
        }

        try
        {
            var prompt = sendSuggested ? await SuggestedPromptAsync(client, button, child, options.Task, cancellationToken).ConfigureAwait(false) : options.Prompt;
            var request = options.ApplyTo(new MjModalRequest(child.Id) { Prompt = prompt, MaskBase64 = mask, ParentId = child.ParentId ?? button.TaskId });
            var submitted = await client.SubmitModalAsync(request, cancellationToken).ConfigureAwait(false);
            output.WriteVerbose(sendSuggested
                ? $"Sent task {child.Id} on with the suggested prompt {SubmitFlow.Quote(prompt)}: {submitted.Action ?? "?"}, {submitted.Status}."
                : $"Finished the MODAL step of task {child.Id}: {submitted.Action ?? "?"}, {submitted.Status}.");
            return submitted;
        }
        catch (Exception e) when (IsItemFailure(e, cancellationToken))
        {
            throw new ModalStepFailedException(child, button, e);
        }
    }

    /// <summary>
    /// The prompt to send a MODAL child on with: the describe suggestion the pick names, else what the server
    /// suggests for the child (read back when the click's answer did not carry it); null lets the server choose.
    /// </summary>
    private static async Task<string?> SuggestedPromptAsync(MjClient client, MjButton button, MjTask child, MjTask? parent, CancellationToken cancellationToken)
    {
        if (button.Kind == MjButtonKind.DescribePick && button.Index is int pick && parent is not null && parent.Prompts.Count >= pick)
        {
            return parent.Prompts[pick - 1];
        }

        return ModalStep.SuggestedPrompt(child)
            ?? ModalStep.SuggestedPrompt(await client.GetTaskAsync(child.Id, cancellationToken).ConfigureAwait(false));
    }
}
