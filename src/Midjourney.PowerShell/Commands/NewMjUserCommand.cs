using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations.Admin;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// New-MjUser: makes a TrueAI user with a new random token and emits it with the token, once, as a SecureString
/// (Connect-MjServer -ApiKey takes it as it is). Rows of Import-Csv make many users: their columns bind by name.
/// </summary>
[Cmdlet(VerbsCommon.New, "MjUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjNewUser))]
public sealed class NewMjUserCommand : MjCmdletBase
{
    private UserOperation _operation = null!;

    /// <summary>The user's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string Name { get; set; } = null!;

    /// <summary>The user's e-mail address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string? Email { get; set; }

    /// <summary>Make an administrator (its token may change accounts, users and banned words).</summary>
    [Parameter]
    public SwitchParameter Administrator { get; set; }

    /// <summary>Images a day (-1: no limit; default the server's).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(-1, int.MaxValue)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? DayDrawLimit { get; set; }

    /// <summary>Images in all (-1: no limit).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(-1, int.MaxValue)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? TotalDrawLimit { get; set; }

    /// <summary>Jobs at once (-1: no limit).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(-1, int.MaxValue)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? CoreSize { get; set; }

    /// <summary>Jobs queued (-1: no limit).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(-1, int.MaxValue)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? QueueSize { get; set; }

    /// <summary>The server; default the session's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    [MjConnectionTransformation]
    public MjConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _operation = new UserOperation(Session);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new MjUserRequest(Name ?? string.Empty)
        {
            Email = Email,
            Administrator = Administrator.IsPresent,
            DayDrawLimit = DayDrawLimit,
            TotalDrawLimit = TotalDrawLimit,
            CoreSize = CoreSize,
            QueueSize = QueueSize,
        };
        RunOperation((output, token) => _operation.NewAsync(request, Connection, output, token));
    }
}
