using System;

namespace Midjourney.Client;

/// <summary>Which model versions a parameter works with, and the words to say so.</summary>
internal sealed class MjVersionRule
{
    public MjVersionRule(string needs, Func<MjModel, bool> allows)
    {
        Needs = needs;
        Allows = allows;
    }

    /// <summary>"version 7 or later", said in messages.</summary>
    public string Needs { get; }

    public Func<MjModel, bool> Allows { get; }
}

/// <summary>The model a prompt renders with: <c>--v</c> or <c>--niji</c>, else Midjourney's default.</summary>
public readonly struct MjModel
{
    /// <summary>The version Midjourney uses when a prompt names none (V7 is the default since June 2025).</summary>
    public const double DefaultVersion = 7;

    /// <summary>Creates a model.</summary>
    public MjModel(double version, bool niji, bool isDefault = false)
    {
        Version = version;
        Niji = niji;
        IsDefault = isDefault;
    }

    /// <summary>The version number: 6.1, 7, 8.1; for niji its niji number.</summary>
    public double Version { get; }

    /// <summary>True for the Niji (anime) model.</summary>
    public bool Niji { get; }

    /// <summary>True when the prompt named no version.</summary>
    public bool IsDefault { get; }

    /// <summary>The flag that selects it: <c>--v 7</c>, <c>--niji 6</c>.</summary>
    public override string ToString() =>
        (Niji ? "--niji " : "--v ") + Version.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + (IsDefault ? " (the default)" : string.Empty);
}
