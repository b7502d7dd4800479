using System;
using System.Management.Automation;
using System.Security;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;

namespace Midjourney.PowerShell.Commands;

/// <summary>Connect-MjServer: checks a midjourney-proxy server with free requests and makes it the session default.</summary>
[Cmdlet(VerbsCommunications.Connect, "MjServer", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(MjConnection))]
public sealed class ConnectMjServerCommand : MjCmdletBase
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private SpeedMode? _mode;

    /// <summary>The server root, e.g. https://proxy.example.com.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    public Uri Uri { get; set; } = null!;

    /// <summary>The API key; omit it for a server without auth.</summary>
    [Parameter(ParameterSetName = ApiKeySet)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public SecureString? ApiKey { get; set; }

    /// <summary>A credential whose password is the API key (the user name is ignored).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ArgumentCompleter(typeof(NoCompletion))]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>How the key is sent.</summary>
    [Parameter]
    public AuthScheme AuthScheme { get; set; } = AuthScheme.MjApiSecret;

    /// <summary>The default speed of submits.</summary>
    [Parameter]
    public SpeedMode Mode { get => _mode ?? SpeedMode.Default; set => _mode = value; }

    /// <summary>Do not write submitted tasks to the journal.</summary>
    [Parameter]
    public SwitchParameter NoJournal { get; set; }

    /// <summary>The journal file (default: Midjourney/journal.jsonl in local application data).</summary>
    [Parameter]
    public string? JournalPath { get; set; }

    /// <summary>Emit the connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Connect without checking the server first (no request at all).</summary>
    [Parameter]
    public SwitchParameter SkipCheck { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string? journal = null;
        if (JournalPath is not null && !TryResolveNewPath(JournalPath, nameof(JournalPath), out journal))
        {
            return;
        }

        var options = new ConnectServerOptions
        {
            Uri = Uri,
            ApiKey = ParameterSetName == CredentialSet ? Credential.GetNetworkCredential().Password : Reveal(ApiKey),
            AuthScheme = AuthScheme,
            Mode = _mode,
            NoJournal = NoJournal.IsPresent,
            JournalPath = journal,
            PassThru = PassThru.IsPresent,
            SkipCheck = SkipCheck.IsPresent,
        };
        var operation = new ConnectServerOperation(Session);
        RunOperation((output, token) => operation.RunAsync(options, output, token));
    }
}
