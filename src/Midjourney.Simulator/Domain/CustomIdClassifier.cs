using System;

namespace Midjourney.Simulator.Domain;

/// <summary>Classifies a button customId and says which child task it creates.</summary>
internal static class CustomIdClassifier
{
    /// <summary>The kind of a customId plus the 1-based index it carries (tile, suggestion or 1).</summary>
    public static (ButtonKind Kind, int Index) Classify(string customId)
    {
        string[] parts = customId.Split("::");
        if (parts.Length < 2 || parts[0] != "MJ") return (ButtonKind.Unknown, 0);
        if (parts[1] == "JOB" && parts.Length >= 4)
        {
            string op = parts[2];
            int index = int.TryParse(parts[3], out int n) ? n : 0;
            if (op == "upsample") return (ButtonKind.Upscale, index);
            if (op.StartsWith("upsample_", StringComparison.Ordinal)) return (ButtonKind.UpscaleHd, 1);
            if (op == "variation") return (ButtonKind.Variation, index);
            if (op == "low_variation") return (ButtonKind.LowVariation, 1);
            if (op == "high_variation") return (ButtonKind.HighVariation, 1);
            if (op == "reroll") return (ButtonKind.Reroll, 0);
            if (op.StartsWith("pan_", StringComparison.Ordinal)) return (ButtonKind.Pan, 1);
            if (op.EndsWith("_extend", StringComparison.Ordinal)) return (ButtonKind.AnimateExtend, 1);
            if (op.StartsWith("animate_", StringComparison.Ordinal)) return (ButtonKind.Animate, 1);
            if (op == "video_virtual_upscale") return (ButtonKind.VideoUpscale, index);
            return (ButtonKind.Unknown, 0);
        }

        return parts[1] switch
        {
            "Inpaint" => (ButtonKind.Inpaint, 1),
            "Outpaint" when parts.Length >= 3 && parts[2] == "100" => (ButtonKind.MakeSquare, 1),
            "Outpaint" => (ButtonKind.ZoomOut, 1),
            "CustomZoom" => (ButtonKind.CustomZoom, 1),
            "BOOKMARK" => (ButtonKind.Bookmark, 0),
            "Picread" => (ButtonKind.PicreadRetry, 0),
            "Job" when parts.Length >= 4 && parts[2] == "PicReader" && parts[3] == "all" => (ButtonKind.PicReaderAll, 0),
            "Job" when parts.Length >= 4 && parts[2] == "PicReader" => (ButtonKind.PicReader, int.TryParse(parts[3], out int p) ? p : 0),
            "Job" when parts.Length >= 5 && parts[2] == "PromptAnalyzer" => (ButtonKind.PromptAnalyzer, int.TryParse(parts[4], out int a) ? a : 0),
            _ => (ButtonKind.Unknown, 0),
        };
    }

    /// <summary>The customIds a new-api gateway lets through (reference §3.6); others get <c>unknown_action</c>.</summary>
    public static bool GatewayAccepts(ButtonKind kind) => kind is ButtonKind.Upscale or ButtonKind.UpscaleHd
        or ButtonKind.Variation or ButtonKind.LowVariation or ButtonKind.HighVariation or ButtonKind.Pan
        or ButtonKind.Reroll or ButtonKind.ZoomOut or ButtonKind.CustomZoom or ButtonKind.Inpaint;

    /// <summary>Buttons that go through MODAL when the account has Remix on.</summary>
    public static bool IsRemixable(ButtonKind kind) => kind is ButtonKind.Variation or ButtonKind.LowVariation
        or ButtonKind.HighVariation or ButtonKind.Reroll or ButtonKind.Pan or ButtonKind.Animate;
}
