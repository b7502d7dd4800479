namespace Midjourney.Simulator.Images;

/// <summary>File names under <c>/sim/images/{taskId}/</c> (shared strings: fetch must not allocate them).</summary>
internal static class MediaFiles
{
    public const string Grid = "grid.png";
    public const string Upscale = "upscale.png";
    public const string Preview = "preview.png";

    public static readonly string[] Tiles = { "tile_0.png", "tile_1.png", "tile_2.png", "tile_3.png" };
    public static readonly string[] Thumbs = { "thumb_0.png", "thumb_1.png", "thumb_2.png", "thumb_3.png" };
    public static readonly string[] Videos = { "video_0.png", "video_1.png", "video_2.png", "video_3.png" };
}
