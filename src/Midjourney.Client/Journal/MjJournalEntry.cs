using System;

namespace Midjourney.Client;

/// <summary>
/// One line of the task journal: enough to find a task again after the console is closed.
/// There is deliberately no field for the API key.
/// </summary>
public sealed class MjJournalEntry
{
    private readonly string? _server;

    /// <summary>Creates an entry for a task id.</summary>
    public MjJournalEntry(string id) => Id = id ?? throw new ArgumentNullException(nameof(id));

    /// <summary>The task id.</summary>
    public string Id { get; }

    /// <summary>The action (<c>IMAGINE</c>, <c>UPSCALE</c>, ...).</summary>
    public string? Action { get; init; }

    /// <summary>The parent task, for button clicks.</summary>
    public string? ParentId { get; init; }

    /// <summary>The prompt as submitted.</summary>
    public string? Prompt { get; init; }

    /// <summary>
    /// The server's base URL: scheme, host, port and path. User info, query and fragment are dropped when set,
    /// and text that is not an absolute URL is not stored at all.
    /// </summary>
    public string? Server
    {
        get => _server;
        init => _server = BaseUrl(value);
    }

    /// <summary>When the entry was written.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The caller's <c>state</c>.</summary>
    public string? State { get; init; }

    /// <summary>The button customId that created the task, for clicks.</summary>
    public string? CustomId { get; init; }

    /// <summary>The speed mode used (<c>fast</c>, <c>relax</c>, <c>turbo</c>).</summary>
    public string? Mode { get; init; }

    /// <summary>The entry for a task just submitted or clicked.</summary>
    internal static MjJournalEntry FromTask(MjTask task, DateTimeOffset time, string? customId = null, string? mode = null) => new(task.Id)
    {
        Action = task.Action,
        ParentId = task.ParentId,
        Prompt = task.Prompt,
        Server = BaseUrl(task.Server),
        Time = time,
        State = task.State,
        CustomId = customId,
        Mode = mode,
    };

    /// <summary>The base URL of <paramref name="server"/> as the journal stores it, or null.</summary>
    internal static string? BaseUrl(Uri? server) =>
        server is { IsAbsoluteUri: true }
            ? server.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : null;

    /// <inheritdoc />
    public override string ToString()
    {
        var parent = ParentId is null ? string.Empty : $" <- {ParentId}";
        var prompt = Prompt is null ? string.Empty : $" \"{Shorten(Prompt, 40)}\"";
        return $"{Time.ToLocalTime():yyyy-MM-dd HH:mm:ss} {Id} {Action ?? "?"}{parent}{prompt}";
    }

    private static string? BaseUrl(string? server) =>
        server is not null && Uri.TryCreate(server, UriKind.Absolute, out var uri) ? BaseUrl(uri) : null;

    private static string Shorten(string text, int max)
    {
        var oneLine = text.Replace('\r', ' ').Replace('\n', ' ');
        return oneLine.Length <= max ? oneLine : oneLine.Substring(0, max - 1) + "…";
    }
}
