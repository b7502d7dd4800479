using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client;

/// <summary>Turns local images into the data URLs the servers expect (reference §2.2: NZ insists on <c>data:&lt;mime&gt;;base64,</c>).</summary>
public static class MjImageData
{
    private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    /// <summary>Reads a file and returns its data URL; the type comes from the bytes, not the file name.</summary>
    public static async Task<string> FromFileAsync(string path, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return FromBytes(buffer.ToArray(), path);
    }

    /// <summary>The data URL of image bytes; throws when the bytes are not PNG, JPEG, WebP or GIF.</summary>
    public static string FromBytes(byte[] bytes, string? nameForErrors = null)
    {
        var mime = DetectMimeType(bytes)
            ?? throw new ArgumentException($"{nameForErrors ?? "The data"} is not a PNG, JPEG, WebP or GIF image.", nameof(bytes));
        return "data:" + mime + ";base64," + Convert.ToBase64String(bytes);
    }

    /// <summary>The image type from its first bytes, or null.</summary>
    public static string? DetectMimeType(byte[] bytes)
    {
        if (IsPng(bytes))
        {
            return "image/png";
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (bytes.Length >= 12 && bytes[0] == (byte)'R' && bytes[1] == (byte)'I' && bytes[2] == (byte)'F' && bytes[3] == (byte)'F'
            && bytes[8] == (byte)'W' && bytes[9] == (byte)'E' && bytes[10] == (byte)'B' && bytes[11] == (byte)'P')
        {
            return "image/webp";
        }

        if (bytes.Length >= 6 && bytes[0] == (byte)'G' && bytes[1] == (byte)'I' && bytes[2] == (byte)'F' && bytes[3] == (byte)'8')
        {
            return "image/gif";
        }

        return null;
    }

    /// <summary>True when the bytes start with the PNG signature.</summary>
    public static bool IsPng(byte[] bytes)
    {
        if (bytes.Length < PngSignature.Length)
        {
            return false;
        }

        for (var i = 0; i < PngSignature.Length; i++)
        {
            if (bytes[i] != PngSignature[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Decodes base64 or a data URL to bytes; null when it is neither. Used to check a mask before sending it.
    /// </summary>
    public static byte[]? TryDecode(string? base64OrDataUrl)
    {
        if (string.IsNullOrWhiteSpace(base64OrDataUrl))
        {
            return null;
        }

        var text = base64OrDataUrl!.Trim();
        var comma = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(',') : -1;
        if (comma >= 0)
        {
            text = text.Substring(comma + 1);
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>True for http(s) URLs, which servers accept in place of image data.</summary>
    public static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
