using System;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Connect-MjServer.</summary>
internal sealed class ConnectServerOptions
{
    /// <summary>-Uri.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The key from -ApiKey or -Credential; null for a server without auth.</summary>
    public string? ApiKey { get; set; }

    /// <summary>-AuthScheme.</summary>
    public AuthScheme AuthScheme { get; set; } = AuthScheme.MjApiSecret;

    /// <summary>-Mode; null keeps the default.</summary>
    public SpeedMode? Mode { get; set; }

    /// <summary>-NoJournal.</summary>
    public bool NoJournal { get; set; }

    /// <summary>-JournalPath, resolved to a file-system path.</summary>
    public string? JournalPath { get; set; }

    /// <summary>-PassThru.</summary>
    public bool PassThru { get; set; }

    /// <summary>-SkipCheck: make no request at all.</summary>
    public bool SkipCheck { get; set; }

    /// <summary>Tests shorten the client's retry delays with this.</summary>
    public Action<MjClientOptions>? Tune { get; set; }
}

/// <summary>
/// Connect-MjServer: makes a connection the session default, after a check with free requests (unless -SkipCheck).
/// A refused key, an address where nothing answers (nothing listens, https to a plain-HTTP server, an unknown host) and
/// an address that is not a proxy (a wrong path) are terminating errors and nothing is registered, the default
/// unchanged: every later command would fail the same way. -SkipCheck connects without asking (a server still starting).
/// A server that answers but fails (5xx) is a warning: it is there, and may recover.
/// </summary>
internal sealed class ConnectServerOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public ConnectServerOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Creates, checks, registers and (with -PassThru) emits the connection; bad input is terminating.</summary>
    public async Task<MjConnection> RunAsync(ConnectServerOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var uri = ValidateUri(options.Uri);
        var settings = new MjConnectionSettings(uri)
        {
            ApiKey = options.ApiKey,
            AuthScheme = options.AuthScheme,
            Mode = options.Mode,
            EnableJournal = !options.NoJournal,
            JournalPath = options.JournalPath,
            Tune = options.Tune,
        };

        // The same settings again (each runspace of ForEach-Object -Parallel connecting, a script run twice) keep the
        // connection: one client, so its waits share one poller and its submits one line.
        var existing = Session.Find(settings);
        var connection = existing ?? MjConnection.Create(settings);
        if (!options.SkipCheck)
        {
            try
            {
                await CheckAsync(connection, output, cancellationToken).ConfigureAwait(false);
            }
            catch when (existing is null)
            {
                connection.Dispose();
                throw;
            }
        }

        Session.Add(connection);
        output.WriteVerbose($"{(existing is null ? "Connected to" : "Already connected to")} {connection.Uri} ({connection.AuthScheme}, key {(string.IsNullOrEmpty(options.ApiKey) ? "none" : "set")}, journal {connection.JournalPath ?? "off"}){(existing is null ? "" : ": the same connection is kept")}.");
        if (options.PassThru)
        {
            output.WriteObject(connection);
        }

        return connection;
    }

    /// <summary>
    /// For an address typed without its scheme ('proxy.example.com', 'localhost:8080'), the URL it most likely means:
    /// http for this machine, https elsewhere; empty when adding a scheme does not make a URL.
    /// </summary>
    internal static string WithScheme(Uri? uri)
    {
        var text = uri?.OriginalString.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Contains("://"))
        {
            return string.Empty;
        }

        var local = text.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || text.StartsWith("127.", StringComparison.Ordinal) || text.StartsWith("[::1]", StringComparison.Ordinal);
        var guess = (local ? "http://" : "https://") + text;
        return Uri.TryCreate(guess, UriKind.Absolute, out var made) && !string.IsNullOrEmpty(made.Host) && string.IsNullOrEmpty(made.UserInfo)
            ? $" Did you mean -Uri {guess}?"
            : string.Empty;
    }

    /// <summary>-Uri as an absolute http(s) URL without user info, or a terminating MjInvalidInput.</summary>
    internal static Uri ValidateUri(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MjTerminatingException(ErrorMapping.InvalidInput($"-Uri must be an absolute http(s) URL; '{uri}' given.{WithScheme(uri)}", uri));
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new MjTerminatingException(ErrorMapping.InvalidInput("-Uri must not carry user info; give the key with -ApiKey or -Credential.", null));
        }

        return uri;
    }

    /// <summary>What every refusal of the check adds to its message (which already says what to check).</summary>
    private const string NotConnected = "Nothing was connected, and the default connection is unchanged. -SkipCheck connects without checking (for a server that is still starting).";

    private static async Task CheckAsync(MjConnection connection, ICommandOutput output, CancellationToken cancellationToken)
    {
        var check = await TestServerOperation.CheckAsync(connection, output, cancellationToken).ConfigureAwait(false);
        if (check.KeyAccepted == false)
        {
            var error = check.KeyRefused();
            throw new MjTerminatingException(new MjCommandError(error, MjErrorIds.AuthenticationFailed, MjErrorCategory.AuthenticationError, check.Uri,
                check.SuggestedAuthScheme is { } better ? $"Connect-MjServer {check.Uri} -AuthScheme {better} -ApiKey <key>" : "Nothing was connected; connect again with the right key."));
        }

        // Nothing answers (nothing listens, https to a plain-HTTP server, an unknown host), or what answers is not a
        // proxy (a wrong path): every later command would fail the same way, so nothing is registered.
        if (!check.Reachable)
        {
            var error = new MjServerException(check.Problem ?? $"{check.Uri} did not answer.", null, null, null, null, null);
            throw new MjTerminatingException(new MjCommandError(error, MjErrorIds.ServerError, MjErrorCategory.ConnectionError, check.Uri, NotConnected));
        }

        if (check.IsProxy == false)
        {
            var error = new MjNotFoundException(check.Problem ?? $"{check.Uri} is not a midjourney-proxy.", null, null, null, System.Net.HttpStatusCode.NotFound, null);
            throw new MjTerminatingException(new MjCommandError(error, MjErrorIds.EndpointNotFound, MjErrorCategory.ObjectNotFound, check.Uri, NotConnected));
        }

        if (!check.Ok || check.Problem is not null)
        {
            // The server is there but failing (5xx) or too slow to finish the check: it may recover, so the connection is made.
            output.WriteWarning($"{check.Problem} Connected anyway; Test-MjServer checks again.");
            return;
        }

        // With a key that may read the account list, submits start from the pool's real capacity (Get-MjServer shows it).
        var pool = await connection.Client.Admin.TryGetCapacityAsync(cancellationToken).ConfigureAwait(false);
        if (pool is not null)
        {
            output.WriteVerbose(pool.UsableAccounts > 0
                ? $"{check.Uri}: the pool holds {pool}; submits start from it."
                : $"{check.Uri}: the pool has {pool}: submits will be refused until one is (Get-MjAccount shows why).");
        }
    }
}
