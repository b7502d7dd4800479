using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The mask inputs of Invoke-MjButton and Submit-MjModal: -Region with -Invert, -MaskPath, or -MaskBase64.</summary>
internal sealed class MaskOptions
{
    /// <summary>-Region: strings ('25%,25%,50%,50%', 'ellipse:…') or dictionaries.</summary>
    public IList<object>? Regions { get; set; }

    /// <summary>-Invert: repaint everything except the regions.</summary>
    public bool Invert { get; set; }

    /// <summary>-MaskPath (resolved).</summary>
    public string? MaskPath { get; set; }

    /// <summary>-MaskBase64.</summary>
    public string? MaskBase64 { get; set; }

    /// <summary>True when any mask input is given.</summary>
    public bool Any => Regions is { Count: > 0 } || MaskPath is not null || MaskBase64 is not null;
}

/// <summary>
/// Turns mask inputs into the PNG the server wants, at the image's real size, before any paid request: regions are
/// drawn, a mask file of the same shape is scaled, a wrong shape is refused naming both sizes (issue 9 point 2).
/// </summary>
internal static class MaskInputs
{
    /// <summary>Checks what can be checked without the image (one kind of mask input; region syntax; PNG files).</summary>
    public static async Task<byte[]?> CheckAsync(MaskOptions mask, CancellationToken cancellationToken)
    {
        var kinds = (mask.Regions is { Count: > 0 } ? 1 : 0) + (mask.MaskPath is not null ? 1 : 0) + (mask.MaskBase64 is not null ? 1 : 0);
        if (kinds > 1)
        {
            throw new InvalidInputException("Give one of -Region, -MaskPath or -MaskBase64, not several.", null);
        }

        if (mask.Invert && mask.Regions is not { Count: > 0 })
        {
            throw new InvalidInputException("-Invert works with -Region: it repaints everything except the regions.", null);
        }

        if (mask.Regions is { Count: > 0 } regions)
        {
            ImageWork.CheckRegions(regions);
            return null;
        }

        if (mask.MaskPath is not null)
        {
            var dataUrl = await ImageInputs.ReadMaskAsync(mask.MaskPath, cancellationToken).ConfigureAwait(false);
            return MjImageData.TryDecode(dataUrl);
        }

        if (mask.MaskBase64 is not null)
        {
            return MjImageData.TryDecode(ImageInputs.CheckMaskBase64(mask.MaskBase64));
        }

        return null;
    }

    /// <summary>
    /// The mask to send (a PNG data URL) for the main image of <paramref name="image"/>, or null without mask input.
    /// The image's size comes from the server or from its header (a small ranged GET).
    /// </summary>
    public static async Task<string?> PrepareAsync(MjClient client, MjTask image, MaskOptions mask, ICommandOutput output, CancellationToken cancellationToken)
    {
        var given = await CheckAsync(mask, cancellationToken).ConfigureAwait(false);
        if (!mask.Any)
        {
            return null;
        }

        var sized = await client.WithImageSizeAsync(image, ImageWork.HeaderReader, cancellationToken).ConfigureAwait(false);
        int width = sized.Width!.Value, height = sized.Height!.Value;
        byte[] png;
        if (mask.Regions is { Count: > 0 } regions)
        {
            png = ImageWork.BuildMask(width, height, regions, mask.Invert);
            output.WriteVerbose($"Built a {width}x{height} mask of task {image.Id} from {regions.Count} region(s){(mask.Invert ? ", inverted" : string.Empty)}.");
        }
        else
        {
            var what = mask.MaskPath is not null ? $"-MaskPath '{mask.MaskPath}'" : "-MaskBase64";
            png = ImageWork.FitMask(given!, width, height, what);
            if (!ReferenceEquals(png, given))
            {
                var original = ImageWork.ReadSize(given!);
                output.WriteVerbose($"Scaled the {original?.Width}x{original?.Height} mask to the image's {width}x{height}, pure black and white.");
            }
        }

        return MjImageData.FromBytes(png, "mask.png");
    }
}
