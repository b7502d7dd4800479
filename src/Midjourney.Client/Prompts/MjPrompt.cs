using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>A prompt split into its text and its parameters (see <see cref="MjPromptParser"/>).</summary>
public sealed class MjPrompt
{
    internal MjPrompt(string original, string text, IReadOnlyList<MjPromptFlag> flags, MjPromptParameters parameters, IReadOnlyList<MjPromptProblem> syntaxProblems)
    {
        Original = original;
        Text = text;
        Flags = flags;
        Parameters = parameters;
        SyntaxProblems = syntaxProblems;
    }

    /// <summary>The prompt as given.</summary>
    public string Original { get; }

    /// <summary>The text before the first parameter (image URLs included).</summary>
    public string Text { get; }

    /// <summary>The parameters as written, in order.</summary>
    public IReadOnlyList<MjPromptFlag> Flags { get; }

    /// <summary>The parameters as typed values.</summary>
    public MjPromptParameters Parameters { get; }

    /// <summary>Problems of form found while reading (unknown flags, glued values, dashes, missing values).</summary>
    public IReadOnlyList<MjPromptProblem> SyntaxProblems { get; }

    /// <summary>Parses a prompt (same as <see cref="MjPromptParser.Parse"/>).</summary>
    public static MjPrompt Parse(string? prompt) => MjPromptParser.Parse(prompt);

    /// <inheritdoc />
    public override string ToString() => Original;
}
