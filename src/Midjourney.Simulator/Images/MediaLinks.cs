using Midjourney.Simulator.Domain;
using Midjourney.Simulator.Engine;

namespace Midjourney.Simulator.Images;

/// <summary>Builds the signed image/video URLs of a task (issued at its finish time, so they are stable across fetches).</summary>
internal sealed class MediaLinks
{
    private readonly MediaUrlSigner _signer;

    public MediaLinks(MediaUrlSigner signer) => _signer = signer;

    public MediaUrlSigner Signer => _signer;

    public string Url(string baseUrl, SimTask task, string file, long issuedMs) =>
        _signer.Sign(baseUrl, "sim/images/" + task.Id + "/" + file, issuedMs);

    public string Attachment(string baseUrl, string uploadId, long issuedMs) =>
        _signer.Sign(baseUrl, "sim/attachments/" + uploadId + "/image.png", issuedMs);

    /// <summary>The URLs of a SUCCESS task.</summary>
    public MediaSet Finished(string baseUrl, SimTask task, long finishMs)
    {
        if (task.Media is { } cached && cached.BaseUrl == baseUrl) return cached;
        MediaSet set;
        switch (task.Result)
        {
            case ResultKind.Grid:
                var tiles = new string[4];
                var thumbs = new string[4];
                for (int i = 0; i < 4; i++)
                {
                    tiles[i] = Url(baseUrl, task, MediaFiles.Tile(i), finishMs);
                    thumbs[i] = Url(baseUrl, task, MediaFiles.Thumb(i), finishMs);
                }

                set = new MediaSet { BaseUrl = baseUrl, Image = Url(baseUrl, task, MediaFiles.Grid, finishMs), Urls = tiles, Thumbnails = thumbs };
                break;
            case ResultKind.Upscale:
                string upscale = Url(baseUrl, task, MediaFiles.Upscale, finishMs);
                set = new MediaSet { BaseUrl = baseUrl, Image = upscale, Urls = new[] { upscale }, Thumbnails = new[] { Url(baseUrl, task, MediaFiles.Thumb(0), finishMs) } };
                break;
            case ResultKind.Video:
                var videos = new string[task.VideoCount];
                var covers = new string[task.VideoCount];
                for (int i = 0; i < task.VideoCount; i++)
                {
                    videos[i] = Url(baseUrl, task, MediaFiles.Video(i), finishMs);
                    covers[i] = Url(baseUrl, task, MediaFiles.Thumb(i), finishMs);
                }

                set = new MediaSet { BaseUrl = baseUrl, Image = covers[0], Urls = covers, Thumbnails = covers, Videos = videos };
                break;
            default:
                set = new MediaSet { BaseUrl = baseUrl, Image = task.SourceImageUrl };
                break;
        }

        task.Media = set;
        return set;
    }

    /// <summary>Low-resolution preview shown while IN_PROGRESS.</summary>
    public string? Preview(string baseUrl, SimTask task, TaskState state, long runAt)
    {
        if (state.Percent == 0 || task.Result is ResultKind.Describe or ResultKind.Shorten) return task.SourceImageUrl;
        return Url(baseUrl, task, MediaFiles.Preview, runAt);
    }
}
