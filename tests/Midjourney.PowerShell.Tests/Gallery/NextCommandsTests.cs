using Midjourney.PowerShell.Operations.Gallery;
using Xunit;

namespace Midjourney.PowerShell.Tests.Gallery;

/// <summary>The commands a card offers: what they click, and that each runs as shown when pasted.</summary>
public class NextCommandsTests
{
    [Theory]
    [InlineData("1796607922593002", "1796607922593002")]
    [InlineData("U1", "U1")]
    [InlineData("task-a_1", "task-a_1")]
    [InlineData("0123", "'0123'")] // a leading zero would be dropped by PowerShell's number parsing
    [InlineData("1e5", "'1e5'")] // would be read as 100000
    [InlineData("12345678901234567890", "'12345678901234567890'")] // too long to stay exact as a number
    [InlineData("-Force", "'-Force'")] // would be read as a parameter
    [InlineData("Vary (Subtle)", "'Vary (Subtle)'")]
    [InlineData("🔄", "'🔄'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("smart ‘quotes’ ‚ ‛", "'smart ‘‘quotes’’ ‚‚ ‛‛'")] // PowerShell ends a string at each of these
    [InlineData("two\nlines\u001b[0m", "'two lines'")] // the module's sanitizer: escape sequences go whole
    [InlineData("$(Remove-Item ~ -Recurse)", "'$(Remove-Item ~ -Recurse)'")] // single quotes: nothing expands
    public void Values_are_literals_PowerShell_reads_back_unchanged(string value, string literal) =>
        Assert.Equal(literal, NextCommands.Literal(value));

    [Fact]
    public void A_grid_offers_its_real_buttons_and_a_row_leaves_out_the_clicks_it_already_made()
    {
        var card = new GalleryCard { Status = GalleryStatus.Done };
        card.Tasks.Add(new GalleryTask("100") { Action = "IMAGINE", IsGrid = true });
        card.Tasks.Add(new GalleryTask("101") { Via = "U2", Action = "UPSCALE", Buttons = new[] { "Vary (Subtle)", "Zoom Out 2x" } });

        var commands = NextCommands.For(card, null);

        Assert.Equal(new[]
        {
            "Get-MjTask 101 | Invoke-MjButton -Label 'Vary (Subtle)' -Wait",
            "Get-MjTask 101 | Invoke-MjButton -Label 'Zoom Out 2x' -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label U1 -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label U3 -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label U4 -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label V1 -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label V2 -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label V3 -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label V4 -Wait",
            "Get-MjTask 100 | Invoke-MjButton -Label '🔄' -Wait",
        }, commands);
    }

    [Fact]
    public void Unknown_buttons_are_listed_running_work_is_waited_for_and_a_failed_imagine_is_sent_again()
    {
        var unknown = new GalleryCard { Status = GalleryStatus.Done };
        unknown.Tasks.Add(new GalleryTask("7") { Action = "UPSCALE" });
        var running = new GalleryCard { Status = GalleryStatus.Running };
        running.Tasks.Add(new GalleryTask("8") { Status = GalleryStatus.Running });
        var failed = new GalleryCard { Status = GalleryStatus.Failed, Prompt = "a blood moon --ar 3:2" };
        failed.Tasks.Add(new GalleryTask("9") { Action = "IMAGINE", Status = GalleryStatus.Failed });
        var failedUpscale = new GalleryCard { Status = GalleryStatus.Failed, Prompt = "a fox" };
        failedUpscale.Tasks.Add(new GalleryTask("10") { Action = "UPSCALE", Status = GalleryStatus.Failed });

        Assert.Equal(new[] { "(Get-MjTask 7).Buttons" }, NextCommands.For(unknown, null));
        Assert.Equal(new[] { "Get-MjTask 8 -Connection 'http://b:8080/' | Wait-MjTask | Save-MjImage" }, NextCommands.For(running, "http://b:8080/"));
        Assert.Equal(new[] { "New-MjImagine -Prompt 'a blood moon --ar 3:2' -Wait" }, NextCommands.For(failed, null));
        Assert.Empty(NextCommands.For(failedUpscale, null));
    }
}
