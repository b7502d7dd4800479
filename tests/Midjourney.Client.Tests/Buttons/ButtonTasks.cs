using System.Collections.Generic;
using Midjourney.Client;

namespace Midjourney.Client.Tests.Buttons;

/// <summary>Tasks with the buttons of the reference's examples (§4.1): a v7 grid and its upscale.</summary>
internal static class ButtonTasks
{
    public const string GridHash = "5c1e2a9d-3b7f-4e21-9a0c-6d8f2b4e7a13";
    public const string UpscaleHash = "a7d3c0e2-91b4-4f5e-8c26-3e9b1f0d5c47";

    public static MjTask Grid(string id = "1712345678901234")
    {
        var buttons = new List<MjButton>();
        for (var n = 1; n <= 4; n++)
        {
            buttons.Add(new MjButton(id, $"MJ::JOB::upsample::{n}::{GridHash}", label: $"U{n}", emoji: ""));
        }

        buttons.Add(new MjButton(id, $"MJ::JOB::reroll::0::{GridHash}::SOLO", label: "", emoji: "🔄"));
        for (var n = 1; n <= 4; n++)
        {
            buttons.Add(new MjButton(id, $"MJ::JOB::variation::{n}::{GridHash}", label: $"V{n}", emoji: ""));
        }

        return new MjTask(id) { Action = "IMAGINE", Status = MjTaskStatus.Success, Buttons = buttons };
    }

    public static MjTask Upscaled(string id = "1712345678905678")
    {
        var h = UpscaleHash;
        var buttons = new List<MjButton>
        {
            new(id, $"MJ::JOB::upsample_v7_2x_subtle::1::{h}::SOLO", "Upscale (Subtle)", "upscale_1"),
            new(id, $"MJ::JOB::upsample_v7_2x_creative::1::{h}::SOLO", "Upscale (Creative)", "upscale_1"),
            new(id, $"MJ::JOB::low_variation::1::{h}::SOLO", "Vary (Subtle)", "🪄"),
            new(id, $"MJ::JOB::high_variation::1::{h}::SOLO", "Vary (Strong)", "🪄"),
            new(id, $"MJ::Inpaint::1::{h}::SOLO", "Vary (Region)", "🖌️"),
            new(id, $"MJ::Outpaint::50::1::{h}::SOLO", "Zoom Out 2x", "🔍"),
            new(id, $"MJ::Outpaint::75::1::{h}::SOLO", "Zoom Out 1.5x", "🔍"),
            new(id, $"MJ::CustomZoom::{h}", "Custom Zoom", "🔍"),
            new(id, $"MJ::JOB::pan_left::1::{h}::SOLO", "", "⬅️"),
            new(id, $"MJ::JOB::pan_right::1::{h}::SOLO", "", "➡️"),
            new(id, $"MJ::JOB::pan_up::1::{h}::SOLO", "", "⬆️"),
            new(id, $"MJ::JOB::pan_down::1::{h}::SOLO", "", "⬇️"),
            new(id, $"MJ::JOB::animate_high::1::{h}::SOLO", "Animate (High motion)", "🎞️"),
            new(id, $"MJ::JOB::animate_low::1::{h}::SOLO", "Animate (Low motion)", "🎞️"),
            new(id, $"MJ::BOOKMARK::{h}", "", "❤️"),
        };

        return new MjTask(id) { Action = "UPSCALE", Status = MjTaskStatus.Success, Buttons = buttons };
    }
}
