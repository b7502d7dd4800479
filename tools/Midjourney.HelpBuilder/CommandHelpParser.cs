using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.HelpBuilder;

/// <summary>
/// Reads one cmdlet's markdown. The format is PlatyPS-like and strict:
/// <code>
/// # Verb-Noun
/// ## SYNOPSIS          (one paragraph)
/// ## DESCRIPTION       (paragraphs)
/// ## EXAMPLES          (### Example N: title, a ```powershell block, remark paragraphs; at least two)
/// ## PARAMETERS        (### -Name, paragraphs, a ```yaml block; ### CommonParameters)
/// ## INPUTS            (### Type, paragraphs)
/// ## OUTPUTS           (### Type, paragraphs)
/// ## NOTES             (paragraphs)
/// ## RELATED LINKS     (optional: list items, [text](uri) or plain names)
/// </code>
/// Sections must appear in this order; unknown sections or yaml keys are errors.
/// </summary>
public static class CommandHelpParser
{
    private static readonly string[] SectionOrder =
        { "SYNOPSIS", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    private static readonly HashSet<string> OptionalSections = new(StringComparer.Ordinal) { "RELATED LINKS" };

    private static readonly HashSet<string> YamlKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters", "Accepted values",
    };

    private static readonly string[] RequiredYamlKeys = { "Type", "Required", "Position", "Accept pipeline input" };

    /// <summary>Parses the markdown of one cmdlet.</summary>
    /// <exception cref="HelpFormatException">The text does not follow the format.</exception>
    public static CommandHelp Parse(string markdown, string file)
    {
        var blocks = MarkdownBlocks.Parse(markdown, file);
        if (blocks.Count == 0 || blocks[0].Kind != BlockKind.Heading || blocks[0].Level != 1)
            throw new HelpFormatException(file, 1, "the file must start with '# Verb-Noun'");

        var help = new CommandHelp { Name = blocks[0].Text.Trim() };
        if (!IsVerbNoun(help.Name)) throw new HelpFormatException(file, blocks[0].Line, $"'{help.Name}' is not a Verb-Noun name");

        var sections = Split(blocks, 1, 2, file);
        int last = -1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (heading, body) in sections)
        {
            string name = heading.Text.Trim().ToUpperInvariant();
            int order = Array.IndexOf(SectionOrder, name);
            if (order < 0) throw new HelpFormatException(file, heading.Line, $"unknown section '## {heading.Text}'");
            if (order <= last) throw new HelpFormatException(file, heading.Line, $"section '## {name}' is out of order or repeated");
            last = order;
            seen.Add(name);
            switch (name)
            {
                case "SYNOPSIS":
                    var synopsis = Paragraphs(body, file, heading);
                    if (synopsis.Count != 1) throw new HelpFormatException(file, heading.Line, "SYNOPSIS must be exactly one paragraph");
                    help.Synopsis = synopsis[0];
                    break;
                case "DESCRIPTION":
                    help.Description.AddRange(Paragraphs(body, file, heading));
                    if (help.Description.Count == 0) throw new HelpFormatException(file, heading.Line, "DESCRIPTION is empty");
                    break;
                case "EXAMPLES":
                    ReadExamples(help, body, file, heading);
                    break;
                case "PARAMETERS":
                    ReadParameters(help, body, file);
                    break;
                case "INPUTS":
                    help.Inputs.AddRange(ReadTypes(body, file, heading));
                    break;
                case "OUTPUTS":
                    help.Outputs.AddRange(ReadTypes(body, file, heading));
                    break;
                case "NOTES":
                    help.Notes.AddRange(Paragraphs(body, file, heading, allowEmpty: true));
                    break;
                case "RELATED LINKS":
                    foreach (var text in Paragraphs(body, file, heading, allowEmpty: true)) help.RelatedLinks.Add(Link(text));
                    break;
            }
        }

        foreach (var required in SectionOrder.Where(s => !OptionalSections.Contains(s)))
        {
            if (!seen.Contains(required)) throw new HelpFormatException(file, 0, $"section '## {required}' is missing");
        }

        return help;
    }

    /// <summary>True for <c>Verb-Noun</c> with letters only on both sides.</summary>
    public static bool IsVerbNoun(string name)
    {
        var parts = name.Split('-');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsLetterOrDigit) && char.IsUpper(p[0]));
    }

    private static void ReadExamples(CommandHelp help, List<Block> body, string file, Block heading)
    {
        foreach (var (title, items) in Split(body, 2, 3, file, heading))
        {
            var example = new ExampleHelp { Title = title.Text.Trim() };
            var code = items.FirstOrDefault(b => b.Kind == BlockKind.Code)
                ?? throw new HelpFormatException(file, title.Line, $"example '{example.Title}' has no code block");
            if (!string.Equals(code.Info, "powershell", StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, code.Line, "example code must be a ```powershell block");
            if (string.IsNullOrWhiteSpace(code.Text)) throw new HelpFormatException(file, code.Line, "example code is empty");
            example.Code = code.Text.TrimEnd();
            int codeIndex = items.IndexOf(code);
            if (items.Take(codeIndex).Any()) throw new HelpFormatException(file, title.Line, "the code block must come first in an example");
            foreach (var block in items.Skip(codeIndex + 1))
            {
                if (block.Kind != BlockKind.Paragraph) throw new HelpFormatException(file, block.Line, "only one code block per example; remarks are paragraphs");
                example.Remarks.Add(block.Text);
            }

            if (example.Remarks.Count == 0) throw new HelpFormatException(file, title.Line, $"example '{example.Title}' has no remarks");
            help.Examples.Add(example);
        }

        if (help.Examples.Count < 2) throw new HelpFormatException(file, heading.Line, "EXAMPLES needs at least two examples");
    }

    private static void ReadParameters(CommandHelp help, List<Block> body, string file)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (title, items) in Split(body, 2, 3, file))
        {
            string text = title.Text.Trim();
            if (text == "CommonParameters")
            {
                help.HasCommonParameters = true;
                continue;
            }

            if (!text.StartsWith('-') || text.Length < 2 || !text.Skip(1).All(char.IsLetterOrDigit))
                throw new HelpFormatException(file, title.Line, $"a parameter heading must be '### -Name', not '### {text}'");
            var parameter = new ParameterHelp { Name = text.Substring(1) };
            if (!names.Add(parameter.Name)) throw new HelpFormatException(file, title.Line, $"parameter -{parameter.Name} is documented twice");
            var yaml = items.Where(b => b.Kind == BlockKind.Code).ToList();
            if (yaml.Count != 1 || !string.Equals(yaml[0].Info, "yaml", StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, title.Line, $"parameter -{parameter.Name} needs exactly one ```yaml block");
            foreach (var block in items.Where(b => b.Kind == BlockKind.Paragraph)) parameter.Description.Add(block.Text);
            if (parameter.Description.Count == 0) throw new HelpFormatException(file, title.Line, $"parameter -{parameter.Name} has no description");
            ReadYaml(parameter, yaml[0], file);
            help.Parameters.Add(parameter);
        }
    }

    private static void ReadYaml(ParameterHelp parameter, Block yaml, string file)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = yaml.Text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0) continue;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            int lineNo = yaml.Line + 1 + n;
            if (colon <= 0) throw new HelpFormatException(file, lineNo, $"'{line}' is not 'Key: value'");
            string key = line.Substring(0, colon).Trim();
            if (!YamlKeys.Contains(key)) throw new HelpFormatException(file, lineNo, $"unknown key '{key}'");
            if (!values.TryAdd(key, line.Substring(colon + 1).Trim())) throw new HelpFormatException(file, lineNo, $"key '{key}' is repeated");
        }

        foreach (var key in RequiredYamlKeys)
        {
            if (!values.TryGetValue(key, out var v) || v.Length == 0)
                throw new HelpFormatException(file, yaml.Line, $"parameter -{parameter.Name}: '{key}' is missing");
        }

        parameter.Type = values["Type"];
        string required = values["Required"];
        if (required.StartsWith("True", StringComparison.OrdinalIgnoreCase))
        {
            parameter.Required = true;
            parameter.RequiredIn.AddRange(InParentheses(required));
        }
        else if (!required.Equals("False", StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException(file, yaml.Line, $"parameter -{parameter.Name}: Required must be True, False or 'True (Set, ...)'");
        }

        string position = values["Position"];
        if (position.Equals("Named", StringComparison.OrdinalIgnoreCase)) parameter.Position = "named";
        else if (int.TryParse(position, out int p) && p >= 0) parameter.Position = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else throw new HelpFormatException(file, yaml.Line, $"parameter -{parameter.Name}: Position must be Named or a number");

        string pipeline = values["Accept pipeline input"];
        if (!pipeline.StartsWith("True", StringComparison.OrdinalIgnoreCase) && !pipeline.Equals("False", StringComparison.OrdinalIgnoreCase))
            throw new HelpFormatException(file, yaml.Line, $"parameter -{parameter.Name}: 'Accept pipeline input' must be False or True (ByValue, ByPropertyName)");
        parameter.PipelineInput = pipeline;

        if (values.TryGetValue("Parameter Sets", out var sets) && sets.Length > 0 && sets != "(All)") parameter.ParameterSets.AddRange(List(sets));
        if (values.TryGetValue("Aliases", out var aliases)) parameter.Aliases.AddRange(List(aliases));
        if (values.TryGetValue("Default value", out var def) && def.Length > 0) parameter.DefaultValue = def;
        if (values.TryGetValue("Accept wildcard characters", out var glob)) parameter.Globbing = glob.Equals("True", StringComparison.OrdinalIgnoreCase);
        if (values.TryGetValue("Accepted values", out var accepted)) parameter.AcceptedValues.AddRange(List(accepted));
    }

    private static List<TypeHelp> ReadTypes(List<Block> body, string file, Block heading)
    {
        var types = new List<TypeHelp>();
        foreach (var (title, items) in Split(body, 2, 3, file, heading))
        {
            var type = new TypeHelp { Type = title.Text.Trim() };
            foreach (var block in items)
            {
                if (block.Kind != BlockKind.Paragraph) throw new HelpFormatException(file, block.Line, "a type entry holds paragraphs only");
                type.Description.Add(block.Text);
            }

            if (type.Description.Count == 0) throw new HelpFormatException(file, title.Line, $"type '{type.Type}' has no description");
            types.Add(type);
        }

        if (types.Count == 0) throw new HelpFormatException(file, heading.Line, $"'## {heading.Text}' needs at least one '### Type' entry (use '### None')");
        return types;
    }

    private static List<string> Paragraphs(List<Block> body, string file, Block heading, bool allowEmpty = false)
    {
        var result = new List<string>();
        foreach (var block in body)
        {
            if (block.Kind != BlockKind.Paragraph) throw new HelpFormatException(file, block.Line, $"'## {heading.Text}' holds paragraphs only");
            result.Add(block.Text);
        }

        if (result.Count == 0 && !allowEmpty) throw new HelpFormatException(file, heading.Line, $"'## {heading.Text}' is empty");
        return result;
    }

    /// <summary>Groups the blocks after <paramref name="parentLevel"/> into sections at <paramref name="level"/>; nothing may precede the first heading.</summary>
    private static List<(Block Heading, List<Block> Body)> Split(List<Block> blocks, int parentLevel, int level, string file, Block? owner = null)
    {
        var result = new List<(Block, List<Block>)>();
        int start = owner is null && parentLevel == 1 ? 1 : 0;
        for (int i = start; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Kind == BlockKind.Heading && block.Level <= parentLevel)
                throw new HelpFormatException(file, block.Line, $"unexpected heading '{new string('#', block.Level)} {block.Text}'");
            if (block.Kind == BlockKind.Heading && block.Level == level)
            {
                result.Add((block, new List<Block>()));
                continue;
            }

            if (block.Kind == BlockKind.Heading && (level == 3 || block.Level > level + 1))
                throw new HelpFormatException(file, block.Line, $"heading level {block.Level} is not allowed here");
            if (result.Count == 0) throw new HelpFormatException(file, block.Line, $"text before the first '{new string('#', level)}' heading");
            result[^1].Item2.Add(block);
        }

        return result;
    }

    private static IEnumerable<string> List(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> InParentheses(string text)
    {
        int open = text.IndexOf('(', StringComparison.Ordinal);
        int close = text.LastIndexOf(')');
        return open >= 0 && close > open ? List(text.Substring(open + 1, close - open - 1)) : Enumerable.Empty<string>();
    }

    private static (string Text, string Uri) Link(string paragraph)
    {
        string text = paragraph.TrimStart('-', '*', ' ');
        if (text.StartsWith('[') && text.Contains("](", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            int mid = text.IndexOf("](", StringComparison.Ordinal);
            return (text.Substring(1, mid - 1), text.Substring(mid + 2, text.Length - mid - 3));
        }

        return (text, "");
    }
}
