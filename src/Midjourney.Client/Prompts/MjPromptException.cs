using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Client;

/// <summary>A prompt's parameters are wrong; found before any request, so nothing was sent or paid for.</summary>
public sealed class MjPromptException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public MjPromptException(string prompt, IReadOnlyList<MjPromptProblem> problems)
        : base(Describe(prompt, problems))
    {
        Prompt = prompt;
        Problems = problems;
    }

    /// <summary>The prompt that was checked.</summary>
    public string Prompt { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<MjPromptProblem> Problems { get; }

    private static string Describe(string prompt, IReadOnlyList<MjPromptProblem> problems)
    {
        var head = problems.Count == 1 ? problems[0].Message : string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p.Message}"));
        return head + " Nothing was sent. (Prompt: '" + Shorten(prompt) + "')";
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text.Substring(0, 119) + "…";
}
