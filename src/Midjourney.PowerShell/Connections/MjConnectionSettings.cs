using System;
using Midjourney.Client;

namespace Midjourney.PowerShell.Connections;

/// <summary>What a new connection is made from (Connect-MjServer's parameters, or MJ_* variables).</summary>
internal sealed class MjConnectionSettings
{
    /// <summary>Creates settings for a server.</summary>
    public MjConnectionSettings(Uri uri) => Uri = uri ?? throw new ArgumentNullException(nameof(uri));

    /// <summary>The server root.</summary>
    public Uri Uri { get; }

    /// <summary>The key; null or empty sends none. It goes into the client and nowhere else.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How the key is sent.</summary>
    public AuthScheme AuthScheme { get; set; } = AuthScheme.MjApiSecret;

    /// <summary>The default speed, or null for the client's default.</summary>
    public SpeedMode? Mode { get; set; }

    /// <summary>Write submitted tasks to the journal.</summary>
    public bool EnableJournal { get; set; } = true;

    /// <summary>The journal file; null = the default path.</summary>
    public string? JournalPath { get; set; }

    /// <summary>Lets tests shorten the client's retry delays; null keeps the client's defaults.</summary>
    public Action<MjClientOptions>? Tune { get; set; }

    /// <summary>Lets tests answer the client's requests without a server (recorded answers); null uses the network.</summary>
    public System.Net.Http.HttpMessageHandler? Handler { get; set; }

    /// <summary>
    /// True when <paramref name="other"/> would make the same connection: same server, key, scheme, speed and journal
    /// (settings with <see cref="Tune"/> or <see cref="Handler"/> never match: they are a test's own).
    /// </summary>
    public bool SameAs(MjConnectionSettings other) =>
        Tune is null && other.Tune is null && Handler is null && other.Handler is null
        && Uri.Compare(Uri, other.Uri, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(ApiKey ?? string.Empty, other.ApiKey ?? string.Empty, StringComparison.Ordinal)
        && AuthScheme == other.AuthScheme && Mode == other.Mode && EnableJournal == other.EnableJournal
        && string.Equals(JournalPath, other.JournalPath, StringComparison.Ordinal);
}
