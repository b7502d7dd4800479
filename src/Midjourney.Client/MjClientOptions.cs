using System;

namespace Midjourney.Client;

/// <summary>How a <see cref="MjClient"/> reaches its server. The key is write-only: it never comes back out.</summary>
public sealed class MjClientOptions
{
    /// <summary>Creates options for a server.</summary>
    public MjClientOptions(Uri baseAddress) => BaseAddress = baseAddress ?? throw new ArgumentNullException(nameof(baseAddress));

    /// <summary>
    /// The server root, e.g. <c>https://proxy.example.com</c>. A trailing <c>/mj</c> is dropped, because every
    /// path this client sends already starts with <c>/mj</c>. A deeper base path (a reverse proxy's) is kept.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key. Write-only; null or empty sends no auth header at all.</summary>
    public string? ApiKey { internal get; set; }

    /// <summary>How the key is sent (default <see cref="AuthScheme.MjApiSecret"/>).</summary>
    public AuthScheme AuthScheme { get; set; } = AuthScheme.MjApiSecret;

    /// <summary>The speed prefix for submits when a call does not choose one.</summary>
    public SpeedMode Mode { get; set; } = SpeedMode.Default;

    /// <summary>The longest a single HTTP attempt may take (default 100 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries of a read (fetch, list) after a transient failure (default 4).</summary>
    public int MaxReadRetries { get; set; } = 4;

    /// <summary>Retries of a submit when the server provably created nothing: refused connection, 429, queue full (default 3).</summary>
    public int MaxSubmitRetries { get; set; } = 3;

    /// <summary>
    /// How long a submit keeps waiting its turn while the server's queue is full (code 23, 9 "队列已满", 30, 429) and
    /// no submit of this client gets in, before it reports <see cref="MjServerBusyException"/> (default 10 min). Every
    /// submit of this client that gets in starts the patience again, so a long line that moves waits as long as it
    /// takes. Safe: a full queue created nothing. Zero stops after <see cref="MaxSubmitRetries"/>.
    /// </summary>
    public TimeSpan QueueFullPatience { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first backoff delay; it doubles with jitter on each retry (default 1 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait this client accepts from a <c>Retry-After</c> header or a backoff (default 60 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When a submit was sent but its answer was lost (a reset, a 5xx, a garbled body), look for the task in the
    /// server's task list by its <c>state</c> before giving up, so its id is not lost (default true).
    /// Submits without a caller <c>state</c> get a generated one (<c>mjc-…</c>) for this.
    /// </summary>
    public bool RecoverAmbiguousSubmits { get; set; } = true;

    /// <summary>
    /// After a connection is cut in the middle of a submit, how long to wait before a task list without the
    /// submit's generated tag counts as proof that nothing was created, so that it is sent again (default 3 s).
    /// Zero never resends after a cut connection. A submit that timed out is never resent.
    /// </summary>
    public TimeSpan LostAnswerGrace { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Append every submitted task to the journal (default true).</summary>
    public bool EnableJournal { get; set; } = true;

    /// <summary>The journal file; null = <c>Midjourney/journal.jsonl</c> in the user's local application data folder.</summary>
    public string? JournalPath { get; set; }

    /// <summary>
    /// Receives one line per request and retry (method, path, status, time), for verbose output.
    /// It never receives headers or the key. Called from background threads.
    /// </summary>
    public Action<string>? Trace { get; set; }

    /// <summary>
    /// The clock of the client's own waiting: poll intervals and deadlines of the Wait methods, the queue-full
    /// patience of submits and the lost-answer grace. Default <see cref="TimeProvider.System"/>; tests pass a fake one
    /// to move time themselves. HTTP attempt timeouts and transport retry backoffs always run on real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The longest the one request of <see cref="MjClient.GetImageSeedAsync"/> may take (default 90 s): TrueAI asks the
    /// Midjourney bot for the seed and waits up to 60 s for its answer. It is not retried.
    /// </summary>
    public TimeSpan ImageSeedTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The longest one image read into memory may take (<see cref="MjClient.ReadImageAsync"/>, Show-MjImage, New-MjMask
    /// -Task), redirects included (default <see cref="MjLimits.ImageReadTimeout"/>, 2 minutes).
    /// </summary>
    public TimeSpan ImageReadTimeout { get; set; } = MjLimits.ImageReadTimeout;

    /// <summary>
    /// The longest a server check (<see cref="MjClient.CheckServerAsync"/>) may take, every request and retry included
    /// (default <see cref="MjLimits.CheckTimeout"/>, 1 minute).
    /// </summary>
    public TimeSpan CheckTimeout { get; set; } = MjLimits.CheckTimeout;

    /// <summary>
    /// The longest the client's own read of the pool's capacity (<see cref="MjAdminApi.TryGetCapacityAsync"/>, at connect
    /// and before the first submit) may take (default <see cref="MjLimits.CapacityReadTimeout"/>, 15 s).
    /// </summary>
    public TimeSpan CapacityReadTimeout { get; set; } = MjLimits.CapacityReadTimeout;

    /// <summary>Sent as <c>User-Agent</c>.</summary>
    public string UserAgent { get; set; } = "Midjourney.Client/0.1";

    /// <inheritdoc />
    public override string ToString() =>
        $"{BaseAddress} auth={AuthScheme} key={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")} mode={Mode}";
}
