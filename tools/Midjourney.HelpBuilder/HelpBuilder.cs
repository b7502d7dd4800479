using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Midjourney.HelpBuilder;

/// <summary>What <see cref="HelpBuilder.Build"/> produced.</summary>
/// <param name="Commands">The cmdlet help read from the markdown, in file-name order.</param>
/// <param name="MamlPath">The written MAML file.</param>
/// <param name="AboutPaths">The written about_*.help.txt files.</param>
public sealed record HelpBuildResult(IReadOnlyList<CommandHelp> Commands, string MamlPath, IReadOnlyList<string> AboutPaths);

/// <summary>Converts a docs folder (<c>Verb-Noun.md</c> and <c>about_*.md</c>) into the module's help files.</summary>
public static class HelpBuilder
{
    /// <summary>The MAML file name: the module assembly's file name plus <c>-Help.xml</c>.</summary>
    public const string MamlFileName = "Midjourney.PowerShell.dll-Help.xml";

    /// <summary>Reads every markdown file of <paramref name="docsDirectory"/>, writes the MAML and about files to <paramref name="outDirectory"/>.</summary>
    /// <exception cref="HelpFormatException">A file breaks the format.</exception>
    public static HelpBuildResult Build(string docsDirectory, string outDirectory)
    {
        if (!Directory.Exists(docsDirectory)) throw new DirectoryNotFoundException($"docs folder not found: {docsDirectory}");
        var files = Directory.GetFiles(docsDirectory, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var commands = new List<CommandHelp>();
        var abouts = new List<(string Name, string Text)>();
        foreach (var file in files)
        {
            string name = Path.GetFileName(file);
            string markdown = File.ReadAllText(file, Encoding.UTF8);
            if (name.StartsWith("about_", StringComparison.Ordinal))
            {
                string text = AboutTopicWriter.Convert(markdown, name, out string topic);
                if (!string.Equals(topic + ".md", name, StringComparison.Ordinal))
                    throw new HelpFormatException(name, 1, $"the title '{topic}' does not match the file name");
                abouts.Add((topic, text));
                continue;
            }

            var help = CommandHelpParser.Parse(markdown, name);
            if (!string.Equals(help.Name + ".md", name, StringComparison.Ordinal))
                throw new HelpFormatException(name, 1, $"the title '{help.Name}' does not match the file name");
            commands.Add(help);
        }

        if (commands.Count == 0) throw new HelpFormatException(docsDirectory, 0, "no cmdlet markdown found");
        Directory.CreateDirectory(outDirectory);
        string mamlPath = Path.Combine(outDirectory, MamlFileName);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(mamlPath, settings)) MamlWriter.Write(commands).Save(writer);

        var aboutPaths = new List<string>();
        foreach (var (topic, text) in abouts)
        {
            string path = Path.Combine(outDirectory, topic + ".help.txt");
            // With a BOM: Windows PowerShell 5.1 reads BOM-less files in the ANSI code page.
            File.WriteAllText(path, text, new UTF8Encoding(true));
            aboutPaths.Add(path);
        }

        return new HelpBuildResult(commands, mamlPath, aboutPaths);
    }
}
