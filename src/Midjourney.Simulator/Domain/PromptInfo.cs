using System;
using System.Globalization;
using System.Linq;
using Midjourney.Client;

namespace Midjourney.Simulator.Domain;

/// <summary>The Midjourney parameters and simulator markers found in a prompt.</summary>
internal sealed class PromptInfo
{
    /// <summary>Marker that makes a task fail half-way through its run.</summary>
    public const string FailMarker = "--sim-fail";

    /// <summary>Marker that makes a task run until the timeout fails it.</summary>
    public const string HangMarker = "--sim-hang";

    public UpscaleFamily Family { get; private init; } = UpscaleFamily.V7;
    public string VersionText { get; private init; } = "7.0";
    public SpeedMode? Mode { get; private init; }
    public double AspectRatio { get; private init; } = 1.0;
    public double? Zoom { get; private init; }
    public bool SimFail { get; private init; }
    public bool SimHang { get; private init; }

    /// <summary>The prompt's Midjourney parameters, read by the client's parser (simulator markers left out).</summary>
    public MjPromptParameters Parameters { get; private init; } = new();

    /// <summary>The width part of --ar (1 when the prompt has no valid --ar).</summary>
    public int AspectWidth { get; private init; } = 1;

    /// <summary>The height part of --ar (1 when the prompt has no valid --ar).</summary>
    public int AspectHeight { get; private init; } = 1;

    /// <summary>
    /// Why Midjourney's bot would refuse the prompt's parameters: the description of its "Invalid parameter" answer, or
    /// null. A proxy accepts such a prompt (code 1) and the task fails when the bot answers, in the words the flavour
    /// puts on the task (<see cref="Flavors.FlavorProfile.BotFailReason"/>).
    /// </summary>
    public string? InvalidReason { get; private init; }

    public static PromptInfo Parse(string? prompt)
    {
        if (string.IsNullOrEmpty(prompt)) return new PromptInfo();
        string[] tokens = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        UpscaleFamily family = UpscaleFamily.V7;
        string versionText = "7.0";
        SpeedMode? mode = null;
        double ratio = 1.0;
        double? zoom = null;
        bool fail = false, hang = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            string token = tokens[i].ToLowerInvariant();
            string? next = i + 1 < tokens.Length ? tokens[i + 1] : null;
            switch (token)
            {
                case "--v" or "--version" when next is not null:
                    (family, versionText) = ParseVersion(next, niji: false);
                    break;
                case "--niji":
                    (family, versionText) = next is not null && char.IsDigit(next[0]) ? ParseVersion(next, niji: true) : (UpscaleFamily.V6, "niji 6");
                    break;
                case "--fast": mode = SpeedMode.Fast; break;
                case "--relax": mode = SpeedMode.Relax; break;
                case "--turbo": mode = SpeedMode.Turbo; break;
                case "--ar" or "--aspect" when next is not null:
                    ratio = ParseRatio(next);
                    break;
                case "--zoom" when next is not null:
                    zoom = double.TryParse(next, NumberStyles.Float, CultureInfo.InvariantCulture, out double z) ? z : double.NaN;
                    break;
                case FailMarker: fail = true; break;
                case HangMarker: hang = true; break;
            }
        }

        string withoutMarkers = string.Join(" ", tokens.Where(t => !t.Equals(FailMarker, StringComparison.OrdinalIgnoreCase) && !t.Equals(HangMarker, StringComparison.OrdinalIgnoreCase)));
        MjPrompt parsed = MjPromptParser.Parse(withoutMarkers);
        var problems = MjPromptChecker.Check(parsed);
        (int aspectWidth, int aspectHeight) = ParseRatioParts(parsed.Parameters.AspectRatio);
        return new PromptInfo
        {
            Family = family, VersionText = versionText, Mode = mode, AspectRatio = ratio, Zoom = zoom, SimFail = fail, SimHang = hang,
            Parameters = parsed.Parameters, AspectWidth = aspectWidth, AspectHeight = aspectHeight,
            InvalidReason = problems.Count == 0 ? null : string.Join(" ", problems.Select(p => p.Message)),
        };
    }

    private static (UpscaleFamily, string) ParseVersion(string value, bool niji)
    {
        string prefix = niji ? "niji " : "";
        return value switch
        {
            "8" or "8.0" => (UpscaleFamily.V8, prefix + "8.0"),
            "6.1" => (UpscaleFamily.V6r1, prefix + "6.1"),
            "6" or "6.0" => (UpscaleFamily.V6, prefix + "6.0"),
            "5" or "5.0" or "5.1" or "5.2" => (UpscaleFamily.V5, prefix + (value.Length == 1 ? "5.0" : value)),
            _ => (UpscaleFamily.V7, prefix + "7.0"),
        };
    }

    private static (int Width, int Height) ParseRatioParts(string? value)
    {
        string[] parts = (value ?? "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h) && w > 0 && h > 0
            ? (w, h)
            : (1, 1);
    }

    private static double ParseRatio(string value)
    {
        string[] parts = value.Split(':');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double w)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double h)
            && w > 0 && h > 0)
        {
            return Math.Clamp(w / h, 0.25, 4.0);
        }

        return 1.0;
    }
}
