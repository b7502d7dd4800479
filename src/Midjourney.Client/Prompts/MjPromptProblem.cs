namespace Midjourney.Client;

/// <summary>What is wrong with a prompt's parameters.</summary>
public enum MjPromptProblemKind
{
    /// <summary>A flag Midjourney does not have (<c>--stylise</c>).</summary>
    UnknownParameter,

    /// <summary>A flag glued to its value (<c>--ar16:9</c>).</summary>
    MissingSpace,

    /// <summary>An em or en dash, or one hyphen, where two hyphens belong (<c>—ar</c>).</summary>
    WrongDash,

    /// <summary>A flag without the value it needs (<c>--ar</c> at the end).</summary>
    MissingValue,

    /// <summary>A value of the wrong form (<c>--s high</c>, <c>--ar 16x9</c>).</summary>
    InvalidValue,

    /// <summary>A number outside the parameter's range (<c>--s 2000</c>).</summary>
    OutOfRange,

    /// <summary>A parameter the chosen version does not have (<c>--oref</c> with <c>--v 6</c>).</summary>
    WrongVersion,

    /// <summary>The same parameter twice with different values.</summary>
    Repeated,

    /// <summary>Parameters that exclude each other, or a typed value that disagrees with the prompt's.</summary>
    Conflict,

    /// <summary>Prompt text after the parameters.</summary>
    TextAfterParameters,

    /// <summary>A bad <c>{a, b}</c> permutation or too many of them.</summary>
    Permutation,
}

/// <summary>One problem found in a prompt: what is wrong and what to write instead.</summary>
public sealed class MjPromptProblem
{
    /// <summary>Creates a problem.</summary>
    public MjPromptProblem(MjPromptProblemKind kind, string? flag, string message)
    {
        Kind = kind;
        Flag = flag;
        Message = message;
    }

    /// <summary>The kind of problem.</summary>
    public MjPromptProblemKind Kind { get; }

    /// <summary>The flag as written, where there is one.</summary>
    public string? Flag { get; }

    /// <summary>The explanation, with what to write.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
