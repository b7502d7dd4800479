using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Submit-MjModal.</summary>
internal sealed class SubmitModalOptions : SubmitOptions
{
    /// <summary>-Task (set Task).</summary>
    public MjTask? Task { get; set; }

    /// <summary>-Id (set Id).</summary>
    public string? Id { get; set; }

    /// <summary>-Prompt.</summary>
    public string? Prompt { get; set; }

    /// <summary>-MaskPath: a PNG mask file (resolved).</summary>
    public string? MaskPath { get; set; }

    /// <summary>-MaskBase64.</summary>
    public string? MaskBase64 { get; set; }

    /// <summary>-Region: areas to repaint, as strings or dictionaries.</summary>
    public IList<object>? Regions { get; set; }

    /// <summary>-Invert: repaint everything except the regions.</summary>
    public bool Invert { get; set; }
}

/// <summary>Submit-MjModal: completes a MODAL task with a prompt and/or mask.</summary>
internal sealed class SubmitModalOperation : MjOperation
{
    /// <summary>
    /// The mask at the real size of the image the MODAL task varies (its parent), checked before the submit; a mask
    /// file is sent unchanged when the parent cannot be found.
    /// </summary>
    private static async Task<string?> PrepareMaskAsync(MjClient client, MjTask modal, SubmitModalOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        var mask = new MaskOptions { Regions = options.Regions, Invert = options.Invert, MaskPath = options.MaskPath, MaskBase64 = options.MaskBase64 };
        if (!mask.Any && !options.Invert)
        {
            return null;
        }

        var given = await MaskInputs.CheckAsync(mask, cancellationToken).ConfigureAwait(false);
        var id = modal.Id;
        var parentId = modal.ParentId is { Length: > 0 } p && p != modal.Id ? p : null;
        if (parentId is null)
        {
            if (mask.Regions is { Count: > 0 })
            {
                throw new InvalidInputException(
                    $"MODAL task {id} does not say which image it varies, so a -Region mask cannot be sized. Click 'Vary (Region)' with -Region on the upscaled task instead (Invoke-MjButton), or give -MaskPath at the image's size.",
                    modal, MjErrorCategory.InvalidOperation);
            }

            output.WriteVerbose($"MODAL task {id} names no parent image; the mask is sent as given.");
            return options.MaskBase64 ?? MjImageData.FromBytes(given!, options.MaskPath);
        }

        var parent = await client.GetTaskAsync(parentId, cancellationToken).ConfigureAwait(false);
        return await MaskInputs.PrepareAsync(client, parent, mask, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the operation.</summary>
    public SubmitModalOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input (a MODAL task, one PNG mask), then submits (one pipeline record).</summary>
    public Task ProcessAsync(SubmitModalOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection, options.Task?.Server);
        await TryItemAsync(output, (object?)options.Task ?? options.Id, async () =>
        {
            var id = options.Task?.Id ?? options.Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new InvalidInputException("Give the MODAL task (-Task) or its id (-Id).", null);
            }

            // The user is finishing the step (Invoke-MjButton ... | Submit-MjModal): the warning of the click is noise.
            ModalStep.TakenOn(connection, id!.Trim());

            if (options.MaskPath is not null && options.MaskBase64 is not null)
            {
                throw new InvalidInputException("Give -MaskPath or -MaskBase64, not both.", null);
            }

            if (options.Prompt is not null)
            {
                PromptChecks.Check(options.Prompt, options.SkipParameterCheck);
            }

            // Reading the task is free: know what it needs before the paid step.
            var modal = options.Task ?? await connection.Client.GetTaskAsync(id!.Trim(), cancellationToken).ConfigureAwait(false);
            CheckInput(modal, options.Prompt, hasMask: options.MaskPath is not null || options.MaskBase64 is not null || options.Regions is { Count: > 0 });
            var mask = await PrepareMaskAsync(connection.Client, modal, options, output, cancellationToken).ConfigureAwait(false);
            var request = options.ApplyTo(new MjModalRequest(modal.Id) { Prompt = options.Prompt, MaskBase64 = mask, ParentId = modal.ParentId });
            await SubmitFlow.RunAsync(connection, options, $"MODAL task {request.TaskId}", "Submit modal",
                async (client, token) => new[] { await client.SubmitModalAsync(request, token).ConfigureAwait(false) }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>The task must wait for input, and get what it needs: a mask for Vary (Region), --zoom for Custom Zoom.</summary>
    private static void CheckInput(MjTask modal, string? prompt, bool hasMask)
    {
        if (!modal.NeedsInput)
        {
            throw new InvalidInputException(
                $"Task {modal.Id} is {modal.Status}, not MODAL: only a task waiting for input takes Submit-MjModal.", modal, MjErrorCategory.InvalidOperation);
        }

        switch (ModalStep.NeedOf(modal, null))
        {
            case ModalStep.Need.Zoom:
                // Without -Prompt the server sends its own suggestion on; check that instead.
                ModalStep.CheckZoomPrompt(prompt ?? ModalStep.SuggestedPrompt(modal));
                break;
            case ModalStep.Need.MaskAndPrompt when !hasMask:
                throw new InvalidInputException(
                    $"Task {modal.Id} is a Vary (Region): give -Region (the areas to repaint, e.g. '25%,25%,50%,50%') or -MaskPath (a PNG of the image's size: white repaints, black keeps), and -Prompt.", modal);
        }
    }
}
