using System.Collections.Generic;
using System.Linq;

namespace Midjourney.Client;

/// <summary>
/// Midjourney's prompt parameters as typed values. Null (or an empty list, or false) means "not given".
/// <see cref="MjPromptBuilder"/> writes them at the end of a prompt; <see cref="MjPromptParser"/> reads them back.
/// </summary>
public sealed class MjPromptParameters
{
    /// <summary><c>--ar</c>: width:height, e.g. "16:9".</summary>
    public string? AspectRatio { get; set; }

    /// <summary><c>--v</c>: 5.2, 6, 6.1, 7, 8, 8.1.</summary>
    public string? Version { get; set; }

    /// <summary><c>--niji</c>: 5, 6, 7; "" for a bare <c>--niji</c>.</summary>
    public string? Niji { get; set; }

    /// <summary><c>--s</c>: 0–1000.</summary>
    public int? Stylize { get; set; }

    /// <summary><c>--c</c>: 0–100.</summary>
    public int? Chaos { get; set; }

    /// <summary><c>--w</c>: 0–3000.</summary>
    public int? Weird { get; set; }

    /// <summary><c>--q</c>: the values depend on the version (see <see cref="MjParameterTable.QualityValues(MjModel)"/>).</summary>
    public double? Quality { get; set; }

    /// <summary><c>--seed</c>: 0–4294967295.</summary>
    public long? Seed { get; set; }

    /// <summary><c>--no</c>: things to leave out.</summary>
    public IList<string> No { get; set; } = new List<string>();

    /// <summary><c>--raw</c> (or <c>--style raw</c>).</summary>
    public bool Raw { get; set; }

    /// <summary><c>--style</c> other than raw (niji styles such as cute, expressive, scenic, original).</summary>
    public string? Style { get; set; }

    /// <summary><c>--tile</c>: a seamless pattern.</summary>
    public bool Tile { get; set; }

    /// <summary><c>--exp</c>: 0–100, version 7 and later.</summary>
    public int? Experimental { get; set; }

    /// <summary><c>--draft</c>: version 7.</summary>
    public bool Draft { get; set; }

    /// <summary><c>--hd</c>: native 2K, version 8 and later.</summary>
    public bool HD { get; set; }

    /// <summary><c>--iw</c>: 0–3, the weight of image prompts.</summary>
    public double? ImageWeight { get; set; }

    /// <summary><c>--sref</c>: style reference URLs or codes (each may end in <c>::weight</c>).</summary>
    public IList<string> StyleReference { get; set; } = new List<string>();

    /// <summary><c>--sw</c>: 0–1000.</summary>
    public int? StyleWeight { get; set; }

    /// <summary><c>--sv</c>: 1–7, the style reference algorithm.</summary>
    public int? StyleVersion { get; set; }

    /// <summary><c>--oref</c>: an omni reference image URL, version 7 and later.</summary>
    public string? OmniReference { get; set; }

    /// <summary><c>--ow</c>: 1–1000.</summary>
    public int? OmniWeight { get; set; }

    /// <summary><c>--cref</c>: character reference URLs, version 6 only.</summary>
    public IList<string> CharacterReference { get; set; } = new List<string>();

    /// <summary><c>--cw</c>: 0–100.</summary>
    public int? CharacterWeight { get; set; }

    /// <summary><c>--p</c>: null = not given; empty = your default profile; else profile or moodboard codes.</summary>
    public IList<string>? Personalize { get; set; }

    /// <summary><c>--stop</c>: 10–100.</summary>
    public int? Stop { get; set; }

    /// <summary><c>--r</c>: 1–40, run the prompt this many times.</summary>
    public int? Repeat { get; set; }

    /// <summary><c>--zoom</c>: 1–2, for Custom Zoom.</summary>
    public double? Zoom { get; set; }

    /// <summary><c>--fast</c>, <c>--relax</c> or <c>--turbo</c> written in the prompt.</summary>
    public string? Speed { get; set; }

    /// <summary><c>--video</c>: make a video.</summary>
    public bool Video { get; set; }

    /// <summary><c>--motion</c>: low or high (video).</summary>
    public string? Motion { get; set; }

    /// <summary><c>--loop</c>: end on the first frame (video).</summary>
    public bool Loop { get; set; }

    /// <summary><c>--bs</c>: 1, 2 or 4 videos (video).</summary>
    public int? BatchSize { get; set; }

    /// <summary>Flags this module does not know, as written (kept so nothing is lost).</summary>
    public IList<string> Unknown { get; set; } = new List<string>();

    /// <summary>The model these parameters select: <c>--niji</c>, else <c>--v</c>, else the default (version 7).</summary>
    public MjModel Model => MjParameterTable.ModelOf(this);

    /// <summary>True when no parameter is set.</summary>
    public bool IsEmpty => MjParameterTable.All.All(p => p.Format(this) is null) && Unknown.Count == 0;

    /// <summary>A copy whose lists can change without changing these.</summary>
    public MjPromptParameters Clone()
    {
        var copy = (MjPromptParameters)MemberwiseClone();
        copy.No = No.ToList();
        copy.StyleReference = StyleReference.ToList();
        copy.CharacterReference = CharacterReference.ToList();
        copy.Personalize = Personalize?.ToList();
        copy.Unknown = Unknown.ToList();
        return copy;
    }

    /// <summary>The parameters in Midjourney's syntax: <c>--ar 16:9 --v 7 --s 250</c>.</summary>
    public override string ToString() => MjPromptBuilder.FormatParameters(this);
}
