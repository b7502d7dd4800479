using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Midjourney.Client.Tests.Downloads;

/// <summary>Shared set-up for the download tests: tiny delays, a Success task, a PNG body.</summary>
internal static class DownloadKit
{
    public static readonly byte[] Png = { 0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4 };

    /// <summary>
    /// A downloader whose idle timeout runs on <paramref name="time"/>: by default a fake clock nobody moves, so no
    /// attempt ever times out because the machine is slow; tests of the idle timeout move the clock themselves.
    /// </summary>
    public static MjDownloader Downloader(FakeHttpHandler handler, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, TimeSpan? idle = null, TimeProvider? time = null) =>
        new(new HttpClient(handler), baseDelay ?? TimeSpan.FromMilliseconds(1), maxDelay ?? TimeSpan.FromMilliseconds(50), idle ?? TimeSpan.FromSeconds(10), time ?? new FakeTimeProvider());

    public static MjTask Task(string id, string? imageUrl, IReadOnlyList<string>? imageUrls = null, string? videoUrl = null, IReadOnlyList<string>? videoUrls = null) => new(id)
    {
        Action = "IMAGINE",
        Status = MjTaskStatus.Success,
        ImageUrl = imageUrl,
        ImageUrls = imageUrls ?? Array.Empty<string>(),
        VideoUrl = videoUrl,
        VideoUrls = videoUrls ?? Array.Empty<string>(),
    };

    public static async Task<IReadOnlyList<FileInfo>> Run(
        this MjDownloader downloader,
        MjTask task,
        string folder,
        MjDownloadOptions? options = null,
        Func<CancellationToken, Task<MjTask>>? refresh = null,
        CancellationToken cancellationToken = default) =>
        (await downloader.DownloadAsync(task, folder, options ?? new MjDownloadOptions(), refresh, cancellationToken)).Select(f => f.File).ToList();
}
