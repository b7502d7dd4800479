using System.Threading.Tasks;

namespace Midjourney.PowerShell.Output;

/// <summary>
/// Everything an operation may say to the world. The cmdlet implements it with a queue drained on the pipeline
/// thread; tests implement it with a recorder. Every member may be called from any thread.
/// </summary>
internal interface ICommandOutput
{
    /// <summary>Emits an object to the pipeline.</summary>
    void WriteObject(object value);

    /// <summary>Writes a non-terminating error.</summary>
    void WriteError(MjCommandError error);

    /// <summary>Writes a warning.</summary>
    void WriteWarning(string text);

    /// <summary>Writes the MODAL warning of a task, unless by then it was given or the task was taken on (see <see cref="ModalNotice"/>).</summary>
    void WriteModalWarning(ModalNotice notice);

    /// <summary>Writes a verbose line.</summary>
    void WriteVerbose(string text);

    /// <summary>Writes a progress record.</summary>
    void WriteProgress(MjProgress progress);

    /// <summary>Asks ShouldProcess; false means -WhatIf or the user said no.</summary>
    Task<bool> ShouldProcessAsync(string target, string action);
}
