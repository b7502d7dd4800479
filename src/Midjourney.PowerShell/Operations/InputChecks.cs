using System.Collections.Generic;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>Checks of input made before any request, so bad input never costs a paid job.</summary>
internal static class InputChecks
{
    /// <summary>A prompt must have text; <paramref name="fromCsv"/>: it came from a CSV row's Prompt column.</summary>
    public static string Prompt(string? prompt, bool fromCsv = false)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new InvalidInputException(fromCsv
                ? "column 'Prompt' is empty: write the text to render in it, or delete the row."
                : "-Prompt is empty. Give the text to render, e.g. 'red ceramic mug --ar 3:2'. "
                    + "Blank lines of a file can be left out with: Get-Content prompts.txt | Where-Object { $_.Trim() } | ...", prompt);
        }

        return prompt!;
    }

    /// <summary>A blend takes 2 to 5 images.</summary>
    public static void BlendCount(IReadOnlyCollection<string>? images)
    {
        var count = images?.Count ?? 0;
        if (count is < 2 or > 5)
        {
            throw new InvalidInputException($"A blend takes 2 to 5 images; {count} given.", count);
        }
    }
}
