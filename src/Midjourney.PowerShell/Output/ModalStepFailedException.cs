using System;
using Midjourney.Client;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Output;

/// <summary>
/// The click worked and made a MODAL task, but finishing its MODAL step failed: the task is left waiting for input.
/// The message names it and says how to finish it; the server's own error is the inner exception.
/// </summary>
internal sealed class ModalStepFailedException : MjException
{
    /// <summary>Creates the exception for <paramref name="modal"/>, made by <paramref name="button"/>, after <paramref name="cause"/>.</summary>
    public ModalStepFailedException(MjTask modal, MjButton button, Exception cause)
        : base(
            $"{button.DisplayName} of task {button.TaskId} made task {modal.Id}, but its MODAL step failed: {cause.Message} "
            + $"Task {modal.Id} is left waiting for input (MODAL); nothing was generated yet.",
            cause)
    {
        Modal = modal;
        Button = button;
    }

    /// <summary>The task left in MODAL.</summary>
    public MjTask Modal { get; }

    /// <summary>The button that made it.</summary>
    public MjButton Button { get; }

    /// <summary>What to type to finish it.</summary>
    public string HowToFinish => ModalStep.HowToFinish(Modal, Button.Kind);
}
