using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>
/// The page's previews: one JPEG per picture (at most <see cref="MaxSide"/> pixels a side and <see cref="MaxBytes"/>
/// bytes) in the page's <c>thumbs</c> folder, made on all cores by the Imaging assembly. A preview newer than its
/// picture is kept, so exporting the same folder again only makes the new ones.
/// </summary>
internal static class GalleryThumbnails
{
    /// <summary>The folder of the previews, inside the page's folder.</summary>
    public const string Folder = "thumbs";

    /// <summary>The longest side of a preview, in pixels (a card is about 300 CSS pixels wide; 480 stays sharp on most screens).</summary>
    public const int MaxSide = 480;

    /// <summary>The most bytes of one preview.</summary>
    public const int MaxBytes = 40 * 1024;

    /// <summary>Makes (or keeps) the preview of every picture in <paramref name="media"/> and fills in its link and size.</summary>
    public static void Make(IReadOnlyList<GalleryMedia> media, string pageFolder, ICommandOutput output, CancellationToken cancellationToken)
    {
        var sources = media.Where(m => m.PreviewSource is not null).Select(m => m.PreviewSource!).Distinct(StringComparer.Ordinal).ToList();
        if (sources.Count == 0)
        {
            return;
        }

        var folder = Path.Combine(pageFolder, Folder);
        Directory.CreateDirectory(folder);
        var made = new Dictionary<string, (string Name, int Width, int Height)>(StringComparer.Ordinal);
        var progress = new GalleryProgress(output, "Previews", sources.Count);
        ImagingUnavailableException? unavailable = null;
        Parallel.ForEach(
            sources,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            (source, loop) =>
            {
                var name = NameOf(source);
                try
                {
                    var (width, height) = MakeOne(source, Path.Combine(folder, name));
                    lock (made)
                    {
                        made[source] = (name, width, height);
                    }
                }
                catch (Exception e) when (e is InvalidInputException or IOException or UnauthorizedAccessException)
                {
                    output.WriteWarning($"No preview of '{source}': {e.Message} The card links the file.");
                }
                catch (ImagingUnavailableException e)
                {
                    // No picture can be read on this machine: stop at once and say how to add the library.
                    Interlocked.CompareExchange(ref unavailable, e, null);
                    loop.Stop();
                }

                progress.Step();
            });
        progress.Complete();
        if (unavailable is not null)
        {
            throw unavailable;
        }

        foreach (var item in media)
        {
            if (item.PreviewSource is { } source && made.TryGetValue(source, out var preview))
            {
                item.ThumbnailHref = Folder + "/" + Uri.EscapeDataString(preview.Name);
                item.ThumbnailWidth = preview.Width;
                item.ThumbnailHeight = preview.Height;
            }
        }
    }

    /// <summary>
    /// The preview's file name: the picture's name (made safe) and a hash of its full path, so two pictures of the same
    /// name in different folders never share a preview.
    /// </summary>
    public static string NameOf(string source)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(Path.GetFullPath(source)));
        var stem = DownloadFileNames.SanitizeId(Path.GetFileNameWithoutExtension(source));
        return stem + "-" + string.Concat(hash.Take(4).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))) + ".jpg";
    }

    private static (int Width, int Height) MakeOne(string source, string path)
    {
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) >= File.GetLastWriteTimeUtc(source) && ImageWork.ReadSize(ImageFiles.ReadHead(path, 64 * 1024)) is { } kept)
        {
            return kept;
        }

        // Read like every image file: refused over MjLimits.MaxImageBytes before it is read.
        var (jpeg, width, height) = ImageWork.Thumbnail(ImageFiles.Read(source), $"'{source}'", MaxSide, MaxBytes);
        var partial = path + ".partial";
        File.WriteAllBytes(partial, jpeg);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(partial, path);
        return (width, height);
    }
}
