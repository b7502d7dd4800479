using System.Collections.Generic;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations;

/// <summary>The prompt checks every prompt-taking cmdlet makes before any request (one checker: the client's).</summary>
internal static class PromptChecks
{
    /// <summary>The prompts a text makes: its permutations, or the text alone with -SkipParameterCheck.</summary>
    public static IReadOnlyList<string> Expand(string text, bool skip) =>
        skip ? new[] { text } : MjPromptPermutations.Expand(text);

    /// <summary>Checks a prompt's parameters unless -SkipParameterCheck; throws MjPromptException.</summary>
    public static string Check(string prompt, bool skip)
    {
        if (!skip)
        {
            MjPromptChecker.ThrowIfInvalid(prompt);
        }

        return prompt;
    }
}
