using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Midjourney.HelpBuilder;
using Midjourney.PowerShell.Tests.Contract;
using Xunit;

namespace Midjourney.PowerShell.Tests.Packaging;

/// <summary>docs/en-US must describe the compiled cmdlets exactly: names, parameters, types, sets, binding.</summary>
public class HelpDocsTests
{
    private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };

    public static IEnumerable<object[]> CmdletNames() => CompiledCmdlets.Load().Select(c => new object[] { c.Name });

    private static CommandHelp Doc(string name)
    {
        var path = Path.Combine(RepoFiles.Docs, name + ".md");
        Assert.True(File.Exists(path), $"docs/en-US/{name}.md is missing");
        return CommandHelpParser.Parse(File.ReadAllText(path), name + ".md");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Has_synopsis_description_and_two_examples(string name)
    {
        var doc = Doc(name);
        Assert.Equal(name, doc.Name);
        Assert.False(string.IsNullOrWhiteSpace(doc.Synopsis));
        Assert.NotEmpty(doc.Description);
        Assert.True(doc.Examples.Count >= 2, $"{name}: {doc.Examples.Count} examples");
        Assert.All(doc.Examples, e => Assert.Contains(name, e.Code, StringComparison.Ordinal));
        Assert.True(doc.HasCommonParameters, $"{name}: the ### CommonParameters entry is missing");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Documents_every_compiled_parameter_and_nothing_else(string name)
    {
        var cmdlet = CompiledCmdlets.Load().Single(c => c.Name == name);
        var expected = cmdlet.Parameters.Select(p => p.Name).ToList();
        if (cmdlet.SupportsShouldProcess) expected.AddRange(ShouldProcessParameters);
        var documented = Doc(name).Parameters.Select(p => p.Name).ToList();

        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), documented.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Parameter_entries_match_type_sets_and_binding(string name)
    {
        var cmdlet = CompiledCmdlets.Load().Single(c => c.Name == name);
        var problems = new List<string>();
        foreach (var doc in Doc(name).Parameters.Where(p => !ShouldProcessParameters.Contains(p.Name)))
        {
            var compiled = cmdlet.Parameter(doc.Name);
            if (compiled is null) continue; // reported by Documents_every_compiled_parameter_and_nothing_else
            var where = $"{name} -{doc.Name}";
            if (doc.Type != compiled.TypeName) problems.Add($"{where}: Type {doc.Type}, compiled {compiled.TypeName}");

            var namedSets = compiled.Sets.Where(s => s.Name != CompiledParameterSet.AllSets).Select(s => s.Name).ToList();
            if (!namedSets.OrderBy(s => s).SequenceEqual(doc.ParameterSets.OrderBy(s => s)))
                problems.Add($"{where}: Parameter Sets '{string.Join(", ", doc.ParameterSets)}', compiled '{string.Join(", ", namedSets)}' (empty = (All))");

            bool mandatory = compiled.Sets.Any(s => s.Mandatory);
            if (doc.Required != mandatory) problems.Add($"{where}: Required {doc.Required}, compiled {mandatory}");
            var mandatoryIn = compiled.Sets.Where(s => s.Mandatory).Select(s => s.Name).ToList();
            if (mandatory && compiled.Sets.Any(s => !s.Mandatory) && !mandatoryIn.OrderBy(s => s).SequenceEqual(doc.RequiredIn.OrderBy(s => s)))
                problems.Add($"{where}: mandatory only in {string.Join(", ", mandatoryIn)}; write 'Required: True ({string.Join(", ", mandatoryIn)})'");

            var positions = compiled.Sets.Where(s => s.Position is not null).Select(s => s.Position!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
            string position = positions.Count == 0 ? "named" : string.Join(",", positions);
            if (doc.Position != position) problems.Add($"{where}: Position {doc.Position}, compiled {position}");

            bool byValue = compiled.Sets.Any(s => s.ValueFromPipeline);
            bool byName = compiled.Sets.Any(s => s.ValueFromPipelineByPropertyName);
            bool docByValue = doc.PipelineInput.Contains("ByValue", StringComparison.OrdinalIgnoreCase);
            bool docByName = doc.PipelineInput.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase);
            if (byValue != docByValue || byName != docByName)
                problems.Add($"{where}: Accept pipeline input '{doc.PipelineInput}', compiled ByValue={byValue} ByPropertyName={byName}");

            if (!compiled.Aliases.OrderBy(a => a).SequenceEqual(doc.Aliases.OrderBy(a => a)))
                problems.Add($"{where}: Aliases '{string.Join(", ", doc.Aliases)}', compiled '{string.Join(", ", compiled.Aliases)}'");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Documents_every_output_type(string name)
    {
        var cmdlet = CompiledCmdlets.Load().Single(c => c.Name == name);
        var documented = Doc(name).Outputs.Select(o => o.Type).ToList();
        foreach (var type in cmdlet.OutputTypes)
        {
            Assert.Contains(type, documented);
        }
    }

    [Fact]
    public void Every_cmdlet_markdown_file_belongs_to_a_compiled_cmdlet()
    {
        var compiled = CompiledCmdlets.Load().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(RepoFiles.Docs, "*.md")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => !n.StartsWith("about_", StringComparison.Ordinal))
            .ToList();
        Assert.All(files, f => Assert.True(compiled.Contains(f), $"docs/en-US/{f}.md documents a cmdlet that is not compiled"));
        Assert.True(File.Exists(Path.Combine(RepoFiles.Docs, "about_Midjourney.md")));
    }
}
