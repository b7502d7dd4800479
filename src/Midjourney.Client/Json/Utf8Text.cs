using System.Text;

namespace Midjourney.Client;

/// <summary>Answers are read as UTF-8: bytes that are not UTF-8 become U+FFFD once, where the body is read.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><paramref name="bytes"/> itself when it is valid UTF-8 (the usual case, checked without allocating); else a repaired copy.</summary>
    public static byte[] Repair(byte[] bytes)
    {
        try
        {
            Strict.GetCharCount(bytes);
            return bytes;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
        }
    }
}
