using System.Linq;
using Midjourney.PowerShell.Completers;
using Xunit;

namespace Midjourney.PowerShell.Tests.Units;

public class ButtonLabelsTests
{
    [Fact]
    public void Offers_the_labels_of_the_design_with_the_describe_picks_bookmark_and_video_buttons()
    {
        Assert.Equal(33, ButtonLabels.Common.Count);
        foreach (var label in new[] { "1️⃣", "2️⃣", "3️⃣", "4️⃣", "❤️", "Extend (High motion)", "Extend (Low motion)", "Make Square" })
        {
            Assert.Contains(label, ButtonLabels.Common);
        }
    }

    [Theory]
    [InlineData("u", new[] { "U1", "U2", "U3", "U4", "Upscale (Subtle)", "Upscale (Creative)", "Upscale (2x)", "Upscale (4x)" })]
    [InlineData("'vary (r", new[] { "Vary (Region)" })]
    [InlineData("'Vary (R'", new[] { "Vary (Region)" })]
    [InlineData("\"Vary (R\"", new[] { "Vary (Region)" })]
    [InlineData("⬅", new[] { "⬅️" })]
    [InlineData("zoom", new[] { "Zoom Out 2x", "Zoom Out 1.5x" })]
    public void Matches_by_prefix_ignoring_case_and_quotes(string typed, string[] expected) =>
        Assert.Equal(expected, ButtonLabels.Matching(typed).ToArray());

    [Theory]
    [InlineData("U1", "U1")]
    [InlineData("Vary (Region)", "'Vary (Region)'")]
    [InlineData("🔄", "'🔄'")]
    public void Quotes_labels_with_spaces_or_emoji(string label, string expected) =>
        Assert.Equal(expected, ButtonLabels.Quote(label));

    [Fact]
    public void Keeps_the_quote_the_user_opened() =>
        Assert.Equal("\"Vary (Region)\"", ButtonLabels.Quote("Vary (Region)", "\"Va\""));
}
