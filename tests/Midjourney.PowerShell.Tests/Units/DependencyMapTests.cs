using Midjourney.PowerShell.Loading;
using Xunit;

namespace Midjourney.PowerShell.Tests.Units;

public class DependencyMapTests
{
    private static readonly DependencyMap Map = new(new[] { "/m/dependencies/System.Text.Json.dll", "/m/dependencies/Polly.Core.dll", "/m/dependencies/readme.txt" });

    [Theory]
    [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "/m/dependencies/System.Text.Json.dll")]
    [InlineData("system.text.json, Version=4.0.1.0", "/m/dependencies/System.Text.Json.dll")]
    [InlineData("Polly.Core", "/m/dependencies/Polly.Core.dll")]
    public void Answers_by_simple_name_whatever_the_version(string request, string expected) =>
        Assert.Equal(expected, Map.PathFor(request));

    [Theory]
    [InlineData("System.Memory, Version=4.0.1.2")]
    [InlineData("System.Text.Json.resources, Version=8.0.0.0, Culture=de")]
    [InlineData("readme")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("not a valid, =name,,")]
    public void Does_not_answer_for_names_it_does_not_hold(string? request) =>
        Assert.Null(Map.PathFor(request));

    [Fact]
    public void A_missing_folder_gives_an_empty_map() =>
        Assert.Equal(0, DependencyMap.ForModule("/nowhere/Midjourney.PowerShell.dll").Count);
}
