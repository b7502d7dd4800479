using System;
using System.Collections.Generic;
using System.Text;

namespace Midjourney.HelpBuilder;

/// <summary>The kinds of markdown blocks the help format uses.</summary>
public enum BlockKind
{
    /// <summary>A <c>#</c>, <c>##</c> or <c>###</c> heading.</summary>
    Heading,

    /// <summary>Text lines up to a blank line; a list item starts its own paragraph.</summary>
    Paragraph,

    /// <summary>A fenced code block.</summary>
    Code,
}

/// <summary>One block of a markdown file.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Level">The heading level (1–6), 0 for other blocks.</param>
/// <param name="Text">Heading text, paragraph text (lines joined by spaces; table rows by newlines) or code.</param>
/// <param name="Info">The info string of a code fence (<c>powershell</c>, <c>yaml</c>), else empty.</param>
/// <param name="Line">The 1-based line where the block starts.</param>
public sealed record Block(BlockKind Kind, int Level, string Text, string Info, int Line);

/// <summary>Splits markdown into headings, paragraphs and fenced code blocks. Headings inside code are code.</summary>
public static class MarkdownBlocks
{
    /// <summary>Parses <paramref name="text"/>; a leading <c>---</c> front matter block is skipped.</summary>
    public static List<Block> Parse(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var blocks = new List<Block>();
        int i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            i = 1;
            while (i < lines.Length && lines[i].Trim() != "---") i++;
            if (i >= lines.Length) throw new HelpFormatException(file, 1, "front matter opened with --- is never closed");
            i++;
        }

        var para = new StringBuilder();
        int paraLine = 0;
        bool paraIsTable = false;

        void Flush()
        {
            if (para.Length > 0) blocks.Add(new Block(BlockKind.Paragraph, 0, para.ToString(), "", paraLine));
            para.Clear();
            paraIsTable = false;
        }

        for (; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                int start = i + 1;
                string info = trimmed.Substring(3).Trim();
                var code = new StringBuilder();
                i++;
                while (i < lines.Length && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal))
                {
                    if (code.Length > 0) code.Append('\n');
                    code.Append(lines[i]);
                    i++;
                }

                if (i >= lines.Length) throw new HelpFormatException(file, start - 1, "code fence is never closed");
                blocks.Add(new Block(BlockKind.Code, 0, code.ToString(), info, start - 1));
                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            int level = HeadingLevel(line);
            if (level > 0)
            {
                Flush();
                blocks.Add(new Block(BlockKind.Heading, level, line.Substring(level).Trim(), "", i + 1));
                continue;
            }

            bool isTable = trimmed.StartsWith('|');
            bool isItem = IsListItem(trimmed);
            if (para.Length > 0 && (isItem || isTable != paraIsTable)) Flush();
            if (para.Length == 0)
            {
                paraLine = i + 1;
                paraIsTable = isTable;
                para.Append(isTable ? trimmed : trimmed);
            }
            else
            {
                para.Append(isTable ? '\n' : ' ').Append(trimmed);
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>True for <c>- x</c>, <c>* x</c> and <c>1. x</c>.</summary>
    public static bool IsListItem(string trimmed)
    {
        if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal)) return true;
        int digits = 0;
        while (digits < trimmed.Length && char.IsDigit(trimmed[digits])) digits++;
        return digits > 0 && digits + 1 < trimmed.Length && trimmed[digits] == '.' && trimmed[digits + 1] == ' ';
    }

    /// <summary>Removes the light inline markup that reads badly in a console: backticks and <c>**</c>.</summary>
    public static string Plain(string text) =>
        text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    private static int HeadingLevel(string line)
    {
        int n = 0;
        while (n < line.Length && line[n] == '#') n++;
        return n is > 0 and <= 6 && n < line.Length && line[n] == ' ' ? n : 0;
    }
}
