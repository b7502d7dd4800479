using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Midjourney.Client;

/// <summary>
/// Picks one button of a task from what a person types: a customId, a label (<c>U1</c>, <c>Vary (Region)</c>),
/// an emoji (<c>🔄</c>, <c>⬅️</c>) or a kind name (<c>Reroll</c>, <c>PanLeft</c>).
/// </summary>
public static class MjButtonFinder
{
    private const char VariationSelector16 = '\uFE0F';

    // Normalised query starts and emoji of buttons that only an upscaled single image offers (reference §3.3).
    // Plain "upscale" is left out: U1..U4 are on the grid ("Upscale 2" must not get the hint).
    private static readonly string[] UpscaledOnlyWords =
    {
        "vary", "customzoom", "zoom", "makesquare", "pan", "animate",
        "upscalesubtle", "upscalecreative", "upscale2x", "upscale4x",
    };
    private static readonly string[] UpscaledOnlyEmoji = { "🖌", "🔍", "🪄", "⬅", "➡", "⬆", "⬇", "🎞" };

    /// <summary>
    /// Finds the one button of <paramref name="task"/> that <paramref name="query"/> names. Compared ignoring case,
    /// in this order, stopping at the first that matches anything: the exact customId; the label (also ignoring
    /// spaces and punctuation, so <c>varyregion</c> and <c>zoomout1.5x</c> work); the emoji (ignoring the U+FE0F
    /// variation selector, so <c>⬅</c> finds <c>⬅️</c>); the <see cref="MjButtonKind"/> name.
    /// </summary>
    /// <exception cref="MjButtonNotFoundException">
    /// Nothing matches (the message lists what the task offers), or several buttons match at the same level
    /// (<see cref="MjButtonNotFoundException.Available"/> holds them).
    /// </exception>
    public static MjButton Find(MjTask task, string query)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (task.Buttons.Count == 0)
        {
            throw NoButtons(task, query);
        }

        var matches = Match(task.Buttons, query.Trim());
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Miss(task, query),
            _ => throw Ambiguous(task, query, matches),
        };
    }

    /// <summary>
    /// Finds the button of the given kind, and image index when given (<c>Upscale, 2</c> is U2).
    /// Without an index the kind must be unique on the task (<c>Reroll</c>, <c>VaryRegion</c>).
    /// </summary>
    /// <exception cref="MjButtonNotFoundException">No button or several buttons match.</exception>
    public static MjButton Find(MjTask task, MjButtonKind kind, int? index = null)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        var query = index is int n ? $"{kind} {n}" : kind.ToString();
        if (task.Buttons.Count == 0)
        {
            throw NoButtons(task, query);
        }

        var matches = task.Buttons.Where(b => b.Kind == kind && (index is null || b.Index == index)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Miss(task, query),
            _ => throw Ambiguous(task, query, matches),
        };
    }

    /// <summary>The buttons matching at the first level that matches anything; empty when none does.</summary>
    private static List<MjButton> Match(IReadOnlyList<MjButton> buttons, string query)
    {
        if (query.Length == 0)
        {
            return new List<MjButton>();
        }

        var byCustomId = buttons.Where(b => string.Equals(b.CustomId, query, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byCustomId.Count > 0)
        {
            return byCustomId;
        }

        var normalised = Normalise(query);
        var byLabel = buttons.Where(b => b.Label.Length > 0
            && (string.Equals(b.Label, query, StringComparison.OrdinalIgnoreCase)
                || (normalised.Length > 0 && Normalise(b.Label) == normalised))).ToList();
        if (byLabel.Count > 0)
        {
            return byLabel;
        }

        var emoji = StripVariationSelector(query);
        var byEmoji = buttons.Where(b => b.Emoji.Length > 0
            && emoji.Length > 0
            && string.Equals(StripVariationSelector(b.Emoji), emoji, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byEmoji.Count > 0)
        {
            return byEmoji;
        }

        return normalised.Length == 0
            ? new List<MjButton>()
            : buttons.Where(b => b.Kind != MjButtonKind.Unknown && Normalise(b.Kind.ToString()) == normalised).ToList();
    }

    /// <summary>Lower-case letters and digits only: "Zoom Out 1.5x", "zoomout1.5x" and "ZoomOut1_5x" all become "zoomout15x".</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // Discord sends "⬅️" (arrow + U+FE0F); people and consoles often type the bare arrow.
    private static string StripVariationSelector(string text) =>
        text.IndexOf(VariationSelector16) < 0 ? text : text.Replace(VariationSelector16.ToString(), string.Empty);

    private static MjButtonNotFoundException NoButtons(MjTask task, string query)
    {
        string why;
        if (task.Status == MjTaskStatus.Success)
        {
            why = $"it finished ({task.Action ?? "unknown action"}) but the server sent no buttons for it";
        }
        else if (task.IsFinished)
        {
            why = $"task is {task.Status}; only a successful task has buttons";
        }
        else
        {
            why = $"task is {task.Status}; buttons appear when it succeeds";
        }

        return new MjButtonNotFoundException(
            $"Task {task.Id} has no button '{query}': it has no buttons at all ({why}).",
            task.Id,
            query,
            task.Buttons);
    }

    private static MjButtonNotFoundException Miss(MjTask task, string query)
    {
        var message = new StringBuilder()
            .Append("Task ").Append(task.Id).Append(" has no button '").Append(query).Append("'. It offers: ")
            .Append(string.Join(", ", task.Buttons.Select(Describe)))
            .Append('.');

        if (IsGrid(task) && AsksForUpscaledOnly(query))
        {
            message.Append(" Click U1..U4 first: '").Append(query).Append("' is only offered on an upscaled image.");
        }

        return new MjButtonNotFoundException(message.ToString(), task.Id, query, task.Buttons);
    }

    private static MjButtonNotFoundException Ambiguous(MjTask task, string query, IReadOnlyList<MjButton> matches)
    {
        var list = string.Join(", ", matches.Select(b => $"{b.DisplayName} [{b.CustomId}]"));
        return new MjButtonNotFoundException(
            $"'{query}' is ambiguous on task {task.Id}: it matches {matches.Count} buttons: {list}. Use the label or customId of one.",
            task.Id,
            query,
            matches);
    }

    /// <summary>How a button is listed in messages: its label, else its emoji with the kind, else the kind or customId.</summary>
    private static string Describe(MjButton button) =>
        button.Label.Length > 0 ? button.Label
        : button.Emoji.Length > 0 ? $"{button.Emoji} ({button.Kind})"
        : button.Kind != MjButtonKind.Unknown ? button.Kind.ToString()
        : button.CustomId;

    private static bool IsGrid(MjTask task) => task.Buttons.Any(b => b.Kind == MjButtonKind.Upscale);

    /// <summary>True when the query names a button that only an upscaled image has (Vary (Region), Zoom, Pan, HD upscales, ...).</summary>
    private static bool AsksForUpscaledOnly(string query)
    {
        var normalised = Normalise(query);
        if (UpscaledOnlyWords.Any(word => normalised.StartsWith(word, StringComparison.Ordinal)))
        {
            return true;
        }

        var emoji = StripVariationSelector(query.Trim());
        return UpscaledOnlyEmoji.Contains(emoji);
    }
}
