using System;
using System.Collections.Generic;

namespace Midjourney.Simulator.Domain;

/// <summary>Finds a banned word in a prompt: whole words, case-insensitive; an entry with a space matches as a phrase.</summary>
internal sealed class BannedWordChecker
{
    private readonly HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _phrases = new();

    public BannedWordChecker(IEnumerable<string> entries)
    {
        foreach (string raw in entries)
        {
            string entry = raw.Trim();
            if (entry.Length == 0) continue;
            if (entry.Contains(' ')) _phrases.Add(entry);
            else _words.Add(entry);
        }
    }

    /// <summary>The first banned entry found, or null.</summary>
    public string? Find(string? prompt)
    {
        if (string.IsNullOrEmpty(prompt)) return null;
        foreach (string phrase in _phrases)
        {
            if (prompt.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return phrase;
        }

        if (_words.Count == 0) return null;
        int start = -1;
        for (int i = 0; i <= prompt.Length; i++)
        {
            bool letter = i < prompt.Length && (char.IsLetterOrDigit(prompt[i]) || prompt[i] == '_');
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                string word = prompt.Substring(start, i - start);
                if (_words.Contains(word)) return word;
                start = -1;
            }
        }

        return null;
    }
}
