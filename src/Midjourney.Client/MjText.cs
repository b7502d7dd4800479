using System.Text;

namespace Midjourney.Client;

/// <summary>
/// The one place where text a server or a file supplies is made safe to show: every control character and every
/// escape sequence it starts is removed, so a task's prompt, a fail reason or a button label cannot clear the screen,
/// write the clipboard (OSC 52), hide a link (OSC 8), ring the bell or move the cursor. Removed: C0 controls except tab
/// and line feed (carriage return too: it would let a text overwrite its own line), DEL, C1 controls (U+0080–U+009F),
/// and ESC with the sequence it starts (CSI <c>ESC [</c> … final byte; OSC, DCS, SOS, PM and APC up to their string
/// terminator or BEL; any other <c>ESC</c> + intermediates + final byte). Printable text, emoji and CJK are untouched.
/// The originals stay available: <see cref="MjTask.Raw"/>, <see cref="MjApiException.RawDescription"/>.
/// </summary>
public static class MjText
{
    private const char Esc = '\u001b';
    private const char Bel = '\u0007';
    private const char C1Csi = '\u009b';
    private const char C1St = '\u009c';

    /// <summary>True when <paramref name="text"/> has nothing to remove (tab and line feed are allowed).</summary>
    public static bool IsClean(string? text)
    {
        if (text is null)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (IsControl(c) && c != '\t' && c != '\n')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="text"/> has no control character at all (not even a tab or line feed): an id, a label, one line.</summary>
    public static bool IsCleanLine(string? text)
    {
        if (text is null)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="text"/> without control characters and escape sequences; tabs and line feeds stay. The same
    /// instance comes back when there is nothing to remove (no cost for honest text).
    /// </summary>
    public static string? Clean(string? text) => IsClean(text) ? text : Strip(text!, singleLine: false);

    /// <summary>As <see cref="Clean"/>, on one line: tabs and line feeds become spaces too (ids, labels, file names, progress).</summary>
    public static string? CleanLine(string? text)
    {
        return IsCleanLine(text) ? text : Strip(text!, singleLine: true);
    }

    /// <summary>True for C0 controls, DEL and C1 controls.</summary>
    public static bool IsControl(char c) => c < ' ' || (c >= '\u007f' && c <= '\u009f');

    private static string Strip(string text, bool singleLine)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsControl(c))
            {
                result.Append(c);
                continue;
            }

            switch (c)
            {
                case '\n':
                case '\t':
                    result.Append(singleLine ? ' ' : c);
                    break;
                case Esc:
                    i = SkipEscape(text, i);
                    break;
                case C1Csi:
                    i = SkipCsi(text, i + 1);
                    break;
                case '\u0090' or '\u0098' or '\u009d' or '\u009e' or '\u009f':
                    i = SkipString(text, i + 1); // DCS, SOS, OSC, PM, APC
                    break;
                default:
                    break; // any other control character: dropped
            }
        }

        return result.ToString();
    }

    /// <summary>The index of the last character of the sequence that ESC at <paramref name="at"/> starts.</summary>
    private static int SkipEscape(string text, int at)
    {
        if (at + 1 >= text.Length)
        {
            return at;
        }

        var next = text[at + 1];
        switch (next)
        {
            case '[':
                return SkipCsi(text, at + 2);
            case ']' or 'P' or 'X' or '^' or '_':
                return SkipString(text, at + 2);
        }

        // ESC, intermediates (0x20–0x2F), a final byte (0x30–0x7E).
        var i = at + 1;
        while (i < text.Length && text[i] >= ' ' && text[i] <= '/')
        {
            i++;
        }

        return i < text.Length && text[i] >= '0' && text[i] <= '~' ? i : i - 1;
    }

    /// <summary>Parameters (0x30–0x3F), intermediates (0x20–0x2F), then a final byte (0x40–0x7E).</summary>
    private static int SkipCsi(string text, int from)
    {
        var i = from;
        while (i < text.Length && text[i] >= '0' && text[i] <= '?')
        {
            i++;
        }

        while (i < text.Length && text[i] >= ' ' && text[i] <= '/')
        {
            i++;
        }

        return i < text.Length && text[i] >= '@' && text[i] <= '~' ? i : i - 1;
    }

    /// <summary>A control string (OSC, DCS...) up to its terminator: ST (<c>ESC \</c> or U+009C) or BEL; unterminated, the rest of the text.</summary>
    private static int SkipString(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Bel || c == C1St)
            {
                return i;
            }

            if (c == Esc)
            {
                return i + 1 < text.Length && text[i + 1] == '\\' ? i + 1 : i - 1; // another ESC ends the string and starts anew
            }
        }

        return text.Length - 1;
    }
}
