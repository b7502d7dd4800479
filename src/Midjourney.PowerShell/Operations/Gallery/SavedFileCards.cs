using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Midjourney.PowerShell.Imaging;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>
/// Cards for saved files (Save-MjImage's naming: <c>&lt;id&gt;.png</c>, tiles <c>&lt;id&gt;_1</c>…, videos
/// <c>&lt;id&gt;.mp4</c>, <c>&lt;id&gt;_n.mp4</c>): one card per task, its facts from the PNG text or the sidecar.
/// </summary>
internal static class SavedFileCards
{
    // The facts this module writes sit right after a PNG's header; a picture's first 256 KB always hold them.
    private const int FactsHead = 256 * 1024;

    private static readonly string[] ImageExtensions = { ".png", ".jpg", ".jpeg", ".webp", ".gif" };
    private static readonly string[] VideoExtensions = { ".mp4", ".webm", ".mov" };
    private static readonly Regex Numbered = new("^(.+)_([1-9])$", RegexOptions.CultureInvariant);

    /// <summary>True for an image file the page can preview.</summary>
    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a video file.</summary>
    public static bool IsVideo(string path) => VideoExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a file a card shows (an image or a video).</summary>
    public static bool IsMedia(string path) => IsImage(path) || IsVideo(path);

    /// <summary>The facts a saved file records: its PNG text, else the sidecar of its task (<c>&lt;id&gt;.json</c>).</summary>
    public static MjImageInfo Facts(string path)
    {
        var info = new MjImageInfo { Path = path };
        try
        {
            info = IsImage(path) ? ImageMetadata.Read(path, FactsHead) : info;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidInputException)
        {
            // Unreadable facts leave the card with the file alone; the preview step says what is wrong with it.
        }

        if (info.Source == "None")
        {
            // A video or a numbered file: the sidecar of its task (<id>.json for <id>_2.mp4).
            var stem = Path.GetFileNameWithoutExtension(path);
            var match = Numbered.Match(stem);
            foreach (var candidate in match.Success ? new[] { stem, match.Groups[1].Value } : new[] { stem })
            {
                try
                {
                    var facts = ImageMetadata.ReadSidecar(path, Path.Combine(Path.GetDirectoryName(path) ?? ".", candidate + ".json"));
                    if (facts.Source != "None")
                    {
                        facts.Width ??= info.Width;
                        facts.Height ??= info.Height;
                        return facts;
                    }
                }
                catch (InvalidInputException)
                {
                    // A sidecar that cannot be read (too big, locked): the next candidate, else no facts.
                }
            }
        }

        return info;
    }

    /// <summary>One card per task among <paramref name="files"/> (full paths), in the order the tasks first appear.</summary>
    public static IReadOnlyList<GalleryCard> From(IReadOnlyList<string> files)
    {
        var stems = new HashSet<string>(files.Select(f => Key(Path.GetDirectoryName(f), Path.GetFileNameWithoutExtension(f))), StringComparer.OrdinalIgnoreCase);
        var groups = new List<(string Key, List<(string File, MjImageInfo Facts)> Files)>();
        var byKey = new Dictionary<string, List<(string, MjImageInfo)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            var facts = Facts(file);
            var folder = Path.GetDirectoryName(file);
            var stem = Path.GetFileNameWithoutExtension(file);
            var match = Numbered.Match(stem);
            var owner = facts.TaskId ?? (match.Success && stems.Contains(Key(folder, match.Groups[1].Value)) ? match.Groups[1].Value : stem);
            var key = Key(folder, owner);
            if (!byKey.TryGetValue(key, out var group))
            {
                byKey[key] = group = new List<(string, MjImageInfo)>();
                groups.Add((key, group));
            }

            group.Add((file, facts));
        }

        return groups.Select(g => Card(g.Files)).ToList();
    }

    /// <summary>The card of one task's files.</summary>
    private static GalleryCard Card(List<(string File, MjImageInfo Facts)> files)
    {
        var facts = files.Select(f => f.Facts).FirstOrDefault(f => f.TaskId is not null) ?? files[0].Facts;
        var id = facts.TaskId ?? Path.GetFileNameWithoutExtension(files[0].File);
        var task = new GalleryTask(id)
        {
            Action = facts.Action,
            Buttons = facts.Buttons.Count > 0 ? facts.Buttons : null,
        };
        task.IsGrid = IsGrid(task);
        var card = new GalleryCard { Prompt = facts.Prompt, Server = facts.Server, Status = GalleryStatus.Done, StatusText = "Saved" };
        card.Tasks.Add(task);
        AddMedia(card, task, files.Select(f => f.File).ToList());
        return card;
    }

    /// <summary>
    /// Adds a task's files to its card: a video (its cover image as preview, the other videos as extras), else the
    /// main image (a grid or one picture), else its tiles.
    /// </summary>
    public static void AddMedia(GalleryCard card, GalleryTask task, IReadOnlyList<string> files)
    {
        // A video task's numbered files are its videos whatever they hold (a server may send an animated PNG). So is its
        // un-numbered one when the numbers start at 2 and no other file is the main video: Save-MjImage saves a TrueAI
        // video's first video, which is also the task's image, as <id> and the others as <id>_2...
        var isVideoTask = string.Equals(task.Action, "VIDEO", StringComparison.OrdinalIgnoreCase);
        var numbers = files.Select(f => Numbered.Match(Path.GetFileNameWithoutExtension(f))).Where(m => m.Success).Select(m => m.Groups[2].Value).ToList();
        var firstIsVideo = isVideoTask && numbers.Count > 0 && !numbers.Contains("1")
            && !files.Any(f => IsVideo(f) && !Numbered.IsMatch(Path.GetFileNameWithoutExtension(f)));
        bool IsVideoFile(string f) => IsVideo(f) || (isVideoTask && (firstIsVideo || Numbered.IsMatch(Path.GetFileNameWithoutExtension(f))));
        var images = files.Where(f => IsImage(f) && !IsVideoFile(f)).ToList();
        var videos = files.Where(IsVideoFile).OrderBy(f => Path.GetFileNameWithoutExtension(f).Length).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var main = images.FirstOrDefault(f => !Numbered.IsMatch(Path.GetFileNameWithoutExtension(f))) ?? (images.Count == 1 ? images[0] : null);
        if (videos.Count > 0)
        {
            // <id>.mp4 is the main video; <id>_1.mp4... are all of them (the first may be the main one again). A main
            // video that is a picture format (an animated PNG) is its own preview when there is no cover.
            var numbered = videos.Where(f => Numbered.IsMatch(Path.GetFileNameWithoutExtension(f))).ToList();
            var first = videos.Except(numbered).FirstOrDefault() ?? videos[0];
            var video = new GalleryMedia(first, GalleryMediaKind.Video, videos.Count > 1 ? "videos" : "video") { PreviewSource = main ?? (IsImage(first) ? first : null) };
            if (videos.Count > 1)
            {
                video.Extras.AddRange(numbered.Select(f => (Numbered.Match(Path.GetFileNameWithoutExtension(f)).Groups[2].Value, f)));
            }

            card.Media.Add(video);
        }
        else if (main is not null)
        {
            card.Media.Add(new GalleryMedia(main, task.IsGrid ? GalleryMediaKind.Grid : GalleryMediaKind.Image, Caption(task)) { PreviewSource = main });
        }
        else
        {
            foreach (var tile in images.OrderBy(f => f, StringComparer.Ordinal))
            {
                var number = Numbered.Match(Path.GetFileNameWithoutExtension(tile)).Groups[2].Value;
                card.Media.Add(new GalleryMedia(tile, GalleryMediaKind.Image, "tile " + number) { PreviewSource = tile });
            }
        }
    }

    /// <summary>
    /// True when the task's image is a 2×2 grid: it has U1–U4 (a video's U1–U4 pick a video), or, with no buttons
    /// recorded, its action makes grids.
    /// </summary>
    public static bool IsGrid(GalleryTask task)
    {
        if (string.Equals(task.Action, "VIDEO", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (task.Buttons is { } buttons)
        {
            return new[] { "U1", "U2", "U3", "U4" }.All(label => buttons.Contains(label, StringComparer.OrdinalIgnoreCase));
        }

        return task.Action?.ToUpperInvariant() is "IMAGINE" or "VARIATION" or "REROLL" or "BLEND" or "PAN" or "ZOOM" or "OUTPAINT";
    }

    private static string Caption(GalleryTask task) =>
        task.IsGrid ? "grid: tiles 1–4 are U1–U4" : task.Via ?? (task.Action is { } action ? action.ToLowerInvariant() : "image");

    private static string Key(string? folder, string stem) => (folder ?? string.Empty) + "|" + stem;
}
