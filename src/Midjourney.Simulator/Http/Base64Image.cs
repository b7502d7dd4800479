using System;

namespace Midjourney.Simulator.Http;

/// <summary>Decodes image inputs: <c>data:&lt;mime&gt;;base64,…</c>, or bare base64 where the flavour allows it.</summary>
internal static class Base64Image
{
    public static bool TryDecode(string? input, bool requireDataUrl, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (string.IsNullOrWhiteSpace(input)) return false;
        string text = input.Trim();
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            int comma = text.IndexOf(',');
            if (comma < 0 || !text.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return false;
            text = text[(comma + 1)..];
        }
        else if (requireDataUrl)
        {
            return false;
        }

        var buffer = new byte[text.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(text, buffer, out int written) || written == 0) return false;
        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>True for http(s) URLs, which TA accepts in place of base64.</summary>
    public static bool IsUrl(string? input) =>
        input is not null && (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
