using System;
using System.Collections.Generic;
using System.Linq;
using Midjourney.Simulator.Domain;

namespace Midjourney.Simulator.Admin;

/// <summary>One list of banned words (TrueAI's <c>BannedWord</c>).</summary>
internal sealed class BannedWordList
{
    public required string Id { get; init; }
    public string? Name { get; set; }
    public List<string> Keywords { get; set; } = new();
    public bool Enable { get; set; } = true;
    public int Weight { get; set; }
    public int Sort { get; set; }
    public string? Description { get; set; }
    public long CreateTimeMs { get; init; }
    public long UpdateTimeMs { get; set; }
}

/// <summary>
/// The banned words every flavour checks prompts against: TrueAI's lists, starting with "default" (the
/// <see cref="SimulatorOptions.BannedWords"/>), which its administrator edits through <c>/mj/admin/banned-word*</c>.
/// A prompt with a word of an enabled list is refused at once (code 24) or, on TrueAI 11, accepted and then failed with
/// "可能包含敏感词".
/// </summary>
internal sealed class BannedWordLists
{
    public const string DefaultId = "default";

    private readonly object _gate = new();
    private readonly List<BannedWordList> _lists = new();
    private BannedWordChecker _checker;

    public BannedWordLists(SimulatorOptions options, long nowMs)
    {
        _lists.Add(new BannedWordList
        {
            Id = DefaultId,
            Name = "默认违规词",
            Keywords = Normalise(options.BannedWords),
            Description = "",
            CreateTimeMs = nowMs,
            UpdateTimeMs = nowMs,
        });
        _checker = BuildChecker();
    }

    /// <summary>The first banned word in <paramref name="prompt"/> (whole words, any case), or null.</summary>
    public string? Find(string? prompt) => _checker.Find(prompt);

    /// <summary>The lists in their order.</summary>
    public IReadOnlyList<BannedWordList> All()
    {
        lock (_gate) return _lists.OrderBy(l => l.Sort).ToList();
    }

    /// <summary>Runs a change of lists under the lock, then checks prompts against the new words.</summary>
    public T Change<T>(Func<List<BannedWordList>, T> change)
    {
        lock (_gate)
        {
            T result = change(_lists);
            _checker = BuildChecker();
            return result;
        }
    }

    /// <summary>As TrueAI keeps them: trimmed, lower case, no blanks, no repeats.</summary>
    public static List<string> Normalise(IEnumerable<string?> words) =>
        words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    private BannedWordChecker BuildChecker() => new(_lists.Where(l => l.Enable).SelectMany(l => l.Keywords).ToList());
}
