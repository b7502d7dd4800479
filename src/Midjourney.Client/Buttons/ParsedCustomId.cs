namespace Midjourney.Client;

/// <summary>What <see cref="CustomIdParser"/> reads out of a customId.</summary>
internal readonly struct ParsedCustomId
{
    public ParsedCustomId(MjButtonKind kind, int? index, bool alwaysModal)
    {
        Kind = kind;
        Index = index;
        AlwaysModal = alwaysModal;
    }

    public MjButtonKind Kind { get; }

    public int? Index { get; }

    public bool AlwaysModal { get; }
}
