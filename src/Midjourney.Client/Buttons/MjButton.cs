using System;

namespace Midjourney.Client;

/// <summary>
/// A button of a finished task. It knows its task, so it can be clicked on its own
/// (<see cref="MjClient.ClickAsync(MjButton, MjClickOptions?, System.Threading.CancellationToken)"/>, <c>Invoke-MjButton</c>).
/// </summary>
public sealed class MjButton
{
    /// <summary>Creates a button; <see cref="Kind"/>, <see cref="Index"/> and <see cref="AlwaysModal"/> come from the customId.</summary>
    public MjButton(string taskId, string customId, string? label = null, string? emoji = null, int style = 2, int type = 2, bool isSynthetic = false)
    {
        TaskId = taskId ?? throw new ArgumentNullException(nameof(taskId));
        CustomId = customId ?? throw new ArgumentNullException(nameof(customId));
        Label = label ?? string.Empty;
        Emoji = emoji ?? string.Empty;
        Style = style;
        Type = type;
        IsSynthetic = isSynthetic;
    }

    private MjButton(MjButton other, Uri? server)
    {
        TaskId = other.TaskId;
        CustomId = other.CustomId;
        Label = other.Label;
        Emoji = other.Emoji;
        Style = other.Style;
        Type = other.Type;
        IsSynthetic = other.IsSynthetic;
        _parsed = other._parsed;
        Server = server;
    }

    /// <summary>The id of the task this button belongs to (the parent of whatever a click creates).</summary>
    public string TaskId { get; }

    /// <summary>The opaque id sent to <c>/mj/submit/action</c>. Always taken from the server, never built.</summary>
    public string CustomId { get; }

    /// <summary>The label shown on Discord (<c>U1</c>, <c>Vary (Region)</c>), or empty for emoji-only buttons.</summary>
    public string Label { get; }

    /// <summary>The emoji name (<c>🔄</c>, <c>⬅️</c>, <c>upscale_1</c>), or empty.</summary>
    public string Emoji { get; }

    /// <summary>The Discord style number; cosmetic.</summary>
    public int Style { get; }

    /// <summary>The Discord component type (2 = button).</summary>
    public int Type { get; }

    // Parsed on first use: most buttons of most fetched tasks are never looked at (a boxed struct, so a
    // reader on another thread sees either nothing or the whole value).
    private volatile object? _parsed;

    /// <summary>What the button does.</summary>
    public MjButtonKind Kind => Parsed.Kind;

    /// <summary>The image index 1–4 for U/V/describe picks; null where it has no meaning.</summary>
    public int? Index => Parsed.Index;

    /// <summary>True when a click always creates a MODAL task that needs <c>/mj/submit/modal</c> (Vary (Region), Custom Zoom, describe picks).</summary>
    public bool AlwaysModal => Parsed.AlwaysModal;

    /// <summary>
    /// True for buttons this client made up because the server sends none (novicezk, TASK_STATUS_* gateways):
    /// clicking them goes through <c>/mj/submit/change</c>.
    /// </summary>
    public bool IsSynthetic { get; }

    /// <summary>The server of the task, so a button piped on its own goes back to the right server.</summary>
    public Uri? Server { get; }

    /// <summary>The label, else the emoji, else the kind: what a person calls this button.</summary>
    public string DisplayName =>
        Label.Length > 0 ? Label : Emoji.Length > 0 ? Emoji : Kind.ToString();

    private ParsedCustomId Parsed => (ParsedCustomId)(_parsed ??= CustomIdParser.Parse(CustomId));

    /// <summary>A copy that knows its server.</summary>
    internal MjButton WithServer(Uri? server) => server == Server ? this : new MjButton(this, server);

    /// <inheritdoc />
    public override string ToString() => MjText.CleanLine($"{DisplayName} ({Kind}) of task {TaskId}")!; // shown for a raw task's buttons too
}
