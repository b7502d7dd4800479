using System;

namespace Midjourney.Client;

/// <summary>
/// Reads a button's kind and index from its customId (reference §3, §2.9).
/// </summary>
/// <remarks>
/// <para>
/// The id is split on <c>::</c> and each segment compared in place (ordinal, ignoring case), so parsing
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

        // Ids this client made up for servers without buttons: change:UPSCALE:n (see SyntheticButtons).
        if (StartsWith(customId, "change:"))
        {
            return ParseSynthetic(customId);
        }

        var cursor = new Segments(customId);
        if (!cursor.Next(out var mj) || !mj.Is("MJ") || !cursor.Next(out var head))
        {
            return Unknown;
        }

        if (head.Is("JOB"))
        {
            return ParseJob(customId, ref cursor);
        }

        if (head.Is("Inpaint"))
        {
            return Modal(MjButtonKind.VaryRegion);
        }

        if (head.Is("CustomZoom"))
        {
            // Both MJ::CustomZoom::{hash} (Discord) and MJ::CustomZoom::1::{hash} (TA).
            return Modal(MjButtonKind.CustomZoom);
        }

        if (head.Is("Outpaint"))
        {
            // MJ::Outpaint::{50|75|100}::1::{hash}::SOLO: the number is the zoom, not an image index.
            if (!cursor.Next(out var zoom))
            {
                return Unknown;
            }

            return zoom.Is("50") ? Plain(MjButtonKind.ZoomOut2x)
                : zoom.Is("75") ? Plain(MjButtonKind.ZoomOut1_5x)
                : zoom.Is("100") ? Plain(MjButtonKind.MakeSquare)
                : Unknown;
        }

        if (head.Is("BOOKMARK"))
        {
            return Plain(MjButtonKind.Bookmark);
        }

        if (head.Is("Picread"))
        {
            return cursor.Next(out var retry) && retry.Is("Retry") ? Plain(MjButtonKind.DescribeRetry) : Unknown;
        }

        return Unknown;
    }

    /// <summary>Parses what follows <c>MJ::JOB::</c>: <c>{action}::{number}::{hash}[::SOLO]</c>.</summary>
    private static ParsedCustomId ParseJob(string customId, ref Segments cursor)
    {
        if (!cursor.Next(out var action))
        {
            return Unknown;
        }

        cursor.Next(out var number);

        if (action.Is("upsample"))
        {
            return Indexed(MjButtonKind.Upscale, number);
        }

        if (action.Is("variation"))
        {
            // Also the old "Make Variations" MJ::JOB::variation::1::{hash}::SOLO: index 1.
            return Indexed(MjButtonKind.Variation, number);
        }

        if (action.Is("reroll"))
        {
            return Plain(MjButtonKind.Reroll);
        }

        if (action.StartsWith("upsample_"))
        {
            return ParseHdUpscale(action);
        }

        if (action.Is("low_variation"))
        {
            return Plain(MjButtonKind.VarySubtle);
        }

        if (action.Is("high_variation"))
        {
            return Plain(MjButtonKind.VaryStrong);
        }

        if (action.StartsWith("pan_"))
        {
            return action.Is("pan_left") ? Plain(MjButtonKind.PanLeft)
                : action.Is("pan_right") ? Plain(MjButtonKind.PanRight)
                : action.Is("pan_up") ? Plain(MjButtonKind.PanUp)
                : action.Is("pan_down") ? Plain(MjButtonKind.PanDown)
                : Unknown;
        }

        if (action.StartsWith("animate_"))
        {
            return action.Is("animate_high") ? Plain(MjButtonKind.AnimateHigh)
                : action.Is("animate_low") ? Plain(MjButtonKind.AnimateLow)
                : action.Is("animate_high_extend") ? Plain(MjButtonKind.ExtendHigh)
                : action.Is("animate_low_extend") ? Plain(MjButtonKind.ExtendLow)
                : Unknown;
        }

        if (action.Is("video_virtual_upscale"))
        {
            return Indexed(MjButtonKind.VideoUpscale, number);
        }

        if (action.Is("video"))
        {
            // TA's manual animate: MJ::JOB::video::…::manual. Other video ids are not documented.
            return EndsWith(customId, "::manual") ? Modal(MjButtonKind.AnimateManual) : Unknown;
        }

        if (action.Is("PicReader"))
        {
            // MJ::Job::PicReader::{1..4} (always modal) or ::all.
            if (number.Is("all"))
            {
                return Plain(MjButtonKind.DescribeAll);
            }

            var pick = number.ImageIndex();
            return pick is null ? Unknown : new ParsedCustomId(MjButtonKind.DescribePick, pick, true);
        }

        if (action.Is("PromptAnalyzer"))
        {
            return Modal(MjButtonKind.ShortenPick);
        }

        return Unknown;
    }

    /// <summary>
    /// <c>upsample_v7_2x_subtle</c>, <c>upsample_v6r1_2x_creative</c>, <c>upsample_v5_2x</c>, <c>upsample_v5_4x</c>:
    /// the model version in the middle varies, so only the ending is read.
    /// </summary>
    private static ParsedCustomId ParseHdUpscale(Segment action) =>
        action.EndsWith("_subtle") ? Plain(MjButtonKind.UpscaleSubtle)
        : action.EndsWith("_creative") ? Plain(MjButtonKind.UpscaleCreative)
        : action.EndsWith("_2x") ? Plain(MjButtonKind.Upscale2x)
        : action.EndsWith("_4x") ? Plain(MjButtonKind.Upscale4x)
        : Unknown;

    /// <summary><c>change:UPSCALE:n</c>, <c>change:VARIATION:n</c>, <c>change:REROLL:0</c>.</summary>
    private static ParsedCustomId ParseSynthetic(string customId)
    {
        const int start = 7; // "change:".Length
        var colon = customId.IndexOf(':', start);
        var actionEnd = colon < 0 ? customId.Length : colon;
        var action = new Segment(customId, start, actionEnd - start);
        var number = colon < 0 ? default : new Segment(customId, colon + 1, customId.Length - colon - 1);

        return action.Is("UPSCALE") ? Indexed(MjButtonKind.Upscale, number)
            : action.Is("VARIATION") ? Indexed(MjButtonKind.Variation, number)
            : action.Is("REROLL") ? Plain(MjButtonKind.Reroll)
            : Unknown;
    }

    private static ParsedCustomId Plain(MjButtonKind kind) => new(kind, null, false);

    private static ParsedCustomId Modal(MjButtonKind kind) => new(kind, null, true);

    private static ParsedCustomId Indexed(MjButtonKind kind, Segment number) => new(kind, number.ImageIndex(), false);

    private static bool StartsWith(string text, string prefix) =>
        text.Length >= prefix.Length && string.Compare(text, 0, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool EndsWith(string text, string suffix) =>
        text.Length >= suffix.Length
        && string.Compare(text, text.Length - suffix.Length, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>A slice of the customId, compared without copying it out.</summary>
    private readonly struct Segment
    {
        private readonly string? _text;
        private readonly int _start;
        private readonly int _length;

        public Segment(string text, int start, int length)
        {
            _text = text;
            _start = start;
            _length = length;
        }

        public bool Is(string word) =>
            _text is not null && _length == word.Length
            && string.Compare(_text, _start, word, 0, _length, StringComparison.OrdinalIgnoreCase) == 0;

        public bool StartsWith(string prefix) =>
            _text is not null && _length >= prefix.Length
            && string.Compare(_text, _start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

        public bool EndsWith(string suffix) =>
            _text is not null && _length >= suffix.Length
            && string.Compare(_text, _start + _length - suffix.Length, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary>The single digit 1–4, else null (0 for reroll, garbage, missing).</summary>
        public int? ImageIndex()
        {
            if (_text is null || _length != 1)
            {
                return null;
            }

            var c = _text[_start];
            return c >= '1' && c <= '4' ? c - '0' : null;
        }
    }

    /// <summary>Walks a customId segment by segment, split on <c>::</c>.</summary>
    private struct Segments
    {
        private readonly string _text;
        private int _position;

        public Segments(string text)
        {
            _text = text;
            _position = 0;
        }

        public bool Next(out Segment segment)
        {
            if (_position > _text.Length)
            {
                segment = default;
                return false;
            }

            var end = _text.IndexOf("::", _position, StringComparison.Ordinal);
            if (end < 0)
            {
                end = _text.Length;
            }

            segment = new Segment(_text, _position, end - _position);
            _position = end + 2;
            return true;
        }
    }
}
