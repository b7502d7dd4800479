namespace Midjourney.PowerShell.Output;

/// <summary>
/// The warning that a task waits for its MODAL step (<see cref="Operations.ModalStep"/>), given once per task. It is
/// decided when it reaches the pipeline thread, after the task itself went down the pipeline: a Submit-MjModal that
/// took the task there is finishing the step (<see cref="MjConnection.FirstModalNotice"/> was asked for it), so the
/// warning would be noise and is not written.
/// </summary>
internal sealed class ModalNotice
{
    /// <summary>Creates the notice.</summary>
    public ModalNotice(MjConnection connection, string taskId, string text)
    {
        Connection = connection;
        TaskId = taskId;
        Text = text;
    }

    /// <summary>The connection the task was made on (it remembers which tasks were warned about or taken on).</summary>
    public MjConnection Connection { get; }

    /// <summary>The MODAL task.</summary>
    public string TaskId { get; }

    /// <summary>The warning: what the task waits for and the command that finishes it.</summary>
    public string Text { get; }

    /// <summary>True when nothing has warned about the task or taken it on yet; asking marks it.</summary>
    public bool IsDue() => Connection.FirstModalNotice(TaskId);
}
