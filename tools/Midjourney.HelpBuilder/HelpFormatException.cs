using System;

namespace Midjourney.HelpBuilder;

/// <summary>A help markdown file that does not follow the expected format; the message names the file and line.</summary>
public sealed class HelpFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HelpFormatException(string file, int line, string message)
        : base($"{file}({line}): {message}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file name.</summary>
    public string File { get; }

    /// <summary>The 1-based line, 0 when the problem concerns the whole file.</summary>
    public int Line { get; }
}
