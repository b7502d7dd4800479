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

    /// <summary>-Label: a label, emoji or kind name.</summary>
    public string? Label { get; set; }

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

    /// <summary>-Region: areas to repaint (Vary (Region)), as strings or dictionaries.</summary>
    public IList<object>? Regions { get; set; }

    /// <summary>-Invert: repaint everything except the regions.</summary>
    public bool Invert { get; set; }
}

/// <summary>
/// Invoke-MjButton: clicks a button; with -Prompt/-MaskPath finishes a MODAL step in the same call, without them
/// emits the MODAL task with a warning naming Submit-MjModal.
/// </summary>
internal sealed class InvokeButtonOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public InvokeButtonOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Finds the button and checks the input, then clicks (one pipeline record).</summary>
    public Task ProcessAsync(InvokeButtonOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection, options.Task?.Server ?? options.Button?.Server);
        await TryItemAsync(output, (object?)options.Task ?? options.Button, async () =>
        {
            var button = options.Button ?? FindButton(options);
            var mask = await PrepareMaskAsync(connection.Client, button, options, output, cancellationToken).ConfigureAwait(false);
            var settings = options.WaitSettings();
            if (!await output.ShouldProcessAsync($"{button.DisplayName} of task {button.TaskId} on {connection.Uri}", "Click button").ConfigureAwait(false))
            {
                return;
            }

            var client = connection.Client;
            var children = await client.ClickAsync(button, options.ApplyTo(new MjClickOptions()), cancellationToken).ConfigureAwait(false);
            if (children.Count == 0)
            {
                output.WriteVerbose($"{button.DisplayName} of task {button.TaskId} created no task.");
                return;
            }

            var results = new List<MjTask>();
            foreach (var child in children)
            {
                output.WriteVerbose($"Clicked {button.DisplayName}: task {child.Id} ({child.Action ?? "?"}, {child.Status}).");
                results.Add(await FinishModalAsync(client, child, options, mask, output, cancellationToken).ConfigureAwait(false));
            }

            await SubmitFlow.EmitAsync(connection, results, options.Wait, settings, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });

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
        if (mask.Regions is { Count: > 0 } && button.Kind != MjButtonKind.VaryRegion)
        {
            throw new InvalidInputException($"-Region draws a Vary (Region) mask, but {button.DisplayName} is a {button.Kind} button. Click 'Vary (Region)' with -Region.", button);
        }

        var image = options.Task is { } task && task.Id == button.TaskId ? task : await client.GetTaskAsync(button.TaskId, cancellationToken).ConfigureAwait(false);
        return await MaskInputs.PrepareAsync(client, image, mask, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The button the options name; MjButtonNotFound when none does.</summary>
    private static MjButton FindButton(InvokeButtonOptions options)
    {
        var task = options.Task ?? throw new InvalidInputException("Give -Button, or -Task with -Label, -Index or -CustomId.", null);
        if (!string.IsNullOrEmpty(options.CustomId))
        {
            // customIds are opaque server values: one the task does not list is still clicked as given.
            return task.Buttons.FirstOrDefault(b => string.Equals(b.CustomId, options.CustomId, StringComparison.Ordinal))
                ?? new MjButton(task.Id, options.CustomId!);
        }

        if (task.Status != MjTaskStatus.Success)
        {
            throw new InvalidInputException(
                $"Task {task.Id} is {task.Status}; its buttons can be clicked only after it succeeds. Wait for it first (Wait-MjTask, or -Wait).",
                task, MjErrorCategory.InvalidOperation);
        }

        if (options.Index is int index)
        {
            return MjButtonFinder.Find(task, options.Kind, index);
        }

        if (!string.IsNullOrWhiteSpace(options.Label))
        {
            return MjButtonFinder.Find(task, options.Label!);
        }

        throw new InvalidInputException("Give -Label, -Index or -CustomId with -Task.", task);
    }

    private static async Task<MjTask> FinishModalAsync(MjClient client, MjTask child, InvokeButtonOptions options, string? mask, ICommandOutput output, CancellationToken cancellationToken)
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

        if (!hasInput)
        {
            return child; // emitted with the Submit-MjModal warning
        }

        var request = options.ApplyTo(new MjModalRequest(child.Id) { Prompt = options.Prompt, MaskBase64 = mask });
        var submitted = await client.SubmitModalAsync(request, cancellationToken).ConfigureAwait(false);
        output.WriteVerbose($"Finished the MODAL step of task {child.Id}: task {submitted.Id} ({submitted.Status}).");
        return submitted;
    }
}
