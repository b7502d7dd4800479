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

    /// <summary>Tests shorten the client's retry delays with this.</summary>
    public Action<MjClientOptions>? Tune { get; set; }
}

/// <summary>Connect-MjServer: makes a connection the session default. Sends no request.</summary>
internal sealed class ConnectServerOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public ConnectServerOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Creates, registers and (with -PassThru) emits the connection; bad input is terminating.</summary>
    public Task<MjConnection> RunAsync(ConnectServerOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var uri = options.Uri;
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MjTerminatingException(ErrorMapping.InvalidInput($"-Uri must be an absolute http(s) URL; '{uri}' given.", uri));
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new MjTerminatingException(ErrorMapping.InvalidInput("-Uri must not carry user info; give the key with -ApiKey or -Credential.", null));
        }

        var connection = MjConnection.Create(new MjConnectionSettings(uri)
        {
            ApiKey = options.ApiKey,
            AuthScheme = options.AuthScheme,
            Mode = options.Mode,
            EnableJournal = !options.NoJournal,
            JournalPath = options.JournalPath,
            Tune = options.Tune,
        });
        Session.Add(connection);
        output.WriteVerbose($"Connected to {connection.Uri} ({connection.AuthScheme}, key {(string.IsNullOrEmpty(options.ApiKey) ? "none" : "set")}, journal {connection.JournalPath ?? "off"}).");
        if (options.PassThru)
        {
            output.WriteObject(connection);
        }

        return Task.FromResult(connection);
    }
}
