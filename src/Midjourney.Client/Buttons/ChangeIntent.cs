using System;

namespace Midjourney.Client;

/// <summary>
/// A U/V/🔄 click expressed the legacy way: the <c>/mj/submit/change</c> body (reference §2.3) and the
/// <c>/mj/submit/simple-change</c> content (§2.4). Used when a server has no <c>/submit/action</c>
/// (novicezk, <c>TASK_STATUS_*</c> gateways), or no <c>/submit/change</c>, so the same intent can go the other way.
/// </summary>
internal readonly struct ChangeIntent
{
    private ChangeIntent(string action, int index)
    {
        Action = action;
        Index = index;
    }

    /// <summary><c>UPSCALE</c>, <c>VARIATION</c> or <c>REROLL</c>.</summary>
    public string Action { get; }

    /// <summary>The image 1–4; 1 for REROLL, because new-api rejects index 0 ("index_is_required").</summary>
    public int Index { get; }

    /// <summary>
    /// Reads the intent of an Upscale or Variation button with an index 1–4, or a Reroll button,
    /// synthetic or real; false for every other button.
    /// </summary>
    public static bool TryFrom(MjButton button, out ChangeIntent intent)
    {
        if (button is null)
        {
            throw new ArgumentNullException(nameof(button));
        }

        intent = default;
        switch (button.Kind)
        {
            case MjButtonKind.Upscale when button.Index is int u:
                intent = new ChangeIntent("UPSCALE", u);
                return true;
            case MjButtonKind.Variation when button.Index is int v:
                intent = new ChangeIntent("VARIATION", v);
                return true;
            case MjButtonKind.Reroll:
                intent = new ChangeIntent("REROLL", 1);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The simple-change content: <c>"&lt;taskId&gt; U1"</c>, <c>"&lt;taskId&gt; V3"</c> or <c>"&lt;taskId&gt; R"</c>.</summary>
    public string SimpleChangeContent(string taskId) => Action switch
    {
        "UPSCALE" => $"{taskId} U{Index}",
        "VARIATION" => $"{taskId} V{Index}",
        _ => $"{taskId} R",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Action} {Index}";
}
