namespace Midjourney.Client;

/// <summary>A server's own text (often Chinese) explained in English, with what to do about it.</summary>
public sealed class MjServerMessage
{
    internal MjServerMessage(string original, string explanation, string advice, MjServerMessageKind kind, string? bannedWord)
    {
        Original = original;
        Explanation = explanation;
        Advice = advice;
        Kind = kind;
        BannedWord = bannedWord;
    }

    /// <summary>The server's text as it came.</summary>
    public string Original { get; }

    /// <summary>What it means, in English (one sentence, ends with a full stop).</summary>
    public string Explanation { get; }

    /// <summary>What to do about it (one or two sentences).</summary>
    public string Advice { get; }

    /// <summary>What the message is about.</summary>
    public MjServerMessageKind Kind { get; }

    /// <summary>The banned word, when the text names one.</summary>
    public string? BannedWord { get; }

    /// <inheritdoc />
    public override string ToString() => Explanation + " " + Advice;
}
