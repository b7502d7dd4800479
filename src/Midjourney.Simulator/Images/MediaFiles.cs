namespace Midjourney.Simulator.Images;

/// <summary>File names under <c>/sim/images/{taskId}/</c>.</summary>
internal static class MediaFiles
{
    public const string Grid = "grid.png";
    public const string Upscale = "upscale.png";
    public const string Preview = "preview.png";

    public static string Tile(int index) => "tile_" + index + ".png";
    public static string Thumb(int index) => "thumb_" + index + ".png";
    public static string Video(int index) => "video_" + index + ".png";
}
