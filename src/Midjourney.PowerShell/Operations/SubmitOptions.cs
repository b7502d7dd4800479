using System;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations;

/// <summary>What every submitting cmdlet takes besides its own input.</summary>
internal abstract class SubmitOptions
{
    /// <summary>-Connection.</summary>
    public MjConnection? Connection { get; set; }

    /// <summary>-SkipParameterCheck: send prompts without checking their Midjourney parameters.</summary>
    public bool SkipParameterCheck { get; set; }

    /// <summary>-Mode; null uses the connection's.</summary>
    public SpeedMode? Mode { get; set; }

    /// <summary>-NotifyHook.</summary>
    public string? NotifyHook { get; set; }

    /// <summary>-State.</summary>
    public string? State { get; set; }

    /// <summary>-Wait: emit the finished task instead of the submitted one.</summary>
    public bool Wait { get; set; }

    /// <summary>
    /// With -Wait: where the command keeps its tasks to wait for them all when its input ends (null: wait for each
    /// input's tasks at once).
    /// </summary>
    public DeferredWaits? WaitLater { get; set; }

    /// <summary>-Timeout in seconds with -Wait; null or 0 waits without limit.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>The shortest poll interval of -Wait (2 s; tests use less).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Copies the common fields into a request.</summary>
    public T ApplyTo<T>(T request)
        where T : MjSubmitRequest
    {
        request.Mode = Mode;
        request.NotifyHook = NotifyHook;
        request.State = State;
        return request;
    }

    /// <summary>The wait settings of -Wait.</summary>
    public WaitSettings WaitSettings() => Operations.WaitSettings.From(TimeoutSeconds, PollInterval);
}
