namespace Midjourney.Client;

/// <summary>
/// What this client has learnt about its server, one request at a time. Null means "not tried yet".
/// Cached per client so a missing endpoint is only hit once.
/// </summary>
public sealed class MjServerCapabilities
{
    private volatile object? _hasCancel;
    private volatile object? _hasTaskQuery;
    private volatile string? _flavor;

    /// <summary>Has <c>POST /mj/task/{id}/cancel</c> (Plus, TrueAI; not novicezk or gateways).</summary>
    public bool? HasCancel { get => (bool?)_hasCancel; internal set => _hasCancel = value; }

    /// <summary>Has Plus's paged, filtered <c>POST /mj/task/query</c>.</summary>
    public bool? HasTaskQuery { get => (bool?)_hasTaskQuery; internal set => _hasTaskQuery = value; }

    /// <summary>The flavour a server check found (trueai, plus, novicezk, gateway, taskapi); null before a check.</summary>
    public string? Flavor { get => _flavor; internal set => _flavor = value; }

    private volatile object? _hasAction;
    private volatile object? _hasChange;
    private volatile object? _hasBatchQuery;
    private volatile object? _hasList;
    private volatile object? _hasUploadImages;

    /// <summary>Has <c>/mj/submit/action</c> (Plus, TrueAI, gateways; not novicezk).</summary>
    public bool? HasAction { get => (bool?)_hasAction; internal set => _hasAction = value; }

    /// <summary>Has <c>/mj/submit/change</c> (not TrueAI v10+).</summary>
    public bool? HasChange { get => (bool?)_hasChange; internal set => _hasChange = value; }

    /// <summary>Has <c>/mj/task/list-by-condition</c> for batch polling.</summary>
    public bool? HasBatchQuery { get => (bool?)_hasBatchQuery; internal set => _hasBatchQuery = value; }

    /// <summary>Has <c>/mj/task/list</c> (used to recover a submit whose answer was lost).</summary>
    public bool? HasList { get => (bool?)_hasList; internal set => _hasList = value; }

    /// <summary>Has <c>/mj/submit/upload-discord-images</c> (Plus, TrueAI, gateways; not novicezk).</summary>
    public bool? HasUploadImages { get => (bool?)_hasUploadImages; internal set => _hasUploadImages = value; }

    private volatile object? _role;

    /// <summary>Who a TrueAI server takes this client's key for (<c>/mj/admin/current</c>); null before anything told.</summary>
    public MjServerRole? Role { get => (MjServerRole?)_role; internal set => _role = value; }

    /// <inheritdoc />
    public override string ToString() =>
        $"action={Show(HasAction)} change={Show(HasChange)} batch={Show(HasBatchQuery)} list={Show(HasList)} upload={Show(HasUploadImages)}";

    private static string Show(bool? value) => value is bool b ? (b ? "yes" : "no") : "?";
}
