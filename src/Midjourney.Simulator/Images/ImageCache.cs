using System;
using System.Collections.Concurrent;

namespace Midjourney.Simulator.Images;

/// <summary>Rendered file bytes by key. Bounded: when full it simply starts over (rendering is cheap and deterministic).</summary>
internal sealed class ImageCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, byte[]> _entries = new();

    public byte[] GetOrRender(string key, Func<byte[]> render)
    {
        if (_entries.TryGetValue(key, out byte[]? bytes)) return bytes;
        bytes = render();
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = bytes;
        return bytes;
    }

    public void Clear() => _entries.Clear();
}
