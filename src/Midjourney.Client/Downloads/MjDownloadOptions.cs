using System;

namespace Midjourney.Client;

/// <summary>What a download of a task's files saves, and how hard it tries.</summary>
public sealed class MjDownloadOptions
{
    /// <summary>The default per-file size limit: 256 MiB.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>The default time one file may take, every attempt and redirect included: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private long _maxBytes = DefaultMaxBytes;
    private int _maxRetries = 3;
    private TimeSpan _timeout = DefaultTimeout;

    /// <summary>Also save the separate images of <see cref="MjTask.ImageUrls"/> (the tiles of a grid) as <c>&lt;id&gt;_&lt;n&gt;</c>.</summary>
    public bool All { get; set; }

    /// <summary>Also save <see cref="MjTask.VideoUrl"/> and <see cref="MjTask.VideoUrls"/>.</summary>
    public bool IncludeVideos { get; set; }

    /// <summary>Replace files that already exist (default false: an existing file is an error).</summary>
    public bool Overwrite { get; set; }

    /// <summary>The largest file accepted, in bytes (default 256 MiB). A larger one is stopped and deleted.</summary>
    public long MaxBytes
    {
        get => _maxBytes;
        set => _maxBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxBytes must be positive.");
    }

    /// <summary>Retries of one file after a network error, a timeout, 408, 429 or 5xx (default 3; 0 = none).</summary>
    public int MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetries cannot be negative.");
    }

    /// <summary>
    /// The longest one file may take, every attempt, retry and redirect included (default 5 minutes): a deadline, besides
    /// the idle limit that ends an attempt when the server sends nothing for a minute. A server that drips its file
    /// byte by byte ends here; the partial file is deleted.
    /// </summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive.");
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"all={All} videos={IncludeVideos} overwrite={Overwrite} maxBytes={MaxBytes} retries={MaxRetries} timeout={Timeout}";
}
