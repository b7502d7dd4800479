using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Midjourney.HelpBuilder;
using Midjourney.PowerShell.Tests.Contract;
using Xunit;

namespace Midjourney.PowerShell.Tests.Packaging;

public sealed class HelpBuilderTests : IDisposable
{
    private static readonly XNamespace Command = MamlWriter.Command;
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Dev = MamlWriter.Dev;
    private readonly string _out = Path.Combine(Path.GetTempPath(), "mj-help-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private const string Minimal = """
        # Get-MjThing

        ## SYNOPSIS

        Gets a thing.

        ## DESCRIPTION

        Gets the `thing` with **care**.

        ## EXAMPLES

        ### Example 1: One

        ```powershell
        # a comment, not a heading
        Get-MjThing -Name a
        ```

        Gets a.

        ### Example 2: Two

        ```powershell
        'a', 'b' | Get-MjThing
        ```

        Gets both.

        ## PARAMETERS

        ### -Name

        The name.

        ```yaml
        Type: String[]
        Parameter Sets: ByName
        Aliases: N, Id

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByValue, ByPropertyName)
        Accept wildcard characters: False
        ```

        ### -Fast

        Goes fast.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters

        The usual.

        ## INPUTS

        ### System.String

        Names.

        ## OUTPUTS

        ### Midjourney.Client.MjTask

        Things.

        ## NOTES

        None.
        """;

    private static string Without(string section) =>
        string.Join("\n", Minimal.Split('\n').Where(l => !l.StartsWith("## " + section, StringComparison.Ordinal)));

    [Fact]
    public void Parses_the_minimal_format()
    {
        var help = CommandHelpParser.Parse(Minimal, "Get-MjThing.md");

        Assert.Equal("Get-MjThing", help.Name);
        Assert.Equal("Get", help.Verb);
        Assert.Equal("MjThing", help.Noun);
        Assert.Equal("Gets a thing.", help.Synopsis);
        Assert.Equal(2, help.Examples.Count);
        Assert.StartsWith("# a comment", help.Examples[0].Code, StringComparison.Ordinal);
        var name = help.Parameters[0];
        Assert.Equal(("Name", "String[]", true, "0"), (name.Name, name.Type, name.Required, name.Position));
        Assert.Equal(new[] { "N", "Id" }, name.Aliases);
        Assert.Equal(new[] { "ByName" }, name.ParameterSets);
        Assert.True(help.Parameters[1].IsSwitch);
        Assert.Empty(help.Parameters[1].ParameterSets);
        Assert.True(help.HasCommonParameters);
    }

    [Fact]
    public void Writes_maml_that_get_help_understands()
    {
        var maml = MamlWriter.Write(new[] { CommandHelpParser.Parse(Minimal, "Get-MjThing.md") });
        var command = Assert.Single(maml.Root!.Elements(Command + "command"));

        Assert.Equal("helpItems", maml.Root.Name.LocalName);
        Assert.Equal("maml", (string?)maml.Root.Attribute("schema"));
        var details = command.Element(Command + "details")!;
        Assert.Equal("Get-MjThing", (string?)details.Element(Command + "name"));
        Assert.Equal("Get", (string?)details.Element(Command + "verb"));
        Assert.Equal("MjThing", (string?)details.Element(Command + "noun"));
        Assert.Equal("Gets a thing.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        Assert.Equal("Gets the thing with care.", command.Element(Maml + "description")!.Element(Maml + "para")!.Value);

        var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        Assert.Equal(2, parameters.Count);
        Assert.Equal("true", (string?)parameters[0].Attribute("required"));
        Assert.Equal("0", (string?)parameters[0].Attribute("position"));
        Assert.Equal("True (ByValue, ByPropertyName)", (string?)parameters[0].Attribute("pipelineInput"));
        Assert.Equal("N, Id", (string?)parameters[0].Attribute("aliases"));
        Assert.Equal("String[]", parameters[0].Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("named", (string?)parameters[1].Attribute("position"));

        var syntax = Assert.Single(command.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
        Assert.Equal(2, syntax.Elements(Command + "parameter").Count());

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Contains("Get-MjThing -Name a", examples[0].Element(Dev + "code")!.Value, StringComparison.Ordinal);
        Assert.Equal("Gets a.", examples[0].Element(Dev + "remarks")!.Element(Maml + "para")!.Value);

        Assert.Equal("System.String", command.Descendants(Command + "inputType").Single().Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("Midjourney.Client.MjTask", command.Descendants(Command + "returnValue").Single().Element(Dev + "type")!.Element(Maml + "name")!.Value);
    }

    [Theory]
    [InlineData("Int32", "int")]
    [InlineData("Nullable`1[Int32]", "int")]
    [InlineData("Nullable`1[Double]", "double")]
    [InlineData("Nullable`1[Int64]", "long")]
    [InlineData("String[]", "string[]")]
    [InlineData("Uri[]", "uri[]")]
    [InlineData("SecureString", "securestring")]
    [InlineData("PSCredential", "pscredential")]
    [InlineData("PSObject[]", "psobject[]")]
    [InlineData("Object[]", "Object[]")]
    [InlineData("MjConnection", "MjConnection")]
    [InlineData("MjTaskStatus[]", "MjTaskStatus[]")]
    [InlineData("SwitchParameter", "SwitchParameter")]
    public void Writes_the_type_names_powershell_shows(string markdown, string shown)
    {
        Assert.Equal(shown, PowerShellTypeNames.Of(markdown));
        var help = CommandHelpParser.Parse(Minimal.Replace("Type: String[]", "Type: " + markdown, StringComparison.Ordinal), "Get-MjThing.md");
        var command = MamlWriter.WriteCommand(help);
        var values = command.Descendants(Command + "parameter")
            .Where(p => p.Element(Maml + "name")!.Value == "Name")
            .Select(p => p.Element(Command + "parameterValue")?.Value)
            .Where(v => v is not null)
            .ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(shown, v));
    }

    [Theory]
    [InlineData("SYNOPSIS")]
    [InlineData("DESCRIPTION")]
    [InlineData("OUTPUTS")]
    public void Rejects_a_missing_section(string section)
    {
        var text = Without(section);
        Assert.Throws<HelpFormatException>(() => CommandHelpParser.Parse(text, "x.md"));
    }

    [Fact]
    public void Rejects_one_example_unknown_keys_and_sections_out_of_order()
    {
        int second = Minimal.IndexOf("### Example 2", StringComparison.Ordinal);
        int parameters = Minimal.IndexOf("## PARAMETERS", StringComparison.Ordinal);
        Assert.Throws<HelpFormatException>(() => CommandHelpParser.Parse(Minimal.Remove(second, parameters - second), "x.md"));
        Assert.Throws<HelpFormatException>(() => CommandHelpParser.Parse(Minimal.Replace("Position: 0", "Positon: 0", StringComparison.Ordinal), "x.md"));
        Assert.Throws<HelpFormatException>(() => CommandHelpParser.Parse(Minimal.Replace("Required: True", "Required: Yes", StringComparison.Ordinal), "x.md"));
        var swapped = Minimal.Replace("## NOTES", "## NOTESX", StringComparison.Ordinal);
        Assert.Throws<HelpFormatException>(() => CommandHelpParser.Parse(swapped, "x.md"));
    }

    [Fact]
    public void Builds_one_command_per_compiled_cmdlet_and_the_about_topic_from_the_real_docs()
    {
        var result = Midjourney.HelpBuilder.HelpBuilder.Build(RepoFiles.Docs, _out);

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        using (var reader = XmlReader.Create(result.MamlPath, settings))
        {
            while (reader.Read())
            {
            }
        }

        var maml = XDocument.Load(result.MamlPath);
        var names = maml.Root!.Elements(Command + "command")
            .Select(c => (string)c.Element(Command + "details")!.Element(Command + "name")!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var compiled = CompiledCmdlets.Load().Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.All(compiled, c => Assert.Contains(c, names));

        foreach (var command in maml.Root.Elements(Command + "command"))
        {
            Assert.True(command.Element(Command + "examples")!.Elements(Command + "example").Count() >= 2);
            Assert.NotEmpty(command.Element(Command + "returnValues")!.Elements());
        }

        var about = Assert.Single(result.AboutPaths);
        Assert.Equal("about_Midjourney.help.txt", Path.GetFileName(about));
        var text = File.ReadAllText(about);
        var sections = AboutTopicWriter.Sections(text);
        Assert.Equal("TOPIC", sections[0].TrimStart('\uFEFF'));
        Assert.Contains("SHORT DESCRIPTION", sections);
        Assert.Contains("LONG DESCRIPTION", sections);
        Assert.Contains("TROUBLESHOOTING", sections);
        foreach (var topic in new[] { "Vary (Region)", "--zoom", "/mj-fast", "mj-api-secret", "Bearer", "journal", "MODAL" })
        {
            Assert.Contains(topic, text, StringComparison.Ordinal);
        }

        Assert.All(text.Split('\n'), line => Assert.DoesNotContain("```", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Command_line_reports_format_errors_with_exit_code_1()
    {
        var docs = Path.Combine(_out, "docs");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "Get-MjThing.md"), Without("NOTES"));
        Assert.Equal(1, Midjourney.HelpBuilder.Program.Main(new[] { "--docs", docs, "--out", Path.Combine(_out, "help") }));
        Assert.Equal(2, Midjourney.HelpBuilder.Program.Main(new[] { "--docs", docs }));
        File.WriteAllText(Path.Combine(docs, "Get-MjThing.md"), Minimal);
        Assert.Equal(0, Midjourney.HelpBuilder.Program.Main(new[] { "--docs", docs, "--out", Path.Combine(_out, "help") }));
        Assert.True(File.Exists(Path.Combine(_out, "help", Midjourney.HelpBuilder.HelpBuilder.MamlFileName)));
    }
}
