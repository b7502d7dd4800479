using System;
using System.Collections.Generic;
using System.Linq;
using Midjourney.Client;

namespace Midjourney.PowerShell.Completers;

/// <summary>The button labels offered by -Label completion, and their matching (no PowerShell types, so it is unit-tested).</summary>
internal static class ButtonLabels
{
    /// <summary>The common labels, in the order they are offered when the task is not known.</summary>
    public static readonly IReadOnlyList<string> Common = new[]
    {
        "U1", "U2", "U3", "U4", "V1", "V2", "V3", "V4", "🔄",
        "Upscale (Subtle)", "Upscale (Creative)", "Vary (Subtle)", "Vary (Strong)", "Vary (Region)",
        "Zoom Out 2x", "Zoom Out 1.5x", "Custom Zoom", "Make Square", "⬅️", "➡️", "⬆️", "⬇️",
        "Animate (High motion)", "Animate (Low motion)", "Extend (High motion)", "Extend (Low motion)",
        "1️⃣", "2️⃣", "3️⃣", "4️⃣", "❤️", "Upscale (2x)", "Upscale (4x)",
    };

    /// <summary>What a person calls each button of <paramref name="tasks"/> (label, else real emoji, else kind), once each, with a tooltip.</summary>
    public static IReadOnlyList<(string Label, string ToolTip)> Of(IEnumerable<MjTask> tasks)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var labels = new List<(string, string)>();
        foreach (var button in tasks.SelectMany(t => t.Buttons))
        {
            var label = button.DisplayName;
            if (seen.Add(label))
            {
                labels.Add((label, $"{label}: {button.Kind}{(button.AlwaysModal ? " (opens a MODAL step)" : string.Empty)}"));
            }
        }

        return labels;
    }

    /// <summary>The labels that start with what was typed (ignoring case, quotes and the emoji variation selector).</summary>
    public static IEnumerable<string> Matching(string? wordToComplete) => Matching(wordToComplete, Common);

    /// <summary>The <paramref name="labels"/> that start with what was typed.</summary>
    public static IEnumerable<string> Matching(string? wordToComplete, IEnumerable<string> labels)
    {
        var typed = Unquote(wordToComplete).Replace("\uFE0F", string.Empty);
        return labels.Where(label => label.Replace("\uFE0F", string.Empty).StartsWith(typed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text to insert: labels with spaces, parentheses or emoji are quoted (in the quote the user opened).</summary>
    public static string Quote(string label, string? wordToComplete = null)
    {
        if (label.All(c => char.IsLetterOrDigit(c) && c < 128))
        {
            return label;
        }

        return (wordToComplete ?? string.Empty).TrimStart().StartsWith("\"", StringComparison.Ordinal)
            ? "\"" + label.Replace("\"", "`\"").Replace("$", "`$") + "\""
            : "'" + label.Replace("'", "''") + "'";
    }

    /// <summary>What was typed without its quotes: PowerShell passes <c>'Vary</c> as <c>'Vary'</c>.</summary>
    public static string Unquote(string? wordToComplete) =>
        (wordToComplete ?? string.Empty).Trim().Trim('\'', '"', '‘', '’', '“', '”');
}
