using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>
/// Reads the numbered prompts of a describe or shorten result (reference §2.8–2.9): Discord's text, lines that start
/// with a keycap digit (<c>1️⃣ a red fox…</c>). A shorten result lists them under <c>## Shortened prompts</c>.
/// </summary>
internal static class SuggestedPrompts
{
    private static readonly string[] NoPrompts = Array.Empty<string>();

    /// <summary>The suggestions of <paramref name="task"/>, in order; empty for other tasks or before they succeed.</summary>
    public static IReadOnlyList<string> Of(MjTask task)
    {
        if (task.Status != MjTaskStatus.Success || !IsPromptResult(task.Action))
        {
            return NoPrompts;
        }

        var text = task.Properties.TryGetValue("finalPrompt", out var value) ? value as string : null;
        var prompts = Parse(text);
        return prompts.Count > 0 ? prompts : Parse(task.Prompt);
    }

    /// <summary>The text after each keycap digit 1–9 at the start of a line, in order.</summary>
    public static IReadOnlyList<string> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NoPrompts;
        }

        var prompts = new List<string>();
        foreach (var raw in text!.Split('\n'))
        {
            var line = raw.Trim();
            var start = KeycapLength(line);
            if (start > 0)
            {
                var prompt = line.Substring(start).Trim();
                if (prompt.Length > 0)
                {
                    prompts.Add(prompt);
                }
            }
        }

        return prompts;
    }

    private static bool IsPromptResult(string? action) =>
        string.Equals(action, "DESCRIBE", StringComparison.OrdinalIgnoreCase) || string.Equals(action, "SHORTEN", StringComparison.OrdinalIgnoreCase);

    /// <summary>The length of a leading keycap digit: <c>1</c> + U+FE0F (optional) + U+20E3; 0 when the line has none.</summary>
    private static int KeycapLength(string line)
    {
        if (line.Length < 2 || line[0] < '1' || line[0] > '9')
        {
            return 0;
        }

        var i = 1;
        if (line[i] == '\uFE0F')
        {
            i++;
        }

        return i < line.Length && line[i] == '\u20E3' ? i + 1 : 0;
    }
}
