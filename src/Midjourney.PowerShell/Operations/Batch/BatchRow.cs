using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>One input row of a batch, bound and ready to check.</summary>
internal sealed class BatchRow
{
    /// <summary>Creates a row.</summary>
    public BatchRow(int index, string identity, string prompt)
    {
        Index = index;
        Identity = identity;
        Prompt = prompt;
    }

    /// <summary>The row's position, 1-based.</summary>
    public int Index { get; }

    /// <summary>Hash of the row's content and position (see <see cref="IdentityOf"/>).</summary>
    public string Identity { get; }

    /// <summary>The prompt as given, for messages.</summary>
    public string Prompt { get; }

    /// <summary>The New-MjImagine input the row binds to; null when binding failed.</summary>
    public NewImagineOptions? Options { get; set; }

    /// <summary>The row's own follow-up clicks (its Then column); empty uses -Then.</summary>
    public IReadOnlyList<string> Then { get; set; } = Array.Empty<string>();

    /// <summary>Why the row cannot run (a column that does not convert, a missing file), found before anything is sent.</summary>
    public string? Error { get; set; }

    /// <summary>
    /// The identity of a row: a hash of its position and its columns (names and values, in order). The same row at
    /// the same place is the same work; an edited or moved row is new work.
    /// </summary>
    public static string IdentityOf(int index, IEnumerable<(string Name, string Value)> columns)
    {
        var text = new StringBuilder().Append(index);
        foreach (var (name, value) in columns)
        {
            text.Append('\u001e').Append(name.ToLowerInvariant()).Append('\u001f').Append(value);
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        return string.Concat(hash.Take(8).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Follow-up clicks from text: <c>U1</c>, <c>U1,U2</c> (commas or semicolons), <c>All</c> (the four upscales);
    /// blank or <c>None</c> means none.
    /// </summary>
    public static IReadOnlyList<string> ParseThen(IEnumerable<string>? values)
    {
        var labels = new List<string>();
        foreach (var label in (values ?? Array.Empty<string>()).SelectMany(v => v.Split(',', ';')).Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (string.Equals(label, "All", StringComparison.OrdinalIgnoreCase))
            {
                labels.AddRange(new[] { "U1", "U2", "U3", "U4" });
            }
            else if (!string.Equals(label, "None", StringComparison.OrdinalIgnoreCase))
            {
                labels.Add(label.Length == 2 && char.IsLetter(label[0]) && char.IsDigit(label[1]) ? label.ToUpperInvariant() : label);
            }
        }

        return labels.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
