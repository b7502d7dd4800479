using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>The parameters every submitting cmdlet shares: -Mode, -NotifyHook, -State, -Wait, -Timeout, -Connection.</summary>
public abstract class MjSubmitCmdletBase : MjCmdletBase
{
    private readonly DeferredWaits _waits = new();
    private SpeedMode? _mode;

    /// <summary>The speed of this job; default the connection's. Binds from a Mode column (blank: Default).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Binding.BlankAs(SpeedMode.Default)]
    public SpeedMode Mode { get => _mode ?? SpeedMode.Default; set => _mode = value; }

    /// <summary>A URL the server POSTs the task to on every change.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? NotifyHook { get; set; }

    /// <summary>Free text the server echoes back in the task.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? State { get; set; }

    /// <summary>Wait for the tasks and emit the finished ones: every input is submitted first, then all are waited for together.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: the most seconds to wait (0 = no limit).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int Timeout { get; set; }

    /// <summary>The connection; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    internal override string? SpeedChoice => "-Mode";

    /// <summary>Copies the shared parameters into operation options.</summary>
    internal T Apply<T>(T options)
        where T : SubmitOptions
    {
        options.Connection = Connection;
        options.Mode = _mode;
        options.NotifyHook = NotifyHook;
        options.State = State;
        options.Wait = Wait.IsPresent;
        options.WaitLater = _waits;
        options.TimeoutSeconds = Timeout;
        return options;
    }

    /// <summary>With -Wait: waits for every task the input made, together (as piping to Wait-MjTask does).</summary>
    protected override void EndProcessing()
    {
        if (_waits.Count > 0)
        {
            RunOperation(_waits.WaitAsync);
        }
    }
}
