using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Midjourney.Bench.Micro;

/// <summary>
/// Real-size bodies built from the reference's examples (midjourney-proxy-api.md §4.1): a TrueAI SUCCESS upscale
/// with the 15 buttons of a v7 upscale, and a list-by-condition answer of 100 such tasks.
/// </summary>
public static class SampleBodies
{
    private const string Hash = "a7d3c0e2-91b4-4f5e-8c26-3e9b1f0d5c47";

    public static readonly string[] CustomIds =
    {
        $"MJ::JOB::upsample_v7_2x_subtle::1::{Hash}::SOLO",
        $"MJ::JOB::upsample_v7_2x_creative::1::{Hash}::SOLO",
        $"MJ::JOB::low_variation::1::{Hash}::SOLO",
        $"MJ::JOB::high_variation::1::{Hash}::SOLO",
        $"MJ::Inpaint::1::{Hash}::SOLO",
        $"MJ::Outpaint::50::1::{Hash}::SOLO",
        $"MJ::Outpaint::75::1::{Hash}::SOLO",
        $"MJ::CustomZoom::{Hash}",
        $"MJ::JOB::pan_left::1::{Hash}::SOLO",
        $"MJ::JOB::pan_right::1::{Hash}::SOLO",
        $"MJ::JOB::pan_up::1::{Hash}::SOLO",
        $"MJ::JOB::pan_down::1::{Hash}::SOLO",
        $"MJ::JOB::animate_high::1::{Hash}::SOLO",
        $"MJ::JOB::animate_low::1::{Hash}::SOLO",
        $"MJ::BOOKMARK::{Hash}",
    };

    private static readonly (string Emoji, string Label)[] Faces =
    {
        ("upscale_1", "Upscale (Subtle)"), ("upscale_1", "Upscale (Creative)"), ("🪄", "Vary (Subtle)"), ("🪄", "Vary (Strong)"),
        ("🖌️", "Vary (Region)"), ("🔍", "Zoom Out 2x"), ("🔍", "Zoom Out 1.5x"), ("🔍", "Custom Zoom"),
        ("⬅️", ""), ("➡️", ""), ("⬆️", ""), ("⬇️", ""),
        ("🎞️", "Animate (High motion)"), ("🎞️", "Animate (Low motion)"), ("❤️", ""),
    };

    public static byte[] Upscale { get; } = Encoding.UTF8.GetBytes(UpscaleJson("1748339112233445"));

    public static byte[] List100 { get; } = Encoding.UTF8.GetBytes(
        "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => UpscaleJson((1748339112233445L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))) + "]");

    public static string UpscaleJson(string id)
    {
        var buttons = new List<string>();
        for (var i = 0; i < CustomIds.Length; i++)
        {
            buttons.Add($"{{\"customId\":\"{CustomIds[i]}\",\"emoji\":\"{Faces[i].Emoji}\",\"label\":\"{Faces[i].Label}\",\"type\":2,\"style\":2}}");
        }

        return $$"""
        {"id":"{{id}}","action":"UPSCALE","status":"SUCCESS","prompt":"red fox in fresh snow, morning light --ar 3:2 --v 7",
        "promptEn":"red fox in fresh snow, morning light --ar 3:2 --v 7","description":"/up 1748339029401828 U1","state":"order-42",
        "submitTime":1748339090112,"startTime":1748339091020,"finishTime":1748339099871,"progress":"100%",
        "imageUrl":"https://cdn.discordapp.com/attachments/1200000000000000001/1300000000000000009/u_red_fox_in_fresh_snow_{{Hash}}.png?ex=68a1c2ff&is=68a0717f&hm=3b1f0d5c47a7d3c0e291b44f5e8c263e9b1f0d5c47a7d3c0e291b44f5e8c26&",
        "failReason":null,"parentId":"1748339029401828","botType":"MID_JOURNEY","mode":"FAST","requestMode":"FAST",
        "properties":{"botType":"MID_JOURNEY","discordInstanceId":"1200000000000000001","discordChannelId":"1200000000000000001",
        "notifyHook":null,"nonce":"1650000000000000010","flags":0,"messageId":"1300000000000000009","messageHash":"{{Hash}}",
        "progressMessageId":"1300000000000000008","finalPrompt":"red fox in fresh snow, morning light --ar 3:2 --v 7.0 --fast",
        "messageContent":"**red fox in fresh snow, morning light --ar 3:2 --v 7.0** - Image #1 <@1100000000000000003>"},
        "buttons":[{{string.Join(",", buttons)}}]}
        """;
    }
}
