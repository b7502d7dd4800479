using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Midjourney.Simulator.Images;

/// <summary>
/// Discord-like signed URLs: <c>?ex=&lt;expiry&gt;&amp;is=&lt;issued&gt;&amp;hm=&lt;hmac&gt;&amp;</c>, ex/is in hexadecimal Unix
/// <b>milliseconds</b> (Discord uses seconds; milliseconds let tests use short TTLs). The HMAC covers the folder
/// (<c>sim/images/{taskId}</c>) with ex and is, so one signature serves all files of a task.
/// The "HMAC" is a seeded 256-bit keyed hash (four SplitMix64-mixed FNV lanes), not a cryptographic one: it only has to
/// catch edited links, and a real HMAC per task per fetch costed more than the rest of the fetch.
/// </summary>
internal sealed class MediaUrlSigner
{
    private readonly ulong[] _key = new ulong[4];
    private readonly long _ttlMs;

    public MediaUrlSigner(int seed, TimeSpan ttl)
    {
        var random = new Engine.DeterministicRandom(seed, 0x5167);
        for (int i = 0; i < _key.Length; i++) _key[i] = random.NextUInt64();
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
        for (int lane = 0; lane < 4; lane++)
        {
            ulong h = _key[lane];
            h = Mix(h, folder);
            h = Mix(h ^ '|', ex);
            h = Mix(h ^ '|', issued);
            BinaryPrimitives.WriteUInt64LittleEndian(hash[(lane * 8)..], Finish(h));
        }

        return Convert.ToHexStringLower(hash);
    }

    private static ulong Mix(ulong h, string text)
    {
        foreach (char c in text) h = (h ^ c) * 0x100000001B3UL;
        return h;
    }

    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
