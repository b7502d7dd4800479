namespace Midjourney.Client;

/// <summary>The aspect of a blend result.</summary>
public enum BlendDimensions
{
    /// <summary>1:1 (the server default).</summary>
    Square = 0,

    /// <summary>2:3.</summary>
    Portrait,

    /// <summary>3:2.</summary>
    Landscape,
}
