namespace Midjourney.Client;

/// <summary>A wait's deadline passed before the task ended. The task keeps running on the server.</summary>
public sealed class MjWaitTimeoutException : MjException
{
    /// <summary>Creates the exception.</summary>
    public MjWaitTimeoutException(string message, string taskId, MjTask? lastSeen)
        : base(message)
    {
        TaskId = taskId;
        LastSeen = lastSeen;
    }

    /// <summary>The task waited for.</summary>
    public string TaskId { get; }

    /// <summary>The last snapshot seen.</summary>
    public MjTask? LastSeen { get; }
}
