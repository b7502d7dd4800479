using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// Turns -Image values (http(s) URLs, data URLs, or file-system paths the cmdlet already resolved) into what the
/// servers accept, reading and checking every file before any request.
/// </summary>
internal static class ImageInputs
{
    /// <summary>The value to send for one image: URLs as given, files as data URLs.</summary>
    public static async Task<string> ReadAsync(string value, string parameterName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidInputException($"-{parameterName} has an empty value.", value);
        }

        if (MjImageData.IsUrl(value) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var bytes = await ReadFileAsync(value, parameterName, cancellationToken).ConfigureAwait(false);
        if (MjImageData.DetectMimeType(bytes) is null)
        {
            throw new InvalidInputException($"-{parameterName} '{value}' is not a PNG, JPEG, WebP or GIF image.", value, MjErrorCategory.InvalidData);
        }

        return MjImageData.FromBytes(bytes, value);
    }

    /// <summary>The values to send for several images.</summary>
    public static async Task<IList<string>> ReadAllAsync(IEnumerable<string> values, string parameterName, CancellationToken cancellationToken)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            list.Add(await ReadAsync(value, parameterName, cancellationToken).ConfigureAwait(false));
        }

        return list;
    }

    /// <summary>A PNG mask file as a data URL; anything else is refused before any request.</summary>
    public static async Task<string> ReadMaskAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadFileAsync(path, "MaskPath", cancellationToken).ConfigureAwait(false);
        if (!MjImageData.IsPng(bytes))
        {
            throw new InvalidInputException($"-MaskPath '{path}' is not a PNG image. A mask must be a PNG (white repaints, black keeps) the size of the image.", path, MjErrorCategory.InvalidData);
        }

        return MjImageData.FromBytes(bytes, path);
    }

    /// <summary>Checks that base64 (or a data URL) holds a PNG mask.</summary>
    public static string CheckMaskBase64(string maskBase64)
    {
        var bytes = MjImageData.TryDecode(maskBase64);
        if (bytes is null || !MjImageData.IsPng(bytes))
        {
            throw new InvalidInputException("-MaskBase64 is not a base64 PNG image (or a PNG data URL).", null, MjErrorCategory.InvalidData);
        }

        return maskBase64;
    }

    private static async Task<byte[]> ReadFileAsync(string path, string parameterName, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var category = e is FileNotFoundException or DirectoryNotFoundException ? MjErrorCategory.ObjectNotFound
                : e is UnauthorizedAccessException ? MjErrorCategory.PermissionDenied
                : MjErrorCategory.ReadError;
            throw new InvalidInputException($"-{parameterName} '{path}' cannot be read: {e.Message}", path, category, e);
        }
    }
}
