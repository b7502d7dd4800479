namespace Midjourney.Client;

/// <summary>How a wait ended for one task.</summary>
public enum MjWaitOutcome
{
    /// <summary>Success, Failure or Cancelled: see the task's status.</summary>
    Finished,

    /// <summary>The task is MODAL and waits for <c>/mj/submit/modal</c>; it will not move by itself.</summary>
    NeedsInput,

    /// <summary>The deadline passed first; the task is still running on the server.</summary>
    TimedOut,

    /// <summary>The server does not know the task.</summary>
    NotFound,
}
