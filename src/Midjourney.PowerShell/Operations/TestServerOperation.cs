using System;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Connections;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of Test-MjServer.</summary>
internal sealed class TestServerOptions
{
    /// <summary>-Uri: check this server (with -ApiKey and -AuthScheme) instead of a connection.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The key from -ApiKey or -Credential.</summary>
    public string? ApiKey { get; set; }

    /// <summary>-AuthScheme (with -Uri).</summary>
    public AuthScheme AuthScheme { get; set; } = AuthScheme.MjApiSecret;

    /// <summary>-Connection; null with no -Uri means the session's connection.</summary>
    public MjConnection? Connection { get; set; }

    /// <summary>Tests shorten the client's timeouts with this.</summary>
    public Action<MjClientOptions>? Tune { get; set; }
}

/// <summary>Test-MjServer: checks a server with free requests only and emits what it found.</summary>
internal sealed class TestServerOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public TestServerOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Emits one <see cref="MjServerCheck"/>; what is wrong is in its Problem, not an error: checking is the point.</summary>
    public async Task<MjServerCheck> RunAsync(TestServerOptions options, ICommandOutput output, CancellationToken cancellationToken)
    {
        MjServerCheck? check = null;
        await RunAsync(output, async () =>
        {
            if (options.Uri is { } uri)
            {
                ConnectServerOperation.ValidateUri(uri);
                using var connection = MjConnection.Create(new MjConnectionSettings(uri)
                {
                    ApiKey = options.ApiKey,
                    AuthScheme = options.AuthScheme,
                    EnableJournal = false,
                    Tune = options.Tune,
                });
                check = await CheckAsync(connection, output, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                check = await CheckAsync(Connections.Resolve(options.Connection), output, cancellationToken).ConfigureAwait(false);
            }

            output.WriteObject(check);
        }).ConfigureAwait(false);
        return check!;
    }

    /// <summary>Runs the check, writing a verbose summary and a warning for a problem.</summary>
    internal static async Task<MjServerCheck> CheckAsync(MjConnection connection, ICommandOutput output, CancellationToken cancellationToken)
    {
        output.WriteVerbose($"Checking {connection.Uri} with free requests (no submit).");
        var check = await connection.Client.CheckServerAsync(cancellationToken).ConfigureAwait(false);
        output.WriteVerbose(check.Ok
            ? $"{check.Uri}: {check.Flavor ?? "a midjourney-proxy"}, key {(!check.KeySent ? "not needed" : check.KeyAccepted == true ? "accepted" : "not checked")}{(check.Role is { } role ? $" ({role})" : string.Empty)}, {check.Capabilities} ({check.Elapsed.TotalMilliseconds:0} ms)."
            : $"{check.Uri}: {check.Problem} ({check.Elapsed.TotalMilliseconds:0} ms).");
        if (check.Notes is { } notes)
        {
            output.WriteVerbose(notes);
        }

        return check;
    }
}
