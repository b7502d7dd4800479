using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>
/// The commands a card offers to copy: a click per button of each finished task (its real buttons where they are
/// known, a grid's U1–U4, V1–V4 and 🔄 otherwise), a wait for what is still running, a new imagine for what failed.
/// Every value from a server or a file is quoted as a PowerShell literal, so a copied line runs as shown.
/// </summary>
internal static class NextCommands
{
    private static readonly string[] GridButtons = { "U1", "U2", "U3", "U4", "V1", "V2", "V3", "V4", "🔄" };

    // PowerShell ends a single-quoted string at any of these, and reads a doubled one as itself.
    private static readonly char[] SingleQuotes = { '\'', '\u2018', '\u2019', '\u201A', '\u201B' };

    /// <summary>
    /// The commands of <paramref name="card"/>. <paramref name="connection"/> (a server address) adds -Connection,
    /// for a page with tasks of several servers.
    /// </summary>
    public static IReadOnlyList<string> For(GalleryCard card, string? connection)
    {
        var commands = new List<string>();
        var where = connection is null ? string.Empty : " -Connection " + Literal(connection);
        var clicked = new HashSet<string>(card.Tasks.Where(t => t.Via is not null).Select(t => t.Via!), StringComparer.OrdinalIgnoreCase);

        // The newest work first: what the row's clicks made, then the grid they were clicked on (less what was clicked).
        foreach (var task in card.Tasks.Where(t => t.Via is not null).Concat(card.Tasks.Where(t => t.Via is null)))
        {
            var get = "Get-MjTask " + Literal(task.Id) + where;
            switch (task.Status)
            {
                case GalleryStatus.Running:
                    commands.Add(get + " | Wait-MjTask | Save-MjImage");
                    break;
                case GalleryStatus.Done:
                    var buttons = task.Buttons ?? (task.IsGrid ? GridButtons : null);
                    if (buttons is null)
                    {
                        // Nothing recorded which buttons it has: list them.
                        commands.Add("(" + get + ").Buttons");
                        break;
                    }

                    var left = task.Via is null ? buttons.Where(label => !clicked.Contains(label)) : buttons;
                    commands.AddRange(left.Select(label => get + " | Invoke-MjButton -Label " + Literal(label) + " -Wait"));
                    break;
            }
        }

        if (card.Status == GalleryStatus.Failed && !string.IsNullOrWhiteSpace(card.Prompt) && IsImagine(card))
        {
            commands.Insert(0, "New-MjImagine -Prompt " + Literal(card.Prompt!) + where + " -Wait");
        }

        return commands;
    }

    /// <summary>
    /// <paramref name="value"/> as PowerShell reads it back: bare when it is a word (a letter, then letters, digits, '-'
    /// or '_') or a whole number that stays exact (up to 18 digits, no leading zero), else single-quoted with every kind
    /// of single quote doubled; control characters and escape sequences are removed first (<see cref="MjText.CleanLine"/>),
    /// line breaks become spaces.
    /// </summary>
    public static string Literal(string value)
    {
        value = MjText.CleanLine(value) ?? string.Empty;
        if (IsWord(value) || IsExactNumber(value))
        {
            return value;
        }

        var text = new StringBuilder("'", value.Length + 2);
        foreach (var c in value)
        {
            if (Array.IndexOf(SingleQuotes, c) >= 0)
            {
                text.Append(c);
            }

            text.Append(c);
        }

        return text.Append('\'').ToString();
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static bool IsWord(string value) =>
        value.Length > 0 && IsAsciiLetter(value[0]) && value.All(c => IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-' || c == '_');

    private static bool IsExactNumber(string value) =>
        value.Length is > 0 and <= 18 && value.All(IsAsciiDigit) && (value[0] != '0' || value.Length == 1);

    // A failed row or task whose own work was an imagine (a batch row, a task without another action).
    private static bool IsImagine(GalleryCard card) =>
        card.Tasks.Count == 0 || card.Tasks.All(t => t.Action is null || string.Equals(t.Action, "IMAGINE", StringComparison.OrdinalIgnoreCase) || t.Via is not null);
}
