using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Images;

/// <summary>Signs the image/video URLs of tasks (issued at the finish time, so they are stable across fetches) and uploads.</summary>
internal sealed class MediaLinks
{
    public const string ImagesPrefix = "sim/images/";
    public const string AttachmentsPrefix = "sim/attachments/";

    public MediaLinks(MediaUrlSigner signer) => Signer = signer;

    public MediaUrlSigner Signer { get; }

    /// <summary>URLs of a task's files issued at <paramref name="issuedMs"/> (the finish time, or the run start for previews).</summary>
    public TaskMedia ForTask(string baseUrl, SimTask task, long issuedMs) =>
        new(baseUrl, task.Id, Signer.Query(ImagesPrefix + task.Id, issuedMs));

    public string Attachment(string baseUrl, string uploadId, long issuedMs) =>
        string.Concat(baseUrl, AttachmentsPrefix, uploadId, "/image.png", Signer.Query(AttachmentsPrefix + uploadId, issuedMs));
}
