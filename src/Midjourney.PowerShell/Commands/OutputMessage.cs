using System.Threading.Tasks;

namespace Midjourney.PowerShell.Commands;

/// <summary>What an <see cref="OutputMessage"/> asks the pipeline thread to do.</summary>
internal enum OutputKind
{
    /// <summary>WriteObject.</summary>
    Object,

    /// <summary>WriteError.</summary>
    Error,

    /// <summary>WriteWarning.</summary>
    Warning,

    /// <summary>WriteWarning of a <see cref="Output.ModalNotice"/> that is still due when it is taken.</summary>
    ModalWarning,

    /// <summary>WriteVerbose.</summary>
    Verbose,

    /// <summary>WriteProgress.</summary>
    Progress,

    /// <summary>ShouldProcess; the answer goes back through <see cref="OutputMessage.Answer"/>.</summary>
    ShouldProcess,
}

/// <summary>One call for the pipeline thread to make.</summary>
internal sealed class OutputMessage
{
    /// <summary>Creates the message.</summary>
    public OutputMessage(OutputKind kind, object payload)
    {
        Kind = kind;
        Payload = payload;
        Answer = kind == OutputKind.ShouldProcess ? new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously) : null;
    }

    /// <summary>The call.</summary>
    public OutputKind Kind { get; }

    /// <summary>The object, error, text, progress, or (target, action) pair.</summary>
    public object Payload { get; }

    /// <summary>The ShouldProcess answer, for <see cref="OutputKind.ShouldProcess"/>.</summary>
    public TaskCompletionSource<bool>? Answer { get; }
}
