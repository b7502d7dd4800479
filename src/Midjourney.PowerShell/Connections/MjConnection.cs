using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Midjourney.Client;
using Midjourney.PowerShell.Connections;

namespace Midjourney.PowerShell;

/// <summary>
/// A connection to one midjourney-proxy server, made by <c>Connect-MjServer</c>. It never exposes the API key:
/// not in its properties, its text, nor its errors.
/// </summary>
public sealed class MjConnection : IDisposable
{
    private readonly MjClient _client;
    private readonly ConcurrentDictionary<string, byte> _modalNoticed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _open = new(StringComparer.Ordinal);

    /// <summary>The most unfinished tasks remembered for Disconnect-MjServer's warning.</summary>
    private const int MaxFollowed = 10_000;

    private MjConnection(MjClient client, bool fromEnvironment, MjConnectionSettings settings)
    {
        _client = client;
        FromEnvironment = fromEnvironment;
        Settings = settings;
    }

    /// <summary>What the connection was made from (never shown: it holds the key).</summary>
    internal MjConnectionSettings Settings { get; }

    /// <summary>The server root (normalised: trailing slash, no <c>/mj</c>).</summary>
    public Uri Uri => _client.BaseAddress;

    /// <summary>How the key is sent.</summary>
    public AuthScheme AuthScheme => _client.AuthScheme;

    /// <summary>The default speed of submits.</summary>
    public SpeedMode Mode => _client.Mode;

    /// <summary>True for the session's default connection.</summary>
    public bool IsDefault => Session?.Default == this;

    /// <summary>What has been learnt about the server's endpoints so far.</summary>
    public MjServerCapabilities Capabilities => _client.Capabilities;

    /// <summary>
    /// What the client knows of the account pool's load: its capacity and where that came from (the account list, read
    /// at connect time with a key that may read it, or a full-queue answer), its tasks in flight and waiting submits. A
    /// task nobody waits for counts until a submit needs its place (it is read then) or Invoke-MjBatch starts.
    /// </summary>
    public MjLoad Load => _client.Load;

    /// <summary>The journal file submitted tasks are written to, or null when the journal is off.</summary>
    public string? JournalPath => _client.Journal?.Path;

    /// <summary>The client (module code only).</summary>
    internal MjClient Client => _client;

    /// <summary>True for the implicit connection built from MJ_BASE_URL.</summary>
    internal bool FromEnvironment { get; }

    /// <summary>The registry this connection is in, or null.</summary>
    internal MjSession? Session { get; set; }

    /// <summary>True the first time it is asked about a task id: the MODAL warning is given once per task.</summary>
    internal bool FirstModalNotice(string taskId) => _modalNoticed.TryAdd(taskId, 0);

    /// <summary>
    /// Remembers which tasks this session emitted from this server unfinished (NotStarted, Submitted, InProgress,
    /// Modal), and forgets them once one is emitted finished; Disconnect-MjServer names those still open.
    /// </summary>
    internal void Follow(MjTask task)
    {
        if (task.IsFinished)
        {
            _open.TryRemove(task.Id, out _);
        }
        else if (_open.Count < MaxFollowed)
        {
            _open.TryAdd(task.Id, 0);
        }
    }

    /// <summary>The ids of the tasks this session emitted unfinished and has not seen finish (see <see cref="Follow"/>).</summary>
    internal IReadOnlyList<string> OpenTasks => _open.Keys.OrderBy(id => id, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"{Uri} ({AuthScheme}{(Mode == SpeedMode.Default ? string.Empty : ", " + Mode)})";

    /// <summary>Creates a connection (and its client) from settings.</summary>
    internal static MjConnection Create(MjConnectionSettings settings, bool fromEnvironment = false)
    {
        var options = new MjClientOptions(settings.Uri)
        {
            ApiKey = string.IsNullOrEmpty(settings.ApiKey) ? null : settings.ApiKey,
            AuthScheme = settings.AuthScheme,
            EnableJournal = settings.EnableJournal,
            JournalPath = settings.JournalPath,
            Trace = Connections.TraceRouter.Write,
            UserAgent = "Midjourney.PowerShell/0.1",
        };
        if (settings.Mode is SpeedMode mode)
        {
            options.Mode = mode;
        }

        settings.Tune?.Invoke(options);
        var client = settings.Handler is null ? new MjClient(options) : new MjClient(options, settings.Handler, disposeHandler: false);
        return new MjConnection(client, fromEnvironment, settings);
    }
}
