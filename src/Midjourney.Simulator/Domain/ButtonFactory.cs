using System.Collections.Generic;

namespace Midjourney.Simulator.Domain;

/// <summary>Builds the button sets of reference §3.2–§3.4 with their exact customId formats.</summary>
internal static class ButtonFactory
{
    /// <summary>U1–U4, 🔄, V1–V4 of a grid message.</summary>
    public static List<Button> Grid(string hash)
    {
        var buttons = new List<Button>(9);
        for (int n = 1; n <= 4; n++) buttons.Add(new Button($"MJ::JOB::upsample::{n}::{hash}", "", $"U{n}"));
        buttons.Add(new Button($"MJ::JOB::reroll::0::{hash}::SOLO", "🔄", ""));
        for (int n = 1; n <= 4; n++) buttons.Add(new Button($"MJ::JOB::variation::{n}::{hash}", "", $"V{n}"));
        return buttons;
    }

    /// <summary>
    /// The buttons of an upscaled image; <paramref name="trueAiExtras"/> adds Animate and ❤️ (TA only; Discord's ❤️ is
    /// carried, but no flavour routes its click), <paramref name="makeSquare"/> adds Make Square (Discord offers it on
    /// non-square images only).
    /// </summary>
    public static List<Button> Upscale(string hash, UpscaleFamily family, bool trueAiExtras, bool makeSquare = false)
    {
        var buttons = new List<Button>(16);
        switch (family)
        {
            case UpscaleFamily.V5:
                buttons.Add(new Button($"MJ::JOB::upsample_v5_2x::1::{hash}::SOLO", "", "Upscale (2x)"));
                buttons.Add(new Button($"MJ::JOB::upsample_v5_4x::1::{hash}::SOLO", "", "Upscale (4x)"));
                break;
            case UpscaleFamily.V6:
            case UpscaleFamily.V6r1:
            case UpscaleFamily.V7:
                string tag = family switch { UpscaleFamily.V6 => "v6", UpscaleFamily.V6r1 => "v6r1", _ => "v7" };
                buttons.Add(new Button($"MJ::JOB::upsample_{tag}_2x_subtle::1::{hash}::SOLO", "upscale_1", "Upscale (Subtle)"));
                buttons.Add(new Button($"MJ::JOB::upsample_{tag}_2x_creative::1::{hash}::SOLO", "upscale_1", "Upscale (Creative)"));
                break;
        }

        buttons.Add(new Button($"MJ::JOB::low_variation::1::{hash}::SOLO", "🪄", "Vary (Subtle)"));
        buttons.Add(new Button($"MJ::JOB::high_variation::1::{hash}::SOLO", "🪄", "Vary (Strong)"));
        buttons.Add(new Button($"MJ::Inpaint::1::{hash}::SOLO", "🖌️", "Vary (Region)"));
        if (family != UpscaleFamily.V8)
        {
            // v8 models drop zoom and pan (TA CustomComponentModel).
            buttons.Add(new Button($"MJ::Outpaint::50::1::{hash}::SOLO", "🔍", "Zoom Out 2x"));
            buttons.Add(new Button($"MJ::Outpaint::75::1::{hash}::SOLO", "🔍", "Zoom Out 1.5x"));
            if (makeSquare) buttons.Add(new Button($"MJ::Outpaint::100::1::{hash}::SOLO", "🔍", "Make Square"));
            buttons.Add(new Button($"MJ::CustomZoom::{hash}", "🔍", "Custom Zoom"));
            buttons.Add(new Button($"MJ::JOB::pan_left::1::{hash}::SOLO", "⬅️", ""));
            buttons.Add(new Button($"MJ::JOB::pan_right::1::{hash}::SOLO", "➡️", ""));
            buttons.Add(new Button($"MJ::JOB::pan_up::1::{hash}::SOLO", "⬆️", ""));
            buttons.Add(new Button($"MJ::JOB::pan_down::1::{hash}::SOLO", "⬇️", ""));
        }

        if (trueAiExtras)
        {
            buttons.Add(new Button($"MJ::JOB::animate_high::1::{hash}::SOLO", "🎞️", "Animate (High motion)"));
            buttons.Add(new Button($"MJ::JOB::animate_low::1::{hash}::SOLO", "🎞️", "Animate (Low motion)"));
            buttons.Add(new Button($"MJ::BOOKMARK::{hash}", "❤️", ""));
        }

        return buttons;
    }

    /// <summary>PicReader 1️⃣–4️⃣, 🔄 retry and (TA) 🎉 Imagine all.</summary>
    public static List<Button> Describe(bool trueAiExtras)
    {
        string[] digits = { "1️⃣", "2️⃣", "3️⃣", "4️⃣" };
        var buttons = new List<Button>(6);
        for (int n = 1; n <= 4; n++) buttons.Add(new Button($"MJ::Job::PicReader::{n}", digits[n - 1], ""));
        buttons.Add(new Button("MJ::Picread::Retry", "🔄", ""));
        if (trueAiExtras) buttons.Add(new Button("MJ::Job::PicReader::all", "🎉", "Imagine all"));
        return buttons;
    }

    /// <summary>One PromptAnalyzer button per shortened prompt (always MODAL → IMAGINE).</summary>
    public static List<Button> Shorten(string hash)
    {
        string[] digits = { "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣" };
        var buttons = new List<Button>(5);
        for (int n = 1; n <= 5; n++) buttons.Add(new Button($"MJ::Job::PromptAnalyzer::{hash}::{n}", digits[n - 1], ""));
        return buttons;
    }

    /// <summary>Video result: <c>video_virtual_upscale</c> U1..Un, 🔄 and the two Extend buttons.</summary>
    public static List<Button> Video(string hash, int count)
    {
        var buttons = new List<Button>(count + 3);
        for (int n = 1; n <= count; n++) buttons.Add(new Button($"MJ::JOB::video_virtual_upscale::{n}::{hash}", "", $"U{n}"));
        buttons.Add(new Button($"MJ::JOB::reroll::0::{hash}::SOLO", "🔄", ""));
        buttons.Add(new Button($"MJ::JOB::animate_high_extend::1::{hash}", "🎞️", "Extend (High motion)"));
        buttons.Add(new Button($"MJ::JOB::animate_low_extend::1::{hash}", "🎞️", "Extend (Low motion)"));
        return buttons;
    }
}
