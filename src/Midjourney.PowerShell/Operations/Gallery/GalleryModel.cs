using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>Where a card's work stands, as the page filters it.</summary>
internal enum GalleryStatus
{
    /// <summary>Finished and saved.</summary>
    Done,

    /// <summary>Failed on the server (or cancelled).</summary>
    Failed,

    /// <summary>Not finished yet (submitted, waiting, running, or waiting for a MODAL step).</summary>
    Running,
}

/// <summary>The whole page: a title and one card per batch row, task or saved task.</summary>
internal sealed class GalleryPage
{
    /// <summary>Creates the page.</summary>
    public GalleryPage(string title, IReadOnlyList<GalleryCard> cards, DateTimeOffset exported)
    {
        Title = title;
        Cards = cards;
        Exported = exported;
    }

    /// <summary>The page's title (a folder name; text, never markup).</summary>
    public string Title { get; }

    /// <summary>The cards, in order.</summary>
    public IReadOnlyList<GalleryCard> Cards { get; }

    /// <summary>When the page was written.</summary>
    public DateTimeOffset Exported { get; }

    /// <summary>Cards with the given status.</summary>
    public int Count(GalleryStatus status) => Cards.Count(c => c.Status == status);
}

/// <summary>One card: the pictures of a row or task, what it asked for, where it stands and what to type next.</summary>
internal sealed class GalleryCard
{
    /// <summary>The batch row number, for a batch row.</summary>
    public int? Row { get; set; }

    /// <summary>The prompt as sent; null when nothing recorded it.</summary>
    public string? Prompt { get; set; }

    /// <summary>Where the work stands.</summary>
    public GalleryStatus Status { get; set; }

    /// <summary>The status in words (Success, Failure, In progress 40%...).</summary>
    public string StatusText { get; set; } = string.Empty;

    /// <summary>Why it failed, in the server's words (or the batch's).</summary>
    public string? Reason { get; set; }

    /// <summary>The server's address (no credentials).</summary>
    public string? Server { get; set; }

    /// <summary>The card's tasks: the imagine, then what its clicks made.</summary>
    public List<GalleryTask> Tasks { get; } = new();

    /// <summary>The files to show, in order.</summary>
    public List<GalleryMedia> Media { get; } = new();

    /// <summary>The next commands, ready to copy (filled last, when every card is known).</summary>
    public List<string> Commands { get; } = new();
}

/// <summary>One task of a card.</summary>
internal sealed class GalleryTask
{
    /// <summary>Creates the task.</summary>
    public GalleryTask(string id) => Id = id;

    /// <summary>The task id.</summary>
    public string Id { get; }

    /// <summary>The action (IMAGINE, UPSCALE...), where known.</summary>
    public string? Action { get; set; }

    /// <summary>The click that made it (U1...), for a batch's follow-up.</summary>
    public string? Via { get; set; }

    /// <summary>Where the task stands.</summary>
    public GalleryStatus Status { get; set; } = GalleryStatus.Done;

    /// <summary>Its buttons that start new work, in the server's order; null when nothing recorded them.</summary>
    public IReadOnlyList<string>? Buttons { get; set; }

    /// <summary>True when its image is a 2×2 grid (tiles 1–4 are U1–U4).</summary>
    public bool IsGrid { get; set; }
}

/// <summary>What a media file is.</summary>
internal enum GalleryMediaKind
{
    /// <summary>A single image.</summary>
    Image,

    /// <summary>A 2×2 grid: its corners are numbered.</summary>
    Grid,

    /// <summary>A video; its preview (if any) is its cover image.</summary>
    Video,
}

/// <summary>One file a card shows or links.</summary>
internal sealed class GalleryMedia
{
    /// <summary>Creates the entry for <paramref name="file"/> (a full path).</summary>
    public GalleryMedia(string file, GalleryMediaKind kind, string caption)
    {
        File = file;
        Kind = kind;
        Caption = caption;
    }

    /// <summary>The full image or video on disk (full path).</summary>
    public string File { get; }

    /// <summary>Image, grid or video.</summary>
    public GalleryMediaKind Kind { get; }

    /// <summary>A short caption (grid, U1, video).</summary>
    public string Caption { get; }

    /// <summary>The image the preview is made from (the file itself, a video's cover); null: no preview.</summary>
    public string? PreviewSource { get; set; }

    /// <summary>Further files of the same picture (a task's videos 1–4), linked by their label.</summary>
    public List<(string Label, string File)> Extras { get; } = new();

    /// <summary>The link to <see cref="File"/>, relative to the page (set when the page is laid out).</summary>
    public string Href { get; set; } = string.Empty;

    /// <summary>The links to <see cref="Extras"/>, relative to the page, with their labels.</summary>
    public List<(string Label, string Href)> ExtraHrefs { get; } = new();

    /// <summary>The preview's link, relative to the page; null when there is none.</summary>
    public string? ThumbnailHref { get; set; }

    /// <summary>The preview's width in pixels.</summary>
    public int ThumbnailWidth { get; set; }

    /// <summary>The preview's height in pixels.</summary>
    public int ThumbnailHeight { get; set; }
}
