using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Midjourney.PowerShell.Tests.Contract;
using Xunit;

namespace Midjourney.PowerShell.Tests.Packaging;

public class FormatFileTests
{
    private static readonly string[] ModuleAssemblies = { "Midjourney.Client.dll", "Midjourney.PowerShell.dll" };

    private static XDocument Load() => XDocument.Load(RepoFiles.FormatFile);

    /// <summary>Public types of the module's assemblies by full name, with their public instance property names (inherited included).</summary>
    private static Dictionary<string, HashSet<string>> PublicTypes()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = Directory.EnumerateFiles(runtime, "*.dll").ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => p, StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            paths.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        }

        paths["System.Management.Automation"] = CompiledCmdlets.SmaPath;
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths.Values), "System.Runtime");
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in ModuleAssemblies)
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, name));
            foreach (var type in assembly.GetExportedTypes())
            {
                types[type.FullName!] = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            }
        }

        // The one view of a decorated object: a FileInfo with SavedFile's note properties.
        types[Midjourney.PowerShell.Output.SavedFile.TypeName] = typeof(FileInfo).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Concat(Midjourney.PowerShell.Output.SavedFile.NoteProperties).ToHashSet(StringComparer.Ordinal);

        return types;
    }

    [Fact]
    public void Is_well_formed_with_views()
    {
        var doc = Load();
        Assert.Equal("Configuration", doc.Root!.Name.LocalName);
        Assert.NotEmpty(doc.Descendants("View"));
        var names = doc.Descendants("View").Select(v => (string)v.Element("Name")!).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Has_table_views_for_every_output_type_and_a_list_view_for_tasks()
    {
        var doc = Load();
        string[] Selected(string control) => doc.Descendants("View")
            .Where(v => v.Element(control) is not null)
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()))
            .ToArray();

        var tables = Selected("TableControl");
        foreach (var type in new[] { "Midjourney.Client.MjTask", "Midjourney.Client.MjButton", "Midjourney.PowerShell.MjConnection", "Midjourney.Client.MjJournalEntry" })
        {
            Assert.Contains(type, tables);
        }

        Assert.Contains("Midjourney.Client.MjTask", Selected("ListControl"));
    }

    [Fact]
    public void Every_type_name_is_a_public_type_and_every_property_it_uses_exists()
    {
        var types = PublicTypes();
        var doc = Load();
        foreach (var view in doc.Descendants("View"))
        {
            var viewName = (string)view.Element("Name")!;
            var typeNames = view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()).ToList();
            Assert.NotEmpty(typeNames);
            foreach (var typeName in typeNames)
            {
                Assert.True(types.TryGetValue(typeName, out var properties), $"view {viewName}: {typeName} is not a public type of {string.Join(", ", ModuleAssemblies)}");
                foreach (var property in view.Descendants("PropertyName").Select(p => p.Value.Trim()))
                {
                    Assert.True(properties!.Contains(property), $"view {viewName}: {typeName} has no property {property}");
                }

                foreach (var script in view.Descendants("ScriptBlock").Select(s => s.Value))
                {
                    // In ForEach-Object / Where-Object blocks $_ is the inner item (a button), not the view's object.
                    var outer = Regex.Replace(script, @"(ForEach-Object|Where-Object)\s*\{[^{}]*\}", "");
                    foreach (Match use in Regex.Matches(outer, @"\$_\.(\w+)"))
                    {
                        Assert.True(properties!.Contains(use.Groups[1].Value), $"view {viewName}: script uses $_.{use.Groups[1].Value}, which {typeName} does not have");
                    }
                }
            }
        }
    }

    [Fact]
    public void Table_headers_and_columns_line_up()
    {
        foreach (var table in Load().Descendants("TableControl"))
        {
            int headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").Count();
            foreach (var row in table.Descendants("TableRowEntry"))
            {
                Assert.Equal(headers, row.Element("TableColumnItems")!.Elements("TableColumnItem").Count());
            }
        }
    }

    [Fact]
    public void Script_blocks_avoid_syntax_that_Windows_PowerShell_cannot_parse()
    {
        foreach (var script in Load().Descendants("ScriptBlock").Select(s => s.Value))
        {
            Assert.DoesNotContain("??", script);
            Assert.DoesNotContain("?.", script);
            Assert.DoesNotContain("&&", script);
            Assert.DoesNotContain("||", script);
            Assert.DoesNotMatch(@"\s\?\s", script); // ternary
            Assert.All(script, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} in a script block; use [char]0x...."));
        }
    }
}
