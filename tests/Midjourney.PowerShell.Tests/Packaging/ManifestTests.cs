using System.Collections.Generic;
using System.Linq;
using Midjourney.PowerShell.Tests.Contract;
using Xunit;

namespace Midjourney.PowerShell.Tests.Packaging;

public class ManifestTests
{
    private static readonly Dictionary<string, object> Manifest = Psd1Reader.ReadTopLevel(RepoFiles.Read(RepoFiles.Manifest));

    private static List<string> List(string key) => Assert.IsType<List<string>>(Manifest[key]);

    private static string Text(string key) => Assert.IsType<string>(Manifest[key]);

    [Fact]
    public void CmdletsToExport_is_exactly_the_compiled_cmdlets()
    {
        var listed = List("CmdletsToExport").OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        var compiled = CompiledCmdlets.Load().Select(c => c.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToList();

        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.Equal(compiled, listed);
    }

    [Fact]
    public void Exports_nothing_but_cmdlets()
    {
        Assert.Empty(List("FunctionsToExport"));
        Assert.Empty(List("VariablesToExport"));
        Assert.Empty(List("AliasesToExport"));
    }

    [Fact]
    public void Loads_the_dll_directly_for_both_editions()
    {
        Assert.Equal("Midjourney.PowerShell.dll", Text("RootModule"));
        Assert.Equal(new[] { "Desktop", "Core" }, List("CompatiblePSEditions"));
        Assert.Equal("5.1", Text("PowerShellVersion"));
        Assert.Equal("4.7.2", Text("DotNetFrameworkVersion"));
        Assert.Equal(new[] { "Midjourney.Format.ps1xml" }, List("FormatsToProcess"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", Text("ModuleVersion"));
        Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Text("GUID"));
        Assert.False(string.IsNullOrWhiteSpace(Text("Description")));
        Assert.False(string.IsNullOrWhiteSpace(Text("Author")));
    }

    [Fact]
    public void PSData_has_the_edition_and_platform_tags_and_no_placeholder_links()
    {
        var privateData = Psd1Reader.ReadTopLevel(Text("PrivateData"));
        var psData = Psd1Reader.ReadTopLevel(Assert.IsType<string>(privateData["PSData"]));
        var tags = Assert.IsType<List<string>>(psData["Tags"]);
        foreach (var tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS", "Midjourney" })
        {
            Assert.Contains(tag, tags);
        }

        Assert.All(tags, t => Assert.DoesNotContain(" ", t));
        foreach (var key in new[] { "LicenseUri", "ProjectUri", "IconUri" })
        {
            if (psData.TryGetValue(key, out var value))
            {
                var uri = Assert.IsType<string>(value);
                Assert.StartsWith("https://", uri);
                Assert.DoesNotContain("example", uri, System.StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("contoso", uri, System.StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void The_psd1_reader_rejects_what_it_does_not_understand()
    {
        Assert.Throws<System.FormatException>(() => Psd1Reader.ReadTopLevel("@{ A = \"$x\" }"));
        Assert.Throws<System.FormatException>(() => Psd1Reader.ReadTopLevel("@{ A = 'x'; A = 'y' }"));
        var parsed = Psd1Reader.ReadTopLevel("<# c #>\n@{\n # k\n A = @('x', 'y'\n 'z') ; B = 'it''s'\n C = @{ D = 1 }\n}");
        Assert.Equal(new[] { "x", "y", "z" }, (List<string>)parsed["A"]);
        Assert.Equal("it's", parsed["B"]);
        Assert.Equal("@{ D = 1 }", parsed["C"]);
    }
}
