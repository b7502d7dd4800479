using System;
using System.IO;
using System.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Midjourney.PowerShell.Operations.Gallery;
using Xunit;

namespace Midjourney.PowerShell.Tests.Gallery;

/// <summary>
/// The page as a browser parses it (AngleSharp follows the HTML5 parsing rules): text from servers and files stays
/// text in every place it lands, the only script is the page's own, and every link is relative.
/// </summary>
public class GalleryPageTests
{
    private const string HostilePrompt = "<img src=x onerror=alert(1)> fox \"quoted\" 'single' & </h2><script>alert(2)</script> --ar 3:2";
    private const string HostileReason = "</p><iframe src=https://evil.example/></iframe> \u001b[31mred\u001b[0m";
    private const string HostileLabel = "'\"><svg onload=alert(3)>";
    private const string HostileId = "1\"><script>alert(4)</script>";
    private const string HostileServer = "javascript:alert(5)//\" onmouseover=\"alert(6)";

    private static IHtmlDocument Parse(GalleryPage page)
    {
        using var writer = new StringWriter();
        GalleryHtml.Write(writer, page);
        return new HtmlParser().ParseDocument(writer.ToString());
    }

    private static GalleryPage HostilePage()
    {
        var card = new GalleryCard { Row = 1, Prompt = HostilePrompt, Status = GalleryStatus.Failed, StatusText = "Failed", Reason = HostileReason, Server = HostileServer };
        card.Tasks.Add(new GalleryTask(HostileId) { Action = "IMAGINE", Buttons = new[] { HostileLabel }, Status = GalleryStatus.Done });
        var media = new GalleryMedia("/x/a#b %c.png", GalleryMediaKind.Grid, "grid\"><b>")
        {
            Href = RelativeLinks.From("/x/gallery", "/x/a#b %c.png")!,
            ThumbnailHref = "thumbs/" + Uri.EscapeDataString("a#b \"c.jpg"),
            ThumbnailWidth = 10,
            ThumbnailHeight = 10,
        };
        card.Media.Add(media);
        card.Commands.AddRange(NextCommands.For(card, HostileServer));
        return new GalleryPage("<b>night</b>", new[] { card }, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Hostile_server_text_is_text_everywhere_it_lands()
    {
        var document = Parse(HostilePage());

        // The page's own script is the only one, and no element got an event handler or a frame.
        Assert.Equal(new[] { GalleryAssets.ScriptName }, document.Scripts.Select(s => s.GetAttribute("src")));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(document.QuerySelectorAll("iframe, svg, b b, h1 b"));
        Assert.All(document.Images, image => Assert.StartsWith("thumbs/", image.GetAttribute("src"), StringComparison.Ordinal));

        // What the reader sees is exactly what the server sent (control characters as spaces).
        Assert.Equal("<b>night</b>", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("<img src=x onerror=alert(1)> fox \"quoted\" 'single' & </h2><script>alert(2)</script>", document.QuerySelector("h2.prompt")!.TextContent);
        Assert.Equal("</p><iframe src=https://evil.example/></iframe> red", document.QuerySelector(".reason")!.TextContent);
        Assert.Contains(HostileId, document.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileServer, document.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("AspectRatio 3:2", document.QuerySelector(".params li")!.TextContent);
        var commands = document.QuerySelectorAll(".commands code").Select(c => c.TextContent).ToList();
        Assert.Contains("New-MjImagine -Prompt '<img src=x onerror=alert(1)> fox \"quoted\" ''single'' & </h2><script>alert(2)</script> --ar 3:2' -Connection 'javascript:alert(5)//\" onmouseover=\"alert(6)' -Wait", commands);
        Assert.Contains("Get-MjTask '1\"><script>alert(4)</script>' -Connection 'javascript:alert(5)//\" onmouseover=\"alert(6)' | Invoke-MjButton -Label '''\"><svg onload=alert(3)>' -Wait", commands);
    }

    [Fact]
    public void Every_link_is_relative_and_percent_encoded()
    {
        var document = Parse(HostilePage());
        var links = document.All.SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }).Where(v => v is not null).ToList();

        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            Assert.False(Uri.TryCreate(link, UriKind.Absolute, out _), link);
            Assert.DoesNotContain(":", link!.Split('/')[0], StringComparison.Ordinal);
            Assert.False(link.StartsWith("//", StringComparison.Ordinal), link);
        });
        Assert.Equal("../a%23b%20%25c.png", document.QuerySelector("figure a")!.GetAttribute("href"));
        Assert.Equal("thumbs/a%23b%20%22c.jpg", document.Images.Single().GetAttribute("src"));
    }

    [Fact]
    public void The_policy_allows_the_pages_own_files_only()
    {
        var document = Parse(HostilePage());
        var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");

        Assert.Equal(GalleryHtml.ContentSecurityPolicy, policy);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Equal(GalleryAssets.StyleName, document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
    }

    [Fact]
    public void The_escaper_drops_controls_escape_sequences_and_direction_overrides_and_escapes_the_five_characters()
    {
        Assert.Equal("ab c d", GalleryHtml.Escape("a\u001b[31mb\u202ec\u2066d\u0085"));
        Assert.Equal("one line", GalleryHtml.Escape("one\nline\u0007"));
        Assert.Equal("&amp;&lt;&gt;&quot;&#39;", GalleryHtml.Escape("&<>\"'"));
        Assert.Equal(string.Empty, GalleryHtml.Escape(null));
        Assert.Equal("红狐狸 🦊", GalleryHtml.Escape("红狐狸 🦊"));
    }

    [Fact]
    public void Counts_grid_numbers_and_folded_commands_are_written()
    {
        var done = new GalleryCard { Status = GalleryStatus.Done, StatusText = "Done", Prompt = "red fox" };
        done.Tasks.Add(new GalleryTask("17") { Action = "IMAGINE", IsGrid = true });
        done.Media.Add(new GalleryMedia("/x/17.png", GalleryMediaKind.Grid, "grid") { Href = "../17.png", ThumbnailHref = "thumbs/17.jpg", ThumbnailWidth = 480, ThumbnailHeight = 320 });
        done.Commands.AddRange(NextCommands.For(done, null));
        var failed = new GalleryCard { Status = GalleryStatus.Failed, StatusText = "Failed", Prompt = "a blood moon", Reason = "banned" };
        failed.Commands.AddRange(NextCommands.For(failed, null));
        var page = new GalleryPage("night", new[] { done, failed }, DateTimeOffset.UnixEpoch);

        var document = Parse(page);

        Assert.Equal("1 done", document.QuerySelector(".counts .done")!.TextContent);
        Assert.Equal("1 failed", document.QuerySelector(".counts .failed")!.TextContent);
        Assert.Equal(new[] { "done", "failed" }, document.QuerySelectorAll("article.card").Select(c => c.GetAttribute("data-status")));
        Assert.Equal(new[] { "1", "2", "3", "4" }, document.QuerySelectorAll("figure.grid .tile").Select(t => t.TextContent));
        var image = document.Images.Single();
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal(("480", "320"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal(4, document.QuerySelectorAll("article:first-child > .body > .commands li").Length);
        Assert.Equal("5 more commands", document.QuerySelector("details summary")!.TextContent);
        Assert.Equal("Get-MjTask 17 | Invoke-MjButton -Label U1 -Wait", document.QuerySelector(".commands code")!.TextContent);
        Assert.Equal("New-MjImagine -Prompt 'a blood moon' -Wait", document.QuerySelectorAll("article")[1].QuerySelector("code")!.TextContent);
        Assert.Equal("night · 1 done, 1 failed · Midjourney", document.Title);
    }
}
