namespace Midjourney.Client;

/// <summary>How a Midjourney parameter takes its value.</summary>
public enum MjParameterKind
{
    /// <summary>No value: <c>--tile</c>.</summary>
    Flag,

    /// <summary>A whole number in a range: <c>--s 250</c>.</summary>
    Integer,

    /// <summary>A decimal number in a range: <c>--iw 1.5</c>.</summary>
    Number,

    /// <summary>Width:height in positive whole numbers: <c>--ar 16:9</c>.</summary>
    Ratio,

    /// <summary>One of a fixed list of values: <c>--v 7</c>, <c>--q 2</c>.</summary>
    Choice,

    /// <summary>Comma-separated words up to the next parameter: <c>--no text, watermark</c>.</summary>
    Words,

    /// <summary>Space-separated image URLs or codes, each with an optional <c>::weight</c>: <c>--sref URL1 URL2</c>.</summary>
    References,

    /// <summary>Zero or more codes: <c>--p</c>, <c>--p abc123</c>.</summary>
    OptionalCodes,
}
