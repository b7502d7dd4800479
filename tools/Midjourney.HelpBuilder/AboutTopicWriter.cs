using System;
using System.Collections.Generic;
using System.Text;

namespace Midjourney.HelpBuilder;

/// <summary>
/// Turns an <c>about_*.md</c> file into the plain text of <c>about_*.help.txt</c>.
/// The markdown is <c># about_Name</c>, then <c>## SHORT DESCRIPTION</c>, <c>## LONG DESCRIPTION</c> and any
/// further <c>##</c> sections, with <c>###</c> subsections, paragraphs, list items, tables and code fences.
/// </summary>
public static class AboutTopicWriter
{
    /// <summary>The width text is wrapped to.</summary>
    public const int Width = 80;

    /// <summary>Converts the markdown; the name comes from the <c>#</c> heading.</summary>
    /// <exception cref="HelpFormatException">The structure is wrong.</exception>
    public static string Convert(string markdown, string file, out string topicName)
    {
        var blocks = MarkdownBlocks.Parse(markdown, file);
        if (blocks.Count == 0 || blocks[0].Kind != BlockKind.Heading || blocks[0].Level != 1 || !blocks[0].Text.StartsWith("about_", StringComparison.Ordinal))
            throw new HelpFormatException(file, 1, "an about topic starts with '# about_Name'");
        topicName = blocks[0].Text.Trim();
        if (blocks.Count < 2 || blocks[1].Kind != BlockKind.Heading || blocks[1].Level != 2 || !blocks[1].Text.Equals("SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase))
            throw new HelpFormatException(file, blocks.Count > 1 ? blocks[1].Line : 1, "the first section must be '## SHORT DESCRIPTION'");
        bool hasLong = false;

        var text = new StringBuilder();
        text.Append("TOPIC\n    ").Append(topicName).Append('\n');
        for (int i = 1; i < blocks.Count; i++)
        {
            var block = blocks[i];
            switch (block.Kind)
            {
                case BlockKind.Heading when block.Level == 2:
                    hasLong |= block.Text.Equals("LONG DESCRIPTION", StringComparison.OrdinalIgnoreCase);
                    text.Append('\n').Append(block.Text.ToUpperInvariant()).Append('\n');
                    break;
                case BlockKind.Heading when block.Level == 3:
                    text.Append('\n').Append("  ").Append(block.Text).Append('\n');
                    text.Append("  ").Append(new string('-', block.Text.Length)).Append('\n');
                    break;
                case BlockKind.Heading:
                    throw new HelpFormatException(file, block.Line, "only ## and ### headings are allowed after the title");
                case BlockKind.Code:
                    text.Append('\n');
                    foreach (var line in block.Text.Split('\n')) text.Append("        ").Append(line.TrimEnd()).Append('\n');
                    break;
                case BlockKind.Paragraph when block.Text.StartsWith('|'):
                    text.Append('\n');
                    foreach (var row in block.Text.Split('\n'))
                    {
                        if (IsSeparatorRow(row)) continue;
                        text.Append("    ").Append(MarkdownBlocks.Plain(row).Trim()).Append('\n');
                    }

                    break;
                default:
                    bool item = MarkdownBlocks.IsListItem(block.Text);
                    if (!item || i == 0 || blocks[i - 1].Kind != BlockKind.Paragraph || !MarkdownBlocks.IsListItem(blocks[i - 1].Text)) text.Append('\n');
                    Wrap(text, MarkdownBlocks.Plain(block.Text), item ? "    " : "    ", item ? "      " : "    ");
                    break;
            }
        }

        if (!hasLong) throw new HelpFormatException(file, 0, "'## LONG DESCRIPTION' is missing");
        return text.ToString().Replace("\n", Environment.NewLine, StringComparison.Ordinal);
    }

    /// <summary>Wraps <paramref name="text"/> at <see cref="Width"/> columns.</summary>
    public static void Wrap(StringBuilder output, string text, string firstIndent, string indent)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = new StringBuilder(firstIndent);
        bool empty = true;
        foreach (var word in words)
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                output.Append(line).Append('\n');
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }

        if (!empty) output.Append(line).Append('\n');
    }

    private static bool IsSeparatorRow(string row)
    {
        foreach (char c in row)
        {
            if (c is not ('|' or '-' or ':' or ' ')) return false;
        }

        return true;
    }

    /// <summary>Lists the section headings of the converted text (for tests).</summary>
    public static IReadOnlyList<string> Sections(string helpText)
    {
        var list = new List<string>();
        foreach (var line in helpText.Split('\n'))
        {
            var l = line.TrimEnd('\r');
            if (l.Length > 0 && !char.IsWhiteSpace(l[0])) list.Add(l);
        }

        return list;
    }
}
