using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>
/// What a check of a server found with free requests only (fetches of a made-up task id, batch queries, and GETs on
/// submit routes, which a server refuses without creating anything). Null means "could not tell".
/// </summary>
public sealed class MjServerCheck
{
    /// <summary>The server root that was checked.</summary>
    public Uri Uri { get; internal set; } = null!;

    /// <summary>True when the server answered at all.</summary>
    public bool Reachable { get; internal set; }

    /// <summary>True when the answers look like a midjourney-proxy (or a gateway in front of one); null when unreachable.</summary>
    public bool? IsProxy { get; internal set; }

    /// <summary>True when a key was given (or none is needed) and the server accepted it; null when it could not tell.</summary>
    public bool? KeyAccepted { get; internal set; }

    /// <summary>True when a key was sent.</summary>
    public bool KeySent { get; internal set; }

    /// <summary>The scheme the key was sent with.</summary>
    public AuthScheme AuthScheme { get; internal set; }

    /// <summary>Another scheme that the server accepts the key with, when the configured one was refused.</summary>
    public AuthScheme? SuggestedAuthScheme { get; internal set; }

    /// <summary>The flavour the answers match: trueai, plus, novicezk, gateway or taskapi; null when unknown.</summary>
    public string? Flavor { get; internal set; }

    /// <summary>Has <c>/mj/task/list-by-condition</c> (one request polls many tasks).</summary>
    public bool? BatchQuery { get; internal set; }

    /// <summary>Has <c>/mj/submit/action</c> (buttons by customId).</summary>
    public bool? Action { get; internal set; }

    /// <summary>Has <c>/mj/submit/change</c> (legacy U/V/R).</summary>
    public bool? Change { get; internal set; }

    /// <summary>Takes the speed prefixes <c>/mj-fast</c>, <c>/mj-relax</c>, <c>/mj-turbo</c> (-Mode).</summary>
    public bool? SpeedPrefixes { get; internal set; }

    /// <summary>Has <c>/mj/submit/video</c>.</summary>
    public bool? Video { get; internal set; }

    /// <summary>
    /// True when the server runs in guest mode (TrueAI's default): it serves a request without a known key as a guest's
    /// instead of refusing it; false when it refuses such a request; null when it could not be told.
    /// </summary>
    public bool? GuestMode { get; internal set; }

    /// <summary>Who the server takes this key (or no key) for, where it says (TrueAI); null when unknown.</summary>
    public MjServerRole? Role { get; internal set; }

    /// <summary>What is wrong and what to do; null when all is well.</summary>
    public string? Problem { get; internal set; }

    /// <summary>What is worth knowing even when all is well (guest mode, what this key may not do); null when nothing.</summary>
    public string? Notes { get; internal set; }

    /// <summary>
    /// The error of a key the server refused (<see cref="KeyAccepted"/> false), as every command that meets it says it:
    /// Connect-MjServer's check, and an admin command after Connect-MjServer -SkipCheck alike.
    /// </summary>
    internal MjAuthenticationException KeyRefused() =>
        new(Problem ?? $"{Uri} refused the key.", AuthScheme, KeySent, null, null, null, null);

    /// <summary>True when the server answered as a proxy and did not refuse the key.</summary>
    public bool Ok => Reachable && IsProxy == true && KeyAccepted != false;

    /// <summary>The capabilities found, as words: "batch query, action, change, speed prefixes, video".</summary>
    public string Capabilities
    {
        get
        {
            if (IsProxy != true)
            {
                return string.Empty;
            }

            var found = new List<string>();
            Add(found, BatchQuery, "batch query");
            Add(found, Action, "action");
            Add(found, Change, "change");
            Add(found, SpeedPrefixes, "speed prefixes");
            Add(found, Video, "video");
            return string.Join(", ", found);
        }
    }

    /// <summary>How long the check took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <inheritdoc />
    public override string ToString() =>
        Ok ? $"{Uri}: {Flavor ?? "proxy"} ({Capabilities})" : $"{Uri}: {Problem}";

    private static void Add(List<string> found, bool? value, string name)
    {
        if (value == true)
        {
            found.Add(name);
        }
        else if (value is null)
        {
            found.Add(name + "?");
        }
    }
}
