using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Midjourney.Client;
using Midjourney.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Imaging;

/// <summary>
/// The module's one door to Midjourney.Imaging (SkiaSharp). Only these methods touch its types, so the imaging
/// assembly and the native library load when an image operation first runs, never at Import-Module. Imaging
/// failures become <see cref="InvalidInputException"/> with the library's English message.
/// </summary>
internal static class ImageWork
{
    /// <summary>Reads image sizes from file headers for <see cref="MjClient.WithImageSizeAsync"/>.</summary>
    public static IImageHeaderReader HeaderReader { get; } = new SkiaHeaderReader();

    /// <summary>A mask PNG for a <paramref name="width"/>×<paramref name="height"/> image from region values (strings or dictionaries).</summary>
    public static byte[] BuildMask(int width, int height, IList<object> regions, bool invert) =>
        Run(() => MaskBuilder.Build(width, height, ParseRegions(regions), invert), regions);

    /// <summary>Checks the regions' syntax without an image (before any request).</summary>
    public static void CheckRegions(IList<object> regions) => Run(() => ParseRegions(regions), regions);

    /// <summary>A mask file fitted to a <paramref name="width"/>×<paramref name="height"/> image (kept, scaled to pure black and white, or refused).</summary>
    public static byte[] FitMask(byte[] mask, int width, int height, string what) =>
        Run(() => MaskBuilder.Fit(mask, width, height, what), what);

    /// <summary>The width and height of an image file's bytes, or null.</summary>
    public static (int Width, int Height)? ReadSize(byte[] bytes) => Run(() => ImageCodec.ReadSize(bytes), null);

    /// <summary>The four tiles (lossless PNG) of a 2×2 grid.</summary>
    public static IReadOnlyList<byte[]> SplitGrid(byte[] grid, string what) => Run(() => GridSplitter.Split(grid, what), what);

    /// <summary>Re-encodes any image as PNG (a tile from a server may be WebP or JPEG).</summary>
    public static byte[] ToPng(byte[] image, string what) => Run(
        () =>
        {
            if (PngText.IsPng(image))
            {
                return image;
            }

            using var bitmap = ImageCodec.Decode(image, what);
            return ImageCodec.EncodePng(bitmap);
        },
        what);

    /// <summary>
    /// A JPEG preview of an image, fitted into <paramref name="maxSide"/> pixels square and at most <paramref name="maxBytes"/>
    /// bytes (Export-MjGallery's thumbnails).
    /// </summary>
    public static (byte[] Jpeg, int Width, int Height) Thumbnail(byte[] image, string what, int maxSide, int maxBytes) => Run(
        () =>
        {
            var thumbnail = Thumbnailer.Make(image, what, maxSide, maxBytes);
            return (thumbnail.Jpeg, thumbnail.Width, thumbnail.Height);
        },
        what);

    /// <summary>True for PNG bytes.</summary>
    public static bool IsPng(byte[] bytes) => PngText.IsPng(bytes);

    /// <summary>A PNG with text chunks added (replacing the same keywords).</summary>
    public static byte[] WritePngText(byte[] png, IReadOnlyList<KeyValuePair<string, string>> texts) => Run(() => PngText.Write(png, texts), null);

    /// <summary>The text chunks of a PNG (empty for other files); <paramref name="what"/> names it in errors.</summary>
    public static IReadOnlyDictionary<string, string> ReadPngText(byte[] bytes, string what) => Run(() => PngText.Read(bytes, what), what);

    /// <summary>The terminal text that draws an image <paramref name="columns"/> cells wide.</summary>
    public static string RenderForTerminal(byte[] image, string what, string protocol, int columns, int maxRows, bool grid) =>
        Run(() => TerminalImage.Render(image, what, ParseProtocol(protocol), columns, maxRows, grid), what);

    /// <summary>The protocol the terminal described by the environment supports: HalfBlock, Sixel, Kitty or ITerm2.</summary>
    public static string DetectProtocol(Func<string, string?> environment) => TerminalDetection.Detect(environment).ToString();

    private static TerminalProtocol ParseProtocol(string protocol)
    {
        if (!Enum.TryParse<TerminalProtocol>(protocol, ignoreCase: true, out var parsed))
        {
            throw new ImageFailure($"-Protocol '{protocol}' is unknown: use Auto, HalfBlock, Sixel, Kitty or ITerm2.");
        }

        return parsed;
    }

    private static List<MaskRegion> ParseRegions(IList<object> regions)
    {
        if (regions is null || regions.Count == 0)
        {
            throw new ImageFailure("Give at least one region to repaint (-Region '25%,25%,50%,50%').");
        }

        return regions.Select(value => value switch
        {
            IDictionary dictionary => MaskRegion.FromDictionary(dictionary),
            string text => MaskRegion.Parse(text),
            null => throw new ImageFailure("A region is empty: give 'x,y,width,height' or @{X=…; Y=…; Width=…; Height=…}."),
            _ => MaskRegion.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
        }).ToList();
    }

    private static T Run<T>(Func<T> work, object? target)
    {
        try
        {
            return work();
        }
        catch (ImageFailure e)
        {
            throw new InvalidInputException(e.Message, target, MjErrorCategory.InvalidData, e);
        }
        catch (Exception e) when (ImagingLibrary.IsMissing(e))
        {
            throw ImagingLibrary.Unavailable(e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidInputException))
        {
            // The library's own failures (SkiaSharp's allocation or argument errors) never escape raw: each names the image.
            var what = target is string name ? name : "The image";
            throw new InvalidInputException($"{what} could not be processed: {e.Message}", target, MjErrorCategory.InvalidData, e);
        }
    }

    private static void Run(Action work, object? target) => Run<object?>(() => { work(); return null; }, target);

    private sealed class SkiaHeaderReader : IImageHeaderReader
    {
        public (int Width, int Height)? ReadSize(byte[] head) => Run(() => ImageCodec.ReadSize(head), null);
    }
}
