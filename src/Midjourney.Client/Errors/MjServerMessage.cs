namespace Midjourney.Client;

/// <summary>A server's own text (often Chinese) explained in English, with what to do about it.</summary>
public sealed class MjServerMessage
{
    private const string SpeedMark = "{speed}";
    private readonly string _advice;

    internal MjServerMessage(string original, string explanation, string advice, MjServerMessageKind kind, string? bannedWord)
    {
        Original = original;
        Explanation = explanation;
        _advice = advice;
        Kind = kind;
        BannedWord = bannedWord;
    }

    /// <summary>The server's text as it came.</summary>
    public string Original { get; }

    /// <summary>What it means, in English (one sentence, ends with a full stop).</summary>
    public string Explanation { get; }

    /// <summary>What to do about it (one or two sentences), for any request.</summary>
    public string Advice => AdviceWithSpeed(null);

    /// <summary>What the message is about.</summary>
    public MjServerMessageKind Kind { get; }

    /// <summary>The banned word, when the text names one.</summary>
    public string? BannedWord { get; }

    /// <summary>True when submitting in another speed mode may help (no account free for this mode).</summary>
    public bool SpeedMayHelp => _advice.Contains(SpeedMark);

    /// <summary>
    /// The advice for a request that had a speed mode, where <paramref name="speedChoice"/> names how the caller picks
    /// another one ("-Mode", "speed mode"); null leaves the speed out (a request without one, such as a seed).
    /// </summary>
    public string AdviceWithSpeed(string? speedChoice) => AdviceWithSpeed(speedChoice, null);

    /// <summary>
    /// The advice for a request sent in the <paramref name="tried"/> mode: the other mode it names as an example is not
    /// that one (a Relax submit that found no account is pointed at Fast).
    /// </summary>
    public string AdviceWithSpeed(string? speedChoice, SpeedMode? tried) =>
        _advice.Replace(SpeedMark, string.IsNullOrEmpty(speedChoice) ? string.Empty : $", or with another {speedChoice} (for example {(tried == SpeedMode.Relax ? "Fast" : "Relax")})");

    /// <inheritdoc />
    public override string ToString() => Explanation + " " + Advice;
}
