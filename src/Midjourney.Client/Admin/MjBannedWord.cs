using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>
/// One list of banned words on a TrueAI proxy (its <c>/mj/admin/banned-words</c>). A prompt that holds one of its words
/// (a whole word, any case) is accepted by TrueAI 11 and then fails with "可能包含敏感词" (it may contain a banned word).
/// </summary>
public sealed class MjBannedWord
{
    private static readonly IReadOnlyList<string> NoWords = Array.Empty<string>();
    private static readonly IReadOnlyDictionary<string, object?> Nothing = new Dictionary<string, object?>();

    /// <summary>Creates a list with the given id.</summary>
    public MjBannedWord(string id) => Id = id ?? throw new ArgumentNullException(nameof(id));

    /// <summary>The list's id (<c>default</c> for the server's own list, which cannot be removed).</summary>
    public string Id { get; }

    /// <summary>The list's name.</summary>
    public string? Name { get; init; }

    /// <summary>The words, as the server keeps them (trimmed, lower case).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = NoWords;

    /// <summary>True when the server checks prompts against it.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The list's weight.</summary>
    public int? Weight { get; init; }

    /// <summary>Its place in the server's order.</summary>
    public int? Sort { get; init; }

    /// <summary>The administrator's description.</summary>
    public string? Description { get; init; }

    /// <summary>When the list was made (the server's local clock).</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>When the list was last changed.</summary>
    public DateTime? UpdateTime { get; init; }

    /// <summary>Every field the server sent.</summary>
    public IReadOnlyDictionary<string, object?> Raw { get; init; } = Nothing;

    /// <summary>The server this list belongs to.</summary>
    public Uri? Server { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({Keywords.Count} words)";
}
