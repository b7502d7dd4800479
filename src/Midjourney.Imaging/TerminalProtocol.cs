using System;

namespace Midjourney.Imaging;

/// <summary>How an image is drawn in a terminal.</summary>
internal enum TerminalProtocol
{
    /// <summary>Pick from the environment.</summary>
    Auto,

    /// <summary>True-colour half blocks (▀); every modern terminal.</summary>
    HalfBlock,

    /// <summary>DEC Sixel graphics (xterm -ti vt340, mlterm, foot, WezTerm, Windows Terminal 1.22+).</summary>
    Sixel,

    /// <summary>The Kitty graphics protocol (kitty, Ghostty, WezTerm).</summary>
    Kitty,

    /// <summary>iTerm2 inline images (iTerm2, WezTerm, VS Code's terminal).</summary>
    ITerm2,
}

/// <summary>Picks a protocol from environment variables the terminals set.</summary>
internal static class TerminalDetection
{
    /// <summary>The protocol for the terminal described by <paramref name="environment"/> (a variable lookup).</summary>
    public static TerminalProtocol Detect(Func<string, string?> environment)
    {
        string Get(string name) => environment(name) ?? string.Empty;
        var term = Get("TERM");
        var program = Get("TERM_PROGRAM");
        if (Get("KITTY_WINDOW_ID").Length > 0 || term.Equals("xterm-kitty", StringComparison.OrdinalIgnoreCase) || term.Equals("xterm-ghostty", StringComparison.OrdinalIgnoreCase) || program.Equals("ghostty", StringComparison.OrdinalIgnoreCase))
        {
            return TerminalProtocol.Kitty;
        }

        if (program.Equals("iTerm.app", StringComparison.OrdinalIgnoreCase) || program.Equals("WezTerm", StringComparison.OrdinalIgnoreCase) || Get("LC_TERMINAL").Equals("iTerm2", StringComparison.OrdinalIgnoreCase))
        {
            return TerminalProtocol.ITerm2;
        }

        if (term.IndexOf("sixel", StringComparison.OrdinalIgnoreCase) >= 0 || term.StartsWith("mlterm", StringComparison.OrdinalIgnoreCase) || term.StartsWith("foot", StringComparison.OrdinalIgnoreCase) || term.StartsWith("yaft", StringComparison.OrdinalIgnoreCase))
        {
            return TerminalProtocol.Sixel;
        }

        return TerminalProtocol.HalfBlock;
    }
}
