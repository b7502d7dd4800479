using System;
using System.Collections.Generic;
using System.Linq;

namespace Midjourney.PowerShell.Completers;

/// <summary>The button labels offered by -Label completion, and their matching (no PowerShell types, so it is unit-tested).</summary>
internal static class ButtonLabels
{
    /// <summary>The common labels, in the order they are offered.</summary>
    public static readonly IReadOnlyList<string> Common = new[]
    {
        "U1", "U2", "U3", "U4", "V1", "V2", "V3", "V4", "🔄",
        "Upscale (Subtle)", "Upscale (Creative)", "Vary (Subtle)", "Vary (Strong)", "Vary (Region)",
        "Zoom Out 2x", "Zoom Out 1.5x", "Custom Zoom", "⬅️", "➡️", "⬆️", "⬇️", "Make Square",
        "Animate (High motion)", "Animate (Low motion)",
    };

    /// <summary>The labels that start with what was typed (ignoring case and an opening quote).</summary>
    public static IEnumerable<string> Matching(string? wordToComplete)
    {
        var typed = (wordToComplete ?? string.Empty).Trim().TrimStart('\'', '"');
        return Common.Where(label => label.StartsWith(typed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text to insert: labels with spaces, parentheses or emoji are single-quoted.</summary>
    public static string Quote(string label) =>
        label.All(c => char.IsLetterOrDigit(c) && c < 128) ? label : "'" + label.Replace("'", "''") + "'";
}
