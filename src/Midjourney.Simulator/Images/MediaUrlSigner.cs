using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Midjourney.Simulator.Images;

/// <summary>
/// Discord-like signed URLs: <c>?ex=&lt;expiry&gt;&amp;is=&lt;issued&gt;&amp;hm=&lt;hmac&gt;&amp;</c>, with ex/is in hexadecimal
/// Unix <b>milliseconds</b> (Discord uses seconds; milliseconds let tests use short TTLs). A URL dies at ex, or if altered.
/// </summary>
internal sealed class MediaUrlSigner
{
    private readonly byte[] _key;
    private readonly long _ttlMs;

    public MediaUrlSigner(int seed, TimeSpan ttl)
    {
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("mj-simulator-media-" + seed.ToString(CultureInfo.InvariantCulture)));
        _ttlMs = (long)ttl.TotalMilliseconds;
    }

    /// <summary>Absolute URL for <paramref name="path"/> (no leading slash) issued at <paramref name="issuedMs"/>.</summary>
    public string Sign(string baseUrl, string path, long issuedMs)
    {
        string ex = (issuedMs + _ttlMs).ToString("x", CultureInfo.InvariantCulture);
        string issued = issuedMs.ToString("x", CultureInfo.InvariantCulture);
        return string.Concat(baseUrl, path, "?ex=", ex, "&is=", issued, "&hm=", Mac(path, ex, issued), "&");
    }

    public UrlVerdict Check(string path, string? ex, string? issued, string? hm, long nowMs)
    {
        if (ex is null || issued is null || hm is null) return UrlVerdict.BadSignature;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(path, ex, issued)), Encoding.ASCII.GetBytes(hm)))
        {
            return UrlVerdict.BadSignature;
        }

        return long.TryParse(ex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long expiry) && nowMs < expiry
            ? UrlVerdict.Valid
            : UrlVerdict.Expired;
    }

    private string Mac(string path, string ex, string issued) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Concat(path, "|", ex, "|", issued))));
}
