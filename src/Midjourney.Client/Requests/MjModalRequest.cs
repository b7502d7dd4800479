using System;

namespace Midjourney.Client;

/// <summary>Complete a MODAL task (<c>POST /mj/submit/modal</c>): Vary (Region) needs a mask, Custom Zoom a <c>--zoom</c> prompt.</summary>
public sealed class MjModalRequest : MjSubmitRequest
{
    /// <summary>Creates the request for the MODAL task (the child, not its parent).</summary>
    public MjModalRequest(string taskId) => TaskId = taskId ?? throw new ArgumentNullException(nameof(taskId));

    /// <summary>The MODAL task's id.</summary>
    public string TaskId { get; set; }

    /// <summary>The prompt; empty lets the server use the parent's.</summary>
    public string? Prompt { get; set; }

    /// <summary>A PNG mask (black keeps, white repaints), base64 or data URL, same size as the image.</summary>
    public string? MaskBase64 { get; set; }

    /// <summary>
    /// The task whose button created the MODAL task. Not sent: most servers do not say, so it fills
    /// <see cref="MjTask.ParentId"/> of the task returned by <see cref="MjClient.SubmitModalAsync"/>.
    /// </summary>
    public string? ParentId { get; set; }
}
