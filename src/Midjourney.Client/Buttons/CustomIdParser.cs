using System;

namespace Midjourney.Client;

/// <summary>
/// Reads a button's kind and index from its customId (reference §3, §2.9).
/// </summary>
/// <remarks>
/// <para>
/// The id is split on <c>::</c> into spans and each compared in place (ordinal, ignoring case), so parsing
/// allocates nothing: it runs for every button of every task the client reads.
/// It never throws; anything it does not recognise is <see cref="MjButtonKind.Unknown"/> (and can still be clicked).
/// </para>
/// <para>
/// <see cref="ParsedCustomId.Index"/> is set only where it picks one of four images or suggestions:
/// U1–U4 / V1–V4 (<c>upsample::n</c>, <c>variation::n</c>, <c>change:UPSCALE:n</c>, ...), video U1–U4
/// (<c>video_virtual_upscale::n</c>) and describe picks (<c>PicReader::n</c>). Everywhere else the number in the id
/// (the <c>::1::</c> of single-image buttons, the <c>::0::</c> of reroll) means nothing to a caller, so Index is null.
/// </para>
/// </remarks>
internal static class CustomIdParser
{
    private static readonly ParsedCustomId Unknown = new(MjButtonKind.Unknown, null, false);

    /// <summary>Parses a customId; returns Unknown for null, empty or unrecognised ids.</summary>
    public static ParsedCustomId Parse(string? customId)
    {
        if (customId is null || customId.Length == 0)
        {
            return Unknown;
        }

        var rest = customId.AsSpan();

        // Ids this client made up for servers without buttons: change:UPSCALE:n (see SyntheticButtons).
        if (rest.StartsWith("change:".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return ParseSynthetic(rest.Slice(7));
        }

        if (!Is(Next(ref rest), "MJ"))
        {
            return Unknown;
        }

        var head = Next(ref rest);
        if (Is(head, "JOB"))
        {
            return ParseJob(customId, ref rest);
        }

        if (Is(head, "Inpaint"))
        {
            return Modal(MjButtonKind.VaryRegion);
        }

        if (Is(head, "CustomZoom"))
        {
            // Both MJ::CustomZoom::{hash} (Discord) and MJ::CustomZoom::1::{hash} (TA).
            return Modal(MjButtonKind.CustomZoom);
        }

        if (Is(head, "Outpaint"))
        {
            // MJ::Outpaint::{50|75|100}::1::{hash}::SOLO: the number is the zoom, not an image index.
            var zoom = Next(ref rest);
            return Is(zoom, "50") ? Plain(MjButtonKind.ZoomOut2x)
                : Is(zoom, "75") ? Plain(MjButtonKind.ZoomOut1_5x)
                : Is(zoom, "100") ? Plain(MjButtonKind.MakeSquare)
                : Unknown;
        }

        if (Is(head, "BOOKMARK"))
        {
            return Plain(MjButtonKind.Bookmark);
        }

        if (Is(head, "Picread"))
        {
            return Is(Next(ref rest), "Retry") ? Plain(MjButtonKind.DescribeRetry) : Unknown;
        }

        return Unknown;
    }

    /// <summary>Parses what follows <c>MJ::JOB::</c>: <c>{action}::{number}::{hash}[::SOLO]</c>.</summary>
    private static ParsedCustomId ParseJob(string customId, ref ReadOnlySpan<char> rest)
    {
        var action = Next(ref rest);
        var number = Next(ref rest);

        if (Is(action, "upsample"))
        {
            return Indexed(MjButtonKind.Upscale, number);
        }

        if (Is(action, "variation"))
        {
            // Also the old "Make Variations" MJ::JOB::variation::1::{hash}::SOLO: index 1.
            return Indexed(MjButtonKind.Variation, number);
        }

        if (Is(action, "reroll"))
        {
            return Plain(MjButtonKind.Reroll);
        }

        if (StartsWith(action, "upsample_"))
        {
            return ParseHdUpscale(action);
        }

        if (Is(action, "low_variation"))
        {
            return Plain(MjButtonKind.VarySubtle);
        }

        if (Is(action, "high_variation"))
        {
            return Plain(MjButtonKind.VaryStrong);
        }

        if (StartsWith(action, "pan_"))
        {
            return Is(action, "pan_left") ? Plain(MjButtonKind.PanLeft)
                : Is(action, "pan_right") ? Plain(MjButtonKind.PanRight)
                : Is(action, "pan_up") ? Plain(MjButtonKind.PanUp)
                : Is(action, "pan_down") ? Plain(MjButtonKind.PanDown)
                : Unknown;
        }

        if (StartsWith(action, "animate_"))
        {
            return Is(action, "animate_high") ? Plain(MjButtonKind.AnimateHigh)
                : Is(action, "animate_low") ? Plain(MjButtonKind.AnimateLow)
                : Is(action, "animate_high_extend") ? Plain(MjButtonKind.ExtendHigh)
                : Is(action, "animate_low_extend") ? Plain(MjButtonKind.ExtendLow)
                : Unknown;
        }

        if (Is(action, "video_virtual_upscale"))
        {
            return Indexed(MjButtonKind.VideoUpscale, number);
        }

        if (Is(action, "video"))
        {
            // TA's manual animate: MJ::JOB::video::…::manual. Other video ids are not documented.
            return customId.AsSpan().EndsWith("::manual".AsSpan(), StringComparison.OrdinalIgnoreCase)
                ? Modal(MjButtonKind.AnimateManual)
                : Unknown;
        }

        if (Is(action, "PicReader"))
        {
            // MJ::Job::PicReader::{1..4} (always modal) or ::all.
            if (Is(number, "all"))
            {
                return Plain(MjButtonKind.DescribeAll);
            }

            var pick = ImageIndex(number);
            return pick is null ? Unknown : new ParsedCustomId(MjButtonKind.DescribePick, pick, true);
        }

        if (Is(action, "PromptAnalyzer"))
        {
            return Modal(MjButtonKind.ShortenPick);
        }

        return Unknown;
    }

    /// <summary>
    /// <c>upsample_v7_2x_subtle</c>, <c>upsample_v6r1_2x_creative</c>, <c>upsample_v5_2x</c>, <c>upsample_v5_4x</c>:
    /// the model version in the middle varies, so only the ending is read.
    /// </summary>
    private static ParsedCustomId ParseHdUpscale(ReadOnlySpan<char> action) =>
        EndsWith(action, "_subtle") ? Plain(MjButtonKind.UpscaleSubtle)
        : EndsWith(action, "_creative") ? Plain(MjButtonKind.UpscaleCreative)
        : EndsWith(action, "_2x") ? Plain(MjButtonKind.Upscale2x)
        : EndsWith(action, "_4x") ? Plain(MjButtonKind.Upscale4x)
        : Unknown;

    /// <summary>What follows <c>change:</c> in <c>change:UPSCALE:n</c>, <c>change:VARIATION:n</c>, <c>change:REROLL:0</c>.</summary>
    private static ParsedCustomId ParseSynthetic(ReadOnlySpan<char> rest)
    {
        var colon = rest.IndexOf(':');
        var action = colon < 0 ? rest : rest.Slice(0, colon);
        var number = colon < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(colon + 1);

        return Is(action, "UPSCALE") ? Indexed(MjButtonKind.Upscale, number)
            : Is(action, "VARIATION") ? Indexed(MjButtonKind.Variation, number)
            : Is(action, "REROLL") ? Plain(MjButtonKind.Reroll)
            : Unknown;
    }

    /// <summary>Cuts the next <c>::</c>-separated segment off <paramref name="rest"/>; empty when none is left.</summary>
    private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOf("::".AsSpan());
        if (end < 0)
        {
            var last = rest;
            rest = ReadOnlySpan<char>.Empty;
            return last;
        }

        var segment = rest.Slice(0, end);
        rest = rest.Slice(end + 2);
        return segment;
    }

    /// <summary>The single digit 1–4, else null (0 for reroll, garbage, missing).</summary>
    private static int? ImageIndex(ReadOnlySpan<char> number) =>
        number.Length == 1 && number[0] >= '1' && number[0] <= '4' ? number[0] - '0' : null;

    private static ParsedCustomId Plain(MjButtonKind kind) => new(kind, null, false);

    private static ParsedCustomId Modal(MjButtonKind kind) => new(kind, null, true);

    private static ParsedCustomId Indexed(MjButtonKind kind, ReadOnlySpan<char> number) => new(kind, ImageIndex(number), false);

    private static bool Is(ReadOnlySpan<char> segment, string word) =>
        segment.Equals(word.AsSpan(), StringComparison.OrdinalIgnoreCase);

    private static bool StartsWith(ReadOnlySpan<char> segment, string prefix) =>
        segment.StartsWith(prefix.AsSpan(), StringComparison.OrdinalIgnoreCase);

    private static bool EndsWith(ReadOnlySpan<char> segment, string suffix) =>
        segment.EndsWith(suffix.AsSpan(), StringComparison.OrdinalIgnoreCase);
}
