using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>
/// Writes the gallery page. Every value that reaches the page (prompts, reasons, labels, ids, servers, file links) goes
/// through <see cref="Escape"/>, the page's one escaper, for text and attributes alike; the markup around them is
/// fixed here. The page loads only its own gallery.css and gallery.js, and its Content-Security-Policy forbids
/// every other script, style, image or connection.
/// </summary>
internal static class GalleryHtml
{
    /// <summary>
    /// The policy: nothing by default; scripts, styles and images from the page's own folder only (videos are links); no base
    /// URL, no form target. Inline script and style are not allowed.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>How many commands a card shows before the rest fold under "more".</summary>
    private const int ShownCommands = 4;

    /// <summary>
    /// Server text made safe for the page: the module's one sanitizer (<see cref="MjText.CleanLine"/>) removes control
    /// characters and escape sequences (line breaks become spaces: the page shows one line per value), bidirectional
    /// overrides (which can make text read differently from what it is) become spaces, then <c>&amp; &lt; &gt; " '</c>
    /// become character references. The result is safe inside element text and inside a quoted attribute value.
    /// </summary>
    public static string Escape(string? text)
    {
        var clean = MjText.CleanLine(text);
        if (string.IsNullOrEmpty(clean))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(clean!.Length + 16);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    builder.Append(IsDirectionOverride(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes the page.</summary>
    public static void Write(TextWriter w, GalleryPage page)
    {
        var done = page.Count(GalleryStatus.Done);
        var failed = page.Count(GalleryStatus.Failed);
        var running = page.Count(GalleryStatus.Running);
        var title = $"{page.Title} · {done} done, {failed} failed · Midjourney";

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + Escape(ContentSecurityPolicy) + "\">\n");
        w.Write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta name=\"color-scheme\" content=\"light dark\">\n");
        w.Write("<meta name=\"generator\" content=\"Export-MjGallery\">\n");
        w.Write("<title>" + Escape(title) + "</title>\n");
        w.Write("<link rel=\"stylesheet\" href=\"" + GalleryAssets.StyleName + "\">\n");
        w.Write("<script src=\"" + GalleryAssets.ScriptName + "\" defer></script>\n</head>\n<body>\n");

        w.Write("<header>\n<h1>" + Escape(page.Title) + "</h1>\n<p class=\"counts\">");
        w.Write($"<span class=\"badge done\">{done} done</span> <span class=\"badge failed\">{failed} failed</span>");
        if (running > 0)
        {
            w.Write($" <span class=\"badge running\">{running} not finished</span>");
        }

        w.Write(" <span class=\"when\">exported " + Escape(page.Exported.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)) + "</span></p>\n");
        w.Write("<div class=\"filters\" role=\"search\">\n");
        w.Write("<label for=\"q\">Filter</label> <input id=\"q\" type=\"search\" placeholder=\"words, task id, parameter\" autocomplete=\"off\" spellcheck=\"false\" aria-keyshortcuts=\"/\">\n");
        w.Write("<label for=\"status\">Status</label> <select id=\"status\"><option value=\"\">all</option><option value=\"done\">done</option><option value=\"failed\">failed</option><option value=\"running\">not finished</option></select>\n");
        w.Write($"<output id=\"shown\" for=\"q status\" aria-live=\"polite\">{page.Cards.Count} of {page.Cards.Count} shown</output>\n</div>\n");
        w.Write("<p class=\"keys\"><kbd>/</kbd> filter · <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> move between cards · <kbd>Enter</kbd> open the picture · <kbd>c</kbd> copy the first command · <kbd>Esc</kbd> clear the filter</p>\n");
        w.Write("</header>\n<main id=\"cards\">\n");

        var number = 0;
        foreach (var card in page.Cards)
        {
            WriteCard(w, card, ++number);
        }

        w.Write("</main>\n</body>\n</html>\n");
    }

    private static void WriteCard(TextWriter w, GalleryCard card, int number)
    {
        var status = StatusName(card.Status);
        w.Write($"<article class=\"card\" tabindex=\"0\" data-status=\"{status}\" aria-labelledby=\"p{number}\">\n");
        WriteMedia(w, card);

        w.Write("<div class=\"body\">\n<p class=\"status\"><span class=\"badge " + status + "\">" + Escape(card.StatusText) + "</span>");
        if (card.Row is int row)
        {
            w.Write(" <span class=\"row\">row " + row.ToString(CultureInfo.InvariantCulture) + "</span>");
        }

        w.Write("</p>\n");
        var parts = card.Prompt is null ? null : PromptParts.Of(card.Prompt);
        w.Write($"<h2 class=\"prompt\" id=\"p{number}\">");
        w.Write(parts is null ? "<span class=\"none\">(no prompt recorded)</span>" : Escape(parts.Text.Length > 0 ? parts.Text : card.Prompt));
        w.Write("</h2>\n");
        if (parts is { Parameters.Count: > 0 })
        {
            w.Write("<ul class=\"params\">");
            foreach (var (name, value) in parts.Parameters)
            {
                w.Write("<li><b>" + Escape(name) + "</b>" + (value.Length > 0 ? " " + Escape(value) : string.Empty) + "</li>");
            }

            w.Write("</ul>\n");
        }

        w.Write("<dl class=\"facts\">");
        foreach (var task in card.Tasks)
        {
            var term = task.Via ?? "Task";
            w.Write("<dt>" + Escape(term) + "</dt><dd><code>" + Escape(task.Id) + "</code>");
            if (task.Action is { } action)
            {
                w.Write(" " + Escape(action.ToLowerInvariant()));
            }

            if (task.Status != card.Status)
            {
                w.Write(" (" + StatusName(task.Status) + ")");
            }

            w.Write("</dd>");
        }

        if (card.Server is { } server)
        {
            w.Write("<dt>Server</dt><dd>" + Escape(server) + "</dd>");
        }

        w.Write("</dl>\n");
        if (card.Reason is { } reason)
        {
            w.Write("<p class=\"reason\">" + Escape(reason) + "</p>\n");
        }

        if (card.Commands.Count > 0)
        {
            WriteCommands(w, card.Commands.Take(ShownCommands));
            if (card.Commands.Count > ShownCommands)
            {
                var more = card.Commands.Count - ShownCommands;
                w.Write($"<details><summary>{more} more command{(more == 1 ? string.Empty : "s")}</summary>\n");
                WriteCommands(w, card.Commands.Skip(ShownCommands));
                w.Write("</details>\n");
            }
        }

        w.Write("</div>\n</article>\n");
    }

    private static void WriteMedia(TextWriter w, GalleryCard card)
    {
        if (card.Media.Count == 0)
        {
            w.Write("<div class=\"media empty\"><span>" + (card.Status == GalleryStatus.Failed ? "failed" : card.Status == GalleryStatus.Running ? "not finished" : "no picture saved") + "</span></div>\n");
            return;
        }

        w.Write($"<div class=\"media n{Math.Min(card.Media.Count, 4)}\">\n");
        foreach (var media in card.Media)
        {
            var kind = media.Kind.ToString().ToLowerInvariant();
            w.Write($"<figure class=\"{kind}\"><a href=\"{Escape(media.Href)}\" target=\"_blank\" rel=\"noopener noreferrer\">");
            if (media.ThumbnailHref is { } thumbnail)
            {
                var alt = $"{media.Caption}: {Path.GetFileName(media.File)}";
                w.Write($"<img src=\"{Escape(thumbnail)}\" width=\"{media.ThumbnailWidth}\" height=\"{media.ThumbnailHeight}\" loading=\"lazy\" decoding=\"async\" alt=\"{Escape(alt)}\">");
            }
            else
            {
                w.Write("<span class=\"nopreview\">" + Escape(Path.GetFileName(media.File)) + "</span>");
            }

            if (media.Kind == GalleryMediaKind.Grid)
            {
                w.Write("<span class=\"tile t1\">1</span><span class=\"tile t2\">2</span><span class=\"tile t3\">3</span><span class=\"tile t4\">4</span>");
            }
            else if (media.Kind == GalleryMediaKind.Video)
            {
                w.Write("<span class=\"play\" aria-hidden=\"true\">▶</span>");
            }

            w.Write("</a><figcaption>" + Escape(media.Caption));
            foreach (var (label, href) in media.ExtraHrefs)
            {
                w.Write($" <a href=\"{Escape(href)}\" target=\"_blank\" rel=\"noopener noreferrer\">{Escape(label)}</a>");
            }

            w.Write("</figcaption></figure>\n");
        }

        w.Write("</div>\n");
    }

    private static void WriteCommands(TextWriter w, System.Collections.Generic.IEnumerable<string> commands)
    {
        w.Write("<ul class=\"commands\">\n");
        foreach (var command in commands)
        {
            w.Write("<li><code>" + Escape(command) + "</code><button type=\"button\" class=\"copy\">Copy</button></li>\n");
        }

        w.Write("</ul>\n");
    }

    private static string StatusName(GalleryStatus status) => status switch
    {
        GalleryStatus.Done => "done",
        GalleryStatus.Failed => "failed",
        _ => "running",
    };

    // The bidirectional embeddings, overrides, isolates and marks.
    private static bool IsDirectionOverride(char c) =>
        (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
}
