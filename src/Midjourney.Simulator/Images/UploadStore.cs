using System.Collections.Generic;
using System.Threading;

namespace Midjourney.Simulator.Images;

/// <summary>Images received by upload-discord-images, describe, blend, video and edits, served back as "attachments".
/// Bounded to 1,000 files and 64 MB; the oldest go first.</summary>
internal sealed class UploadStore
{
    private const int MaxFiles = 1000;
    private const long MaxBytes = 64L * 1024 * 1024;
    private readonly object _gate = new();
    private readonly Dictionary<string, byte[]> _files = new();
    private readonly Queue<string> _order = new();
    private long _bytes;
    private long _next;

    /// <summary>Stores <paramref name="data"/> and returns its id.</summary>
    public string Add(byte[] data)
    {
        string id = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _files[id] = data;
            _order.Enqueue(id);
            _bytes += data.Length;
            while (_order.Count > MaxFiles || (_bytes > MaxBytes && _order.Count > 1))
            {
                string old = _order.Dequeue();
                if (_files.Remove(old, out byte[]? removed)) _bytes -= removed.Length;
            }
        }

        return id;
    }

    public byte[]? Get(string id)
    {
        lock (_gate) return _files.TryGetValue(id, out byte[]? data) ? data : null;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _files.Clear();
            _order.Clear();
            _bytes = 0;
        }
    }

    /// <summary>Content type from the file's magic bytes.</summary>
    public static string ContentTypeOf(byte[] data) => data switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => "application/octet-stream",
    };
}
