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
}

/// <summary>Submit-MjModal: completes a MODAL task with a prompt and/or mask.</summary>
internal sealed class SubmitModalOperation : MjOperation
{
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

            if (options.MaskPath is not null && options.MaskBase64 is not null)
            {
                throw new InvalidInputException("Give -MaskPath or -MaskBase64, not both.", null);
            }

            if (options.Prompt is not null)
            {
                PromptChecks.Check(options.Prompt, options.SkipParameterCheck);
            }

            var mask = options.MaskPath is not null ? await ImageInputs.ReadMaskAsync(options.MaskPath, cancellationToken).ConfigureAwait(false)
                : options.MaskBase64 is not null ? ImageInputs.CheckMaskBase64(options.MaskBase64)
                : null;

            // Reading the task is free: know what it needs before the paid step.
            var modal = options.Task ?? await connection.Client.GetTaskAsync(id!.Trim(), cancellationToken).ConfigureAwait(false);
            CheckInput(modal, options.Prompt, mask);
            var request = options.ApplyTo(new MjModalRequest(modal.Id) { Prompt = options.Prompt, MaskBase64 = mask, ParentId = modal.ParentId });
            await SubmitFlow.RunAsync(connection, options, $"MODAL task {request.TaskId}", "Submit modal",
                async (client, token) => new[] { await client.SubmitModalAsync(request, token).ConfigureAwait(false) }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });

    /// <summary>The task must wait for input, and get what it needs: a mask for Vary (Region), --zoom for Custom Zoom.</summary>
    private static void CheckInput(MjTask modal, string? prompt, string? mask)
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
            case ModalStep.Need.MaskAndPrompt when mask is null:
                throw new InvalidInputException(
                    $"Task {modal.Id} is a Vary (Region): give -MaskPath (a PNG of the image's size: white repaints, black keeps) and -Prompt.", modal);
        }
    }
}
