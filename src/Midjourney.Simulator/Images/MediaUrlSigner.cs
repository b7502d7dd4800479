using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Midjourney.Simulator.Images;

/// <summary>
/// Discord-like signed URLs: <c>?ex=&lt;expiry&gt;&amp;is=&lt;issued&gt;&amp;hm=&lt;hmac&gt;&amp;</c>, ex/is in hexadecimal Unix
/// <b>milliseconds</b> (Discord uses seconds; milliseconds let tests use short TTLs). The HMAC covers the folder
/// (<c>sim/images/{taskId}</c>) with ex and is, so one signature serves all files of a task and fetch computes one HMAC.
/// </summary>
internal sealed class MediaUrlSigner
{
    private readonly byte[] _key;
    private readonly long _ttlMs;

    public MediaUrlSigner(int seed, TimeSpan ttl)
    {
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("mj-simulator-media-" + seed.ToString(CultureInfo.InvariantCulture)));
        _ttlMs = (long)Math.Min(ttl.TotalMilliseconds, long.MaxValue / 4);
    }

    /// <summary>The query string (<c>?ex=…&amp;is=…&amp;hm=…&amp;</c>) for files of <paramref name="folder"/> issued at <paramref name="issuedMs"/>.</summary>
    public string Query(string folder, long issuedMs)
    {
        string ex = (issuedMs + _ttlMs).ToString("x", CultureInfo.InvariantCulture);
        string issued = issuedMs.ToString("x", CultureInfo.InvariantCulture);
        return string.Concat("?ex=", ex, "&is=", issued, "&hm=", Mac(folder, ex, issued), "&");
    }

    /// <summary>Checks a request for <paramref name="folder"/>/file against its query parameters.</summary>
    public UrlVerdict Check(string folder, string? ex, string? issued, string? hm, long nowMs)
    {
        if (ex is null || issued is null || hm is null) return UrlVerdict.BadSignature;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(folder, ex, issued)), Encoding.ASCII.GetBytes(hm)))
        {
            return UrlVerdict.BadSignature;
        }

        return long.TryParse(ex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long expiry) && nowMs < expiry
            ? UrlVerdict.Valid
            : UrlVerdict.Expired;
    }

    private string Mac(string folder, string ex, string issued)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Concat(folder, "|", ex, "|", issued)), hash);
        return Convert.ToHexStringLower(hash);
    }
}
