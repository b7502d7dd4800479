using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Midjourney.Client;

/// <summary>
/// Every Midjourney prompt parameter this module knows: flags, ranges, defaults and which version has what.
/// </summary>
/// <remarks>
/// Sources (read 2026): "Midjourney V7 Prompt Parameter Guide" and "Midjourney V8.1 Prompt Guide"
/// (docs.evolink.ai/en/api-manual/image-series/midjourney/), the v8.1 model guide (help.aliyun.com/zh/marketplace/v81-model-guide)
/// for <c>--q 1, 4</c> and no <c>--draft</c> on 8.x, and Midjourney's quality and character-reference pages for versions 5–6.1
/// (<c>--q .25 .5 1</c>, 6.1 adds 2; <c>--cref</c> only on 6 and 6.1; <c>--oref</c> replaced it in version 7).
/// Defaults: --ar 1:1, --s 100, --c 0, --w 0, --q 1, --exp 0, --iw 1, --sw 100, --sv 4 (V7), --ow 100, --cw 100, --stop 100.
/// </remarks>
public static class MjParameterTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly MjVersionRule V7Plus = new("version 7 or later (--v 7, 8 or 8.1)", m => !m.Niji && m.Version >= 7);
    private static readonly MjVersionRule V7Only = new("version 7 (--v 7)", m => !m.Niji && m.Version == 7);
    private static readonly MjVersionRule V7PlusOrNiji7 = new("version 7 or later (--v 7, 8, 8.1 or --niji 7)", m => m.Version >= 7);
    private static readonly MjVersionRule V8Plus = new("version 8 or later (--v 8 or 8.1)", m => !m.Niji && m.Version >= 8);
    private static readonly MjVersionRule V6Only = new("version 6 or 6.1 (or --niji 6); on version 7 use --oref", m => m.Version is >= 6 and < 7);

    /// <summary>The versions <c>--v</c> takes.</summary>
    public static IReadOnlyList<string> Versions { get; } = new[] { "5", "5.1", "5.2", "6", "6.1", "7", "8", "8.1" };

    /// <summary>The versions <c>--niji</c> takes.</summary>
    public static IReadOnlyList<string> NijiVersions { get; } = new[] { "5", "6", "7" };

    /// <summary>Aspect ratios people use most, offered by completion.</summary>
    public static IReadOnlyList<string> CommonAspectRatios { get; } = new[] { "1:1", "16:9", "9:16", "3:2", "2:3", "4:3", "3:4", "4:5", "5:4", "21:9", "2:1", "1:2" };

    /// <summary>Every parameter, in the order the builder writes them.</summary>
    public static IReadOnlyList<MjParameterInfo> All { get; } = new[]
    {
        Text("ar", nameof(MjPromptParameters.AspectRatio), MjParameterKind.Ratio, "--ar 16:9", p => p.AspectRatio, (p, v) => p.AspectRatio = v, "aspect"),
        Text("v", nameof(MjPromptParameters.Version), MjParameterKind.Choice, "--v 7", p => p.Version, (p, v) => p.Version = Normalize(v), "version") with { Values = Versions },
        Text("niji", nameof(MjPromptParameters.Niji), MjParameterKind.Choice, "--niji 6", p => p.Niji, (p, v) => p.Niji = Normalize(v)) with { Values = NijiVersions, ValueOptional = true },
        Int("s", nameof(MjPromptParameters.Stylize), 0, 1000, "--s 250", p => p.Stylize, (p, v) => p.Stylize = v, "stylize"),
        Int("c", nameof(MjPromptParameters.Chaos), 0, 100, "--c 10", p => p.Chaos, (p, v) => p.Chaos = v, "chaos"),
        Int("w", nameof(MjPromptParameters.Weird), 0, 3000, "--w 250", p => p.Weird, (p, v) => p.Weird = v, "weird"),
        Num("q", nameof(MjPromptParameters.Quality), 0.25, 4, "--q 2", p => p.Quality, (p, v) => p.Quality = v, "quality") with { Kind2 = MjParameterKind.Choice, Values = new[] { ".25", ".5", "1", "2", "4" } },
        Long("seed", nameof(MjPromptParameters.Seed), 0, 4294967295, "--seed 1234", p => p.Seed, (p, v) => p.Seed = v),
        Words("no", nameof(MjPromptParameters.No), "--no text, watermark", p => p.No),
        Flag("raw", nameof(MjPromptParameters.Raw), p => p.Raw, p => p.Raw = true),
        Text("style", nameof(MjPromptParameters.Style), MjParameterKind.Choice, "--style raw", p => p.Style, (p, v) =>
        {
            if (string.Equals(v, "raw", StringComparison.OrdinalIgnoreCase)) p.Raw = true; else p.Style = v;
        }) with { Values = new[] { "raw", "cute", "expressive", "original", "scenic" } },
        Flag("tile", nameof(MjPromptParameters.Tile), p => p.Tile, p => p.Tile = true),
        Int("exp", nameof(MjPromptParameters.Experimental), 0, 100, "--exp 25", p => p.Experimental, (p, v) => p.Experimental = v) with { Versions = V7PlusOrNiji7 },
        Flag("draft", nameof(MjPromptParameters.Draft), p => p.Draft, p => p.Draft = true) with { Versions = V7Only },
        Flag("hd", nameof(MjPromptParameters.HD), p => p.HD, p => p.HD = true) with { Versions = V8Plus },
        Num("iw", nameof(MjPromptParameters.ImageWeight), 0, 3, "--iw 1.5", p => p.ImageWeight, (p, v) => p.ImageWeight = v),
        Refs("sref", nameof(MjPromptParameters.StyleReference), "--sref https://example.com/style.png", p => p.StyleReference),
        Int("sw", nameof(MjPromptParameters.StyleWeight), 0, 1000, "--sw 100", p => p.StyleWeight, (p, v) => p.StyleWeight = v),
        Int("sv", nameof(MjPromptParameters.StyleVersion), 1, 7, "--sv 4", p => p.StyleVersion, (p, v) => p.StyleVersion = v),
        Text("oref", nameof(MjPromptParameters.OmniReference), MjParameterKind.References, "--oref https://example.com/subject.png", p => p.OmniReference, (p, v) => p.OmniReference = v) with { Versions = V7Plus },
        Int("ow", nameof(MjPromptParameters.OmniWeight), 1, 1000, "--ow 100", p => p.OmniWeight, (p, v) => p.OmniWeight = v) with { Versions = V7Plus },
        Refs("cref", nameof(MjPromptParameters.CharacterReference), "--cref https://example.com/face.png", p => p.CharacterReference) with { Versions = V6Only },
        Int("cw", nameof(MjPromptParameters.CharacterWeight), 0, 100, "--cw 50", p => p.CharacterWeight, (p, v) => p.CharacterWeight = v) with { Versions = V6Only },
        Codes("p", nameof(MjPromptParameters.Personalize), "--p or --p abc123", "personalize", "profile"),
        Int("stop", nameof(MjPromptParameters.Stop), 10, 100, "--stop 80", p => p.Stop, (p, v) => p.Stop = v),
        Int("r", nameof(MjPromptParameters.Repeat), 1, 40, "--r 4", p => p.Repeat, (p, v) => p.Repeat = v, "repeat"),
        Num("zoom", nameof(MjPromptParameters.Zoom), 1, 2, "--zoom 1.5", p => p.Zoom, (p, v) => p.Zoom = v),
        Flag("fast", "Speed", p => p.Speed == "fast", p => p.Speed = "fast"),
        Flag("relax", "Speed", p => p.Speed == "relax", p => p.Speed = "relax"),
        Flag("turbo", "Speed", p => p.Speed == "turbo", p => p.Speed = "turbo"),
        Flag("video", nameof(MjPromptParameters.Video), p => p.Video, p => p.Video = true) with { Video = true },
        Text("motion", nameof(MjPromptParameters.Motion), MjParameterKind.Choice, "--motion low", p => p.Motion, (p, v) => p.Motion = v.ToLowerInvariant()) with { Values = new[] { "low", "high" }, Video = true },
        Flag("loop", nameof(MjPromptParameters.Loop), p => p.Loop, p => p.Loop = true) with { Video = true },
        Int("bs", nameof(MjPromptParameters.BatchSize), 1, 4, "--bs 2", p => p.BatchSize, (p, v) => p.BatchSize = v) with { Video = true, Kind2 = MjParameterKind.Choice, Values = new[] { "1", "2", "4" } },
    }.Select(r => r.Build()).ToArray();

    private static readonly Dictionary<string, MjParameterInfo> ByName = All
        .SelectMany(p => new[] { p.Flag }.Concat(p.Aliases).Select(name => (name, p)))
        .ToDictionary(x => x.name, x => x.p, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every flag name and alias, without dashes.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The parameter for a flag name or alias (without dashes), or null.</summary>
    public static MjParameterInfo? Find(string name) => ByName.TryGetValue(name, out var info) ? info : null;

    /// <summary>The parameter that fills a typed property (AspectRatio, Stylize, …), or null.</summary>
    public static MjParameterInfo? ForProperty(string property) =>
        All.FirstOrDefault(p => string.Equals(p.Property, property, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>--q</c> values a model takes.</summary>
    public static IReadOnlyList<string> QualityValues(MjModel model) =>
        model.Niji
            ? (model.Version >= 7 ? new[] { "1", "2", "4" } : new[] { ".25", ".5", "1" })
            : model.Version >= 8 ? new[] { "1", "4" }
            : model.Version >= 7 ? new[] { "1", "2", "4" }
            : model.Version >= 6.1 ? new[] { ".25", ".5", "1", "2" }
            : new[] { ".25", ".5", "1" };

    /// <summary>The <c>--q</c> values for a version text as given to -Version / -Niji (completion).</summary>
    public static IReadOnlyList<string> QualityValues(string? version, string? niji)
    {
        var parameters = new MjPromptParameters { Version = version, Niji = niji };
        return QualityValues(ModelOf(parameters));
    }

    internal static MjModel ModelOf(MjPromptParameters parameters)
    {
        if (parameters.Niji is not null)
        {
            return new MjModel(TryNumber(parameters.Niji) ?? 6, niji: true, isDefault: parameters.Niji.Length == 0);
        }

        return TryNumber(parameters.Version) is double v ? new MjModel(v, niji: false) : new MjModel(MjModel.DefaultVersion, niji: false, isDefault: true);
    }

    internal static double? TryNumber(string? text) =>
        double.TryParse(text, NumberStyles.Float, Inv, out var value) && !double.IsNaN(value) && !double.IsInfinity(value) ? value : null;

    /// <summary>"7.0" → "7", so a task's version compares as the user typed it; other text is kept.</summary>
    private static string Normalize(string version) => TryNumber(version) is double v ? FormatNumber(v) : version;

    internal static bool TryNumberText(string? text) => TryNumber(text) is not null;

    internal static string FormatNumber(double value) => value.ToString("0.###", Inv);

    private static Row Int(string flag, string property, int min, int max, string example, Func<MjPromptParameters, int?> get, Action<MjPromptParameters, int> set, params string[] aliases) =>
        new(flag, property, MjParameterKind.Integer, example, p => get(p)?.ToString(Inv),
            (p, t) => { if (int.TryParse(t, NumberStyles.Integer, Inv, out var v)) set(p, v); }) { Min = min, Max = max, Aliases = aliases };

    private static Row Long(string flag, string property, long min, long max, string example, Func<MjPromptParameters, long?> get, Action<MjPromptParameters, long> set) =>
        new(flag, property, MjParameterKind.Integer, example, p => get(p)?.ToString(Inv),
            (p, t) => { if (long.TryParse(t, NumberStyles.Integer, Inv, out var v)) set(p, v); }) { Min = min, Max = max };

    private static Row Num(string flag, string property, double min, double max, string example, Func<MjPromptParameters, double?> get, Action<MjPromptParameters, double> set, params string[] aliases) =>
        new(flag, property, MjParameterKind.Number, example, p => get(p) is double d ? FormatNumber(d) : null,
            (p, t) => { if (TryNumber(t) is double v) set(p, v); }) { Min = min, Max = max, Aliases = aliases };

    private static Row Text(string flag, string property, MjParameterKind kind, string example, Func<MjPromptParameters, string?> get, Action<MjPromptParameters, string> set, params string[] aliases) =>
        new(flag, property, kind, example, get, set) { Aliases = aliases };

    private static Row Flag(string flag, string property, Func<MjPromptParameters, bool> get, Action<MjPromptParameters> set) =>
        new(flag, property, MjParameterKind.Flag, "--" + flag, p => get(p) ? string.Empty : null, (p, _) => set(p));

    private static Row Words(string flag, string property, string example, Func<MjPromptParameters, IList<string>> get) =>
        new(flag, property, MjParameterKind.Words, example, p => get(p).Count == 0 ? null : string.Join(", ", get(p)),
            (p, t) => { foreach (var word in t.Split(',').Select(w => w.Trim()).Where(w => w.Length > 0)) get(p).Add(word); });

    private static Row Refs(string flag, string property, string example, Func<MjPromptParameters, IList<string>> get) =>
        new(flag, property, MjParameterKind.References, example, p => get(p).Count == 0 ? null : string.Join(" ", get(p)),
            (p, t) => { foreach (var item in t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) get(p).Add(item); });

    private static Row Codes(string flag, string property, string example, params string[] aliases) =>
        new(flag, property, MjParameterKind.OptionalCodes, example, p => p.Personalize is null ? null : string.Join(" ", p.Personalize),
            (p, t) =>
            {
                p.Personalize ??= new List<string>();
                foreach (var item in t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) p.Personalize.Add(item);
            }) { Aliases = aliases, ValueOptional = true };

    /// <summary>A table row under construction (a record so rows read as one line each).</summary>
    private sealed record Row(string Flag, string Property, MjParameterKind Kind, string Example, Func<MjPromptParameters, string?> Format, Action<MjPromptParameters, string> Assign)
    {
        public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

        public double? Min { get; init; }

        public double? Max { get; init; }

        public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();

        public bool ValueOptional { get; init; }

        public MjVersionRule? Versions { get; init; }

        public bool Video { get; init; }

        /// <summary>Overrides the kind when a numeric row is really a fixed list (--q, --bs).</summary>
        public MjParameterKind? Kind2 { get; init; }

        public MjParameterInfo Build() => new(Flag, Property, Kind2 ?? Kind, Example)
        {
            Aliases = Aliases, Min = Min, Max = Max, Values = Values, ValueOptional = ValueOptional, Versions = Versions, Video = Video,
            Format = Format, Assign = Assign,
        };
    }
}
