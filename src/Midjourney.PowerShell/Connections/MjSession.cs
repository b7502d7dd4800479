using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Midjourney.Client;
using Midjourney.PowerShell.Connections;

namespace Midjourney.PowerShell;

/// <summary>
/// The connections of a PowerShell process: the default one, every registered one by server, and the implicit one
/// built from <c>MJ_BASE_URL</c>/<c>MJ_API_KEY</c>/<c>MJ_AUTH_SCHEME</c>. Thread-safe (several runspaces share it).
/// </summary>
internal sealed class MjSession
{
    /// <summary>The environment variable with the server root.</summary>
    public const string BaseUrlVariable = "MJ_BASE_URL";

    /// <summary>The environment variable with the key.</summary>
    public const string ApiKeyVariable = "MJ_API_KEY";

    /// <summary>The environment variable with the auth scheme (MjApiSecret, Bearer, Raw).</summary>
    public const string AuthSchemeVariable = "MJ_AUTH_SCHEME";

    private readonly object _gate = new();
    private readonly Func<string, string?> _getEnvironment;
    private readonly List<MjConnection> _connections = new();
    private MjConnection? _default;
    private MjConnection? _environmentConnection;
    private string? _environmentFingerprint;

    /// <summary>Creates a registry that reads variables through <paramref name="getEnvironment"/>.</summary>
    public MjSession(Func<string, string?> getEnvironment) =>
        _getEnvironment = getEnvironment ?? throw new ArgumentNullException(nameof(getEnvironment));

    /// <summary>The process-wide registry the cmdlets use.</summary>
    public static MjSession Current { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The default connection, or null.</summary>
    public MjConnection? Default
    {
        get
        {
            lock (_gate)
            {
                return _default;
            }
        }
    }

    /// <summary>Every registered connection, the default first.</summary>
    public IReadOnlyList<MjConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return _connections.OrderByDescending(c => c == _default).ToList();
            }
        }
    }

    /// <summary>
    /// Registers <paramref name="connection"/> and makes it the default. A connection to the same server replaces the
    /// older one in the registry, but is not disposed: another runspace of this process (ForEach-Object -Parallel) or
    /// a variable may still be using it. Disconnect-MjServer disposes.
    /// </summary>
    public void Add(MjConnection connection)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        List<MjConnection> replaced;
        lock (_gate)
        {
            replaced = _connections.Where(c => c != connection && SameServer(c.Uri, connection.Uri)).ToList();
            _connections.RemoveAll(replaced.Contains);
            if (!_connections.Contains(connection))
            {
                _connections.Add(connection);
            }

            connection.Session = this;
            _default = connection;
        }

        foreach (var old in replaced)
        {
            old.Session = null;
        }
    }

    /// <summary>The registered connection to the same server made with the same settings, or null.</summary>
    internal MjConnection? Find(MjConnectionSettings settings)
    {
        lock (_gate)
        {
            return _connections.FirstOrDefault(c => c.Settings.SameAs(settings));
        }
    }

    /// <summary>
    /// Unregisters and disposes a connection; false when it was not registered. Removing the default leaves no default:
    /// another registered server is never made the default behind the user's back (the next paid job would go there).
    /// </summary>
    public bool Remove(MjConnection connection)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connection))
            {
                return false;
            }

            if (_default == connection)
            {
                _default = null;
            }
        }

        connection.Session = null;
        connection.Dispose();
        return true;
    }

    /// <summary>The registered connection for a server (a task's <see cref="MjTask.Server"/>), or null.</summary>
    public MjConnection? ForServer(Uri? server)
    {
        if (server is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _connections.LastOrDefault(c => SameServer(c.Uri, server))
                ?? (_environmentConnection is { } env && SameServer(env.Uri, server) ? env : null);
        }
    }

    /// <summary>
    /// The implicit connection from the environment variables, built once and rebuilt when they change; null when
    /// <c>MJ_BASE_URL</c> is not set. Throws <see cref="ArgumentException"/> for unusable values.
    /// </summary>
    public MjConnection? EnvironmentConnection()
    {
        var fingerprint = Fingerprint(_getEnvironment(BaseUrlVariable), _getEnvironment(ApiKeyVariable), _getEnvironment(AuthSchemeVariable));
        lock (_gate)
        {
            if (fingerprint is null)
            {
                return null;
            }

            if (_environmentConnection is not null && _environmentFingerprint == fingerprint)
            {
                return _environmentConnection;
            }

            var created = FromEnvironment(_getEnvironment);
            _environmentConnection?.Dispose();
            _environmentConnection = created;
            _environmentFingerprint = fingerprint;
            return created;
        }
    }

    /// <summary>
    /// A new connection from <c>MJ_BASE_URL</c>, <c>MJ_API_KEY</c> and <c>MJ_AUTH_SCHEME</c> read through
    /// <paramref name="getEnvironment"/>; null when <c>MJ_BASE_URL</c> is not set.
    /// </summary>
    /// <exception cref="ArgumentException">MJ_BASE_URL is not an http(s) URL, or MJ_AUTH_SCHEME is not a scheme.</exception>
    public static MjConnection? FromEnvironment(Func<string, string?> getEnvironment)
    {
        var settings = SettingsFromEnvironment(getEnvironment);
        return settings is null ? null : MjConnection.Create(settings, fromEnvironment: true);
    }

    /// <summary>The settings <see cref="FromEnvironment"/> uses; null when MJ_BASE_URL is not set.</summary>
    internal static MjConnectionSettings? SettingsFromEnvironment(Func<string, string?> getEnvironment)
    {
        if (getEnvironment is null)
        {
            throw new ArgumentNullException(nameof(getEnvironment));
        }

        var url = getEnvironment(BaseUrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{BaseUrlVariable} is not an http(s) URL: '{url}'.");
        }

        var schemeText = getEnvironment(AuthSchemeVariable);
        var scheme = AuthScheme.MjApiSecret;
        if (!string.IsNullOrWhiteSpace(schemeText)
            && (!Enum.TryParse(schemeText!.Trim(), ignoreCase: true, out scheme) || !Enum.IsDefined(typeof(AuthScheme), scheme)))
        {
            throw new ArgumentException($"{AuthSchemeVariable} must be one of {string.Join(", ", Enum.GetNames(typeof(AuthScheme)))}; it is '{schemeText}'.");
        }

        var key = getEnvironment(ApiKeyVariable);
        return new MjConnectionSettings(uri)
        {
            ApiKey = string.IsNullOrEmpty(key) ? null : key,
            AuthScheme = scheme,
        };
    }

    /// <summary>Same scheme, host, port and path (ignoring case and a trailing slash or <c>/mj</c>).</summary>
    internal static bool SameServer(Uri a, Uri b) => string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(Uri uri)
    {
        var text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        return text.EndsWith("/mj", StringComparison.OrdinalIgnoreCase) ? text.Substring(0, text.Length - 3) : text;
    }

    // A hash, so the registry never holds the key as text just to notice that the variables changed.
    private static string? Fingerprint(string? url, string? key, string? scheme)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes($"{url}\n{key}\n{scheme}"));
        return Convert.ToBase64String(bytes);
    }
}
