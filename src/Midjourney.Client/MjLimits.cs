using System;

namespace Midjourney.Client;

/// <summary>
/// Every bound the module puts on what a server or a file can make it do, in one place. Each is far above what a real
/// answer or file needs (docs/security.md lists the largest real one beside each), and each is named in the error
/// when it trips, so a hostile or broken server costs a clean error instead of the shell's memory or time.
/// </summary>
public static class MjLimits
{
    /// <summary>Redirects an API request follows, all within the connection's own scheme, host and port (5).</summary>
    public const int MaxApiRedirects = 5;

    /// <summary>Redirects an image download follows, to any http(s) host but never from https to http (10).</summary>
    public const int MaxDownloadRedirects = 10;

    /// <summary>
    /// The largest API answer read, counted after decompression while it streams in: reading stops at the cap (32 MiB).
    /// A TrueAI list of its latest 100 tasks is about 0.5 MB; a novicezk list of 15,000 tasks still fits.
    /// </summary>
    public const int MaxResponseBytes = 32 * 1024 * 1024;

    /// <summary>Tasks in one list answer (or ids in one submit answer) (50,000; TrueAI lists at most 100).</summary>
    public const int MaxTasksPerList = 50_000;

    /// <summary>
    /// Accounts, users or banned-word lists one admin read takes, over all its pages (10,000; TrueAI's pages of 100 stop
    /// there anyway, and a real pool has some dozens of accounts).
    /// </summary>
    public const int MaxAdminItems = 10_000;

    /// <summary>
    /// JSON values (fields, array items, nested ones counted) one admin read takes, over all its items and pages
    /// (1,000,000; a real TrueAI account has about 120, a banned-word list one per word).
    /// </summary>
    public const int MaxAdminValues = 1_000_000;

    /// <summary>Buttons of one task (200; a real upscale has about 16).</summary>
    public const int MaxButtonsPerTask = 200;

    /// <summary>Image or video URLs of one task (200; a real grid has 4).</summary>
    public const int MaxUrlsPerTask = 200;

    /// <summary>Members of one task's <c>properties</c> (or a gateway's <c>extra</c>) (2,000; TrueAI sends about 30).</summary>
    public const int MaxPropertiesPerTask = 2_000;

    /// <summary>
    /// The largest image read into memory, from a URL or a file (64 MiB; a 4096×4096 Midjourney upscale is about 30 MB
    /// as PNG). Downloads to disk have their own limit, <see cref="MjDownloadOptions.MaxBytes"/>.
    /// </summary>
    public const long MaxImageBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The most pixels an image may have to be decoded, checked from its header before any pixel is allocated
    /// (64 megapixels, 256 MiB as RGBA: four times a 4096×4096 upscale, the largest Midjourney makes).
    /// </summary>
    public const long MaxImagePixels = 64L * 1024 * 1024;

    /// <summary>The text one PNG text chunk may inflate to (1 MiB; the module's own chunk is about 1 KB).</summary>
    public const int MaxPngTextBytes = 1024 * 1024;

    /// <summary>The longest line of a batch state file or the journal that is read; a longer one is skipped unread (1 MiB; a line is about 300 bytes).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>
    /// The longest a single image read into memory may take, redirects included (<see cref="MjClient.ReadImageAsync"/>,
    /// Show-MjImage, New-MjMask -Task) (2 minutes).
    /// </summary>
    public static readonly TimeSpan ImageReadTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest a server check (Test-MjServer, Connect-MjServer) may take, every request and retry included (1 minute;
    /// a real check takes well under a second). Past it, what the check had not learnt stays unknown and it says so.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest the read of the pool's capacity from its accounts may take where the client makes it on its own (at
    /// Connect-MjServer and before the first submit) (15 s). Past it the submits learn the capacity from refusals, as
    /// without an admin key.
    /// </summary>
    public static readonly TimeSpan CapacityReadTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long after a wait's deadline (Wait-MjTask -Timeout) a poll already in flight may still finish before it is
    /// cancelled and the wait ends (2 s).
    /// </summary>
    public static readonly TimeSpan WaitDeadlineGrace = TimeSpan.FromSeconds(2);

    /// <summary>Megabytes, for messages.</summary>
    internal static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
