namespace Midjourney.Client;

/// <summary>The state of a task, the same for every server flavour.</summary>
public enum MjTaskStatus
{
    /// <summary>The server sent a status this client does not know, or none yet (still pending).</summary>
    Unknown = 0,

    /// <summary>Created, waiting in the proxy's queue (<c>NOT_START</c>, <c>TASK_STATUS_QUEUED</c>).</summary>
    NotStarted,

    /// <summary>Sent to Midjourney, not yet rendering (<c>SUBMITTED</c>).</summary>
    Submitted,

    /// <summary>Rendering; progress and a preview image update (<c>IN_PROGRESS</c>, <c>TASK_STATUS_PROCESSING</c>).</summary>
    InProgress,

    /// <summary>Waiting for input through <c>/mj/submit/modal</c> (a prompt, a mask); it never moves by itself.</summary>
    Modal,

    /// <summary>Finished with images (<c>SUCCESS</c>, <c>TASK_STATUS_SUCCEED</c>).</summary>
    Success,

    /// <summary>Failed; see <see cref="MjTask.FailReason"/> (<c>FAILURE</c>, <c>TASK_STATUS_FAILED</c>).</summary>
    Failure,

    /// <summary>Cancelled (<c>CANCEL</c>, <c>TASK_STATUS_CANCELED</c>).</summary>
    Cancelled,
}
