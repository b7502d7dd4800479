namespace Midjourney.Simulator.Engine;

/// <summary>
/// The Midjourney accounts behind the proxy. Today one switch, usable or not; the place that answers for "no usable
/// account" on every route, so that real accounts (slots, queues, disabling) can grow here.
/// </summary>
internal sealed class AccountPool
{
    /// <summary>What the proxies answer when no account can take the job (TrueAI and the Java proxies alike).</summary>
    public const string NoneUsableText = "无可用的账号实例";

    /// <summary>TrueAI's upload-discord-images when no account can take the upload.</summary>
    public const string NoInstanceText = "实例不存在或不可用";

    private volatile bool _usable;

    public AccountPool(bool usable) => _usable = usable;

    /// <summary>True while at least one account can take work.</summary>
    public bool Usable
    {
        get => _usable;
        set => _usable = value;
    }

    /// <summary>Null when an account can take the job, else the refusal of a submit (code 3 "无可用的账号实例").</summary>
    public SubmitOutcome? RefuseSubmit() => _usable ? null : SubmitOutcome.Unavailable(NoneUsableText);

    /// <summary>Null when an account can take the upload, else TrueAI's refusal (code 4 "实例不存在或不可用").</summary>
    public SubmitOutcome? RefuseUpload() => _usable ? null : SubmitOutcome.Invalid(NoInstanceText);
}
