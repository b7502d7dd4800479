using System;
using System.Management.Automation;
using System.Security;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// Test-MjServer: checks a server with free requests only (never a submit): reachable, key accepted (or the auth
/// scheme that works), the flavour and its capabilities.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MjServer", DefaultParameterSetName = ConnectionSet)]
[OutputType(typeof(MjServerCheck))]
public sealed class TestMjServerCommand : MjCmdletBase
{
    private const string ConnectionSet = "Connection";
    private const string UriSet = "Uri";

    /// <summary>The server root to check, e.g. https://proxy.example.com; without it, the connection is checked.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UriSet)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    public Uri Uri { get; set; } = null!;

    /// <summary>The API key to check with -Uri; omit it for a server without auth.</summary>
    [Parameter(ParameterSetName = UriSet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public SecureString? ApiKey { get; set; }

    /// <summary>How the key is sent with -Uri.</summary>
    [Parameter(ParameterSetName = UriSet)]
    public AuthScheme AuthScheme { get; set; } = AuthScheme.MjApiSecret;

    /// <summary>The connection to check (default: the session's connection).</summary>
    [Parameter(ParameterSetName = ConnectionSet, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var options = new TestServerOptions
        {
            Uri = ParameterSetName == UriSet ? Uri : null,
            ApiKey = Reveal(ApiKey),
            AuthScheme = AuthScheme,
            Connection = Connection,
        };
        var operation = new TestServerOperation(Session);
        RunOperation((output, token) => operation.RunAsync(options, output, token));
    }
}
