namespace Midjourney.Client;

/// <summary>One parameter as written in a prompt.</summary>
public sealed class MjPromptFlag
{
    internal MjPromptFlag(string written, MjParameterInfo? info, int position)
    {
        Written = written;
        Info = info;
        Position = position;
    }

    /// <summary>The flag exactly as written: <c>--stylize</c>, <c>—ar</c>.</summary>
    public string Written { get; }

    /// <summary>The parameter, or null when unknown.</summary>
    public MjParameterInfo? Info { get; }

    /// <summary>The value text; null when none was written.</summary>
    public string? Value { get; internal set; }

    /// <summary>Where the flag starts in the prompt.</summary>
    public int Position { get; }

    /// <summary>The flag and value as written.</summary>
    public override string ToString() => Value is null ? Written : Written + " " + Value;
}
