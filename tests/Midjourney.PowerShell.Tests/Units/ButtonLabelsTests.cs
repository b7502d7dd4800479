using System.Linq;
using Midjourney.PowerShell.Completers;
using Xunit;

namespace Midjourney.PowerShell.Tests.Units;

public class ButtonLabelsTests
{
    [Fact]
    public void Offers_the_labels_of_the_design() =>
        Assert.Equal(24, ButtonLabels.Common.Count);

    [Theory]
    [InlineData("u", new[] { "U1", "U2", "U3", "U4", "Upscale (Subtle)", "Upscale (Creative)" })]
    [InlineData("'vary (r", new[] { "Vary (Region)" })]
    [InlineData("zoom", new[] { "Zoom Out 2x", "Zoom Out 1.5x" })]
    public void Matches_by_prefix_ignoring_case_and_quotes(string typed, string[] expected) =>
        Assert.Equal(expected, ButtonLabels.Matching(typed).ToArray());

    [Theory]
    [InlineData("U1", "U1")]
    [InlineData("Vary (Region)", "'Vary (Region)'")]
    [InlineData("🔄", "'🔄'")]
    public void Quotes_labels_with_spaces_or_emoji(string label, string expected) =>
        Assert.Equal(expected, ButtonLabels.Quote(label));
}
