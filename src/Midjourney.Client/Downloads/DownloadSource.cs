namespace Midjourney.Client;

/// <summary>Which task field a download came from, so the same one can be read again from a refreshed task.</summary>
internal enum DownloadSource
{
    /// <summary><see cref="MjTask.ImageUrl"/>.</summary>
    Image,

    /// <summary>One entry of <see cref="MjTask.ImageUrls"/>.</summary>
    ImageTile,

    /// <summary><see cref="MjTask.VideoUrl"/>.</summary>
    Video,

    /// <summary>One entry of <see cref="MjTask.VideoUrls"/>.</summary>
    VideoItem,
}
